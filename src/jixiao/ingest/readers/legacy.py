"""Legacy Office files (.doc, .xls, WPS's .wps/.et) through LibreOffice.

The bytes are copied into a fresh temporary directory and converted there by ``soffice
--headless`` with a user profile of its own (so a running LibreOffice or another conversion
never interferes) and a time limit; the original is never opened by LibreOffice. The
converted .docx/.xlsx goes through the ordinary readers, so merges and number formats are
kept (python-calamine, which reads .xls directly, loses both).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from jixiao.errors import JixiaoError
from jixiao.ingest.grid import RawDocument

CONVERT_SECONDS = 120
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_TARGETS = {".doc": "docx", ".wps": "docx", ".xls": "xlsx", ".et": "xlsx"}
# Import filters named explicitly: LibreOffice would otherwise read a damaged file as text.
_FILTERS = {".doc": "MS Word 97", ".wps": "MS Word 97", ".xls": "MS Excel 97",
            ".et": "MS Excel 97"}


def soffice() -> str | None:
    """The LibreOffice executable, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(data: bytes, suffix: str, target: str, file: str,
            timeout: float = CONVERT_SECONDS) -> bytes:
    """``data`` (a file ending in ``suffix``) converted by LibreOffice to format ``target``."""
    program = soffice()
    if program is None:
        raise JixiaoError(
            "E445", f"读取 {suffix} 文件需要 LibreOffice，但本机未安装（请另存为 .docx/.xlsx）",
            file=file,
        )
    with tempfile.TemporaryDirectory(prefix="jixiao-lo-") as work:
        folder = Path(work)
        source = folder / f"input{suffix}"
        source.write_bytes(data)
        command = [
            program,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless", "--norestore", "--nolockcheck",
            *([f"--infilter={_FILTERS[suffix]}"] if suffix in _FILTERS else []),
            "--convert-to", target, "--outdir", str(folder / "out"), str(source),
        ]
        env = {**os.environ, "HOME": work}
        try:
            subprocess.run(command, capture_output=True, timeout=timeout, check=False,
                           env=env, stdin=subprocess.DEVNULL, start_new_session=True)
        except subprocess.TimeoutExpired:
            raise JixiaoError(
                "E446", f"转换 {suffix} 文件超时（超过 {timeout:g} 秒），文件可能已损坏", file=file
            ) from None
        except OSError as exc:
            raise JixiaoError("E445", f"无法启动 LibreOffice：{exc}", file=file) from None
        produced = sorted((folder / "out").glob(f"*.{target.split(':')[0]}"))
        if not produced:
            raise JixiaoError(
                "E447", f"{suffix} 文件无法转换（已损坏、加密或不是该格式）", file=file
            )
        return produced[0].read_bytes()


def read_legacy(data: bytes, file: str, suffix: str) -> RawDocument:
    """A .doc/.wps/.xls/.et file read as the .docx/.xlsx LibreOffice makes of it."""
    from jixiao.ingest.readers.docx import read_docx
    from jixiao.ingest.readers.xlsx import read_xlsx

    target = _TARGETS[suffix]
    if suffix == ".doc" and not data.startswith(OLE_MAGIC) and data.startswith(b"PK"):
        return read_docx(data, file)  # a .docx renamed .doc
    if suffix in (".xls", ".et") and data.startswith(b"PK"):
        return read_xlsx(data, file)
    if not data.startswith(OLE_MAGIC):
        raise JixiaoError("E447", f"不是有效的 {suffix} 文件（文件头不对或已损坏）", file=file)
    converted = convert(data, suffix, target, file)
    raw = read_docx(converted, file) if target == "docx" else read_xlsx(converted, file)
    raw.format = suffix.lstrip(".")
    return raw
