"""PDF through LibreOffice (``soffice --headless --convert-to pdf``), when it is installed.

The official font names of the Word outputs (方正小标宋简体, 仿宋_GB2312, 楷体_GB2312, 黑体)
are mapped to the open substitutes installed by ``scripts/install-system-deps.sh`` through
the fontconfig file shipped in ``jixiao/render/fontconfig/fonts.conf`` (it includes the
system configuration first); a ``FONTCONFIG_FILE`` already set by the user wins.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from importlib import resources
from pathlib import Path

from jixiao.errors import JixiaoError

TIMEOUT_SECONDS = 180
SOFFICE_NAMES = ("soffice", "libreoffice")


def fontconfig_file() -> str:
    """The shipped fontconfig file that maps the official font names to open substitutes."""
    return str(resources.files("jixiao.render").joinpath("fontconfig", "fonts.conf"))


def _environment() -> dict[str, str]:
    environment = dict(os.environ)
    environment.setdefault("FONTCONFIG_FILE", fontconfig_file())
    return environment


def find_soffice() -> str | None:
    for name in SOFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def convert_to_pdf(source: Path, out_dir: Path | None = None) -> Path:
    """Convert a docx/xlsx file to PDF beside it (or into ``out_dir``); returns the PDF path.

    A private LibreOffice profile is used for each call so that conversions can run while
    the user has LibreOffice open, and in parallel.
    """
    soffice = find_soffice()
    if soffice is None:
        raise JixiaoError(
            "E521",
            "未找到 LibreOffice（soffice），无法生成 PDF。请运行 scripts/install-system-deps.sh "
            "或执行 apt-get install -y libreoffice-writer libreoffice-calc 后重试",
        )
    target_dir = (out_dir or source.parent).resolve()
    target_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="jixiao-soffice-") as profile:
        command = [
            soffice,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(target_dir),
            str(source.resolve()),
        ]
        try:
            completed = subprocess.run(
                command,
                capture_output=True,
                text=True,
                timeout=TIMEOUT_SECONDS,
                check=False,
                env=_environment(),
            )
        except subprocess.TimeoutExpired:
            raise JixiaoError(
                "E522", f"LibreOffice 转换 PDF 超时（{TIMEOUT_SECONDS} 秒）", file=str(source)
            ) from None
    pdf = target_dir / f"{source.stem}.pdf"
    if completed.returncode != 0 or not pdf.is_file():
        detail = (completed.stderr or completed.stdout).strip().splitlines()
        reason = f"：{detail[-1]}" if detail else ""
        raise JixiaoError("E522", f"LibreOffice 未能生成 PDF{reason}", file=str(source))
    return pdf
