"""Limits that keep hostile or broken files from exhausting memory or time.

Every failure is a :class:`~jixiao.errors.JixiaoError` with a stable E4xx code (see
``docs/ingest.md``). Office files are zip archives: member sizes are checked from the
directory *and* while reading (a lying header cannot inflate past the limit). XML is parsed
without DTDs, entities or network access; a DOCTYPE in an Office part is rejected outright.
"""

from __future__ import annotations

import zipfile
import zlib
from io import BytesIO
from pathlib import Path
from typing import Any

from lxml import etree

from jixiao.errors import JixiaoError
from jixiao.model import limits

# The limits themselves (value, code, message) live in jixiao.model.limits.
MAX_FILE_BYTES = limits.FILE_BYTES.value
MAX_MEMBER_BYTES = limits.MEMBER_BYTES.value
MAX_TOTAL_UNCOMPRESSED = limits.TOTAL_UNCOMPRESSED.value
MAX_RATIO = limits.ZIP_RATIO.value  # uncompressed / compressed, for members above RATIO_FLOOR
RATIO_FLOOR = 2 * 1024 * 1024
MAX_MEMBERS = limits.ZIP_MEMBERS.value
MAX_CELLS = limits.CELLS.value
MAX_SHEET_ROWS = limits.SHEET_ROWS.value
MAX_SHEET_COLS = limits.SHEET_COLS.value
MAX_GRID_AREA = limits.GRID_AREA.value  # rows × columns of one table, merged positions included
MAX_RAW_CELLS = limits.RAW_CELLS.value  # cells scanned in a file, empty ones included
# Compression methods zipfile can read without optional modules missing at run time.
_READABLE_COMPRESSION = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}


def read_input(path: Path) -> bytes:
    """The file's bytes, refusing missing and oversized files."""
    name = str(path)
    try:
        if not path.is_file():
            raise JixiaoError("E401", "文件不存在或不是普通文件", file=name)
        if path.stat().st_size > MAX_FILE_BYTES:
            limit = MAX_FILE_BYTES // 1024 // 1024
            raise JixiaoError("E403", f"文件过大（超过 {limit} MB）", file=name)
        return path.read_bytes()
    except OSError as exc:
        raise JixiaoError("E401", f"无法读取文件：{exc.strerror or exc}", file=name) from None


def check_cell_budget(cells: int, limit: int, file: str) -> None:
    if cells > limit:
        raise JixiaoError("E408", f"表格单元格过多（超过 {limit} 个），已停止读取", file=file)


class SafeZip:
    """A zip archive whose directory passed the bomb checks; members are read bounded."""

    def __init__(self, data: bytes, file: str, kind: str) -> None:
        self.file = file
        self.kind = kind
        try:
            self._zip = zipfile.ZipFile(BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
            raise JixiaoError(
                "E405", f"不是有效的 {kind} 文件（压缩包损坏或格式不对）", file=file
            ) from None
        except NotImplementedError:  # a zip version or feature zipfile cannot read
            raise JixiaoError(
                "E405", f"{kind} 文件使用了不支持的压缩包版本，请用 Office/WPS 重新保存", file=file
            ) from None
        if len(infos) > MAX_MEMBERS:
            raise JixiaoError("E406", f"压缩包内文件过多（{len(infos)} 个）", file=file)
        total = 0
        for info in infos:
            if info.flag_bits & 0x1:
                raise JixiaoError(
                    "E419", f"{kind} 文件已加密（设置了打开密码），请先取消密码再导入", file=file
                )
            if info.compress_type not in _READABLE_COMPRESSION:
                raise JixiaoError(
                    "E405",
                    f"压缩包成员 {info.filename} 使用了不支持的压缩方式（{info.compress_type}），"
                    "请用 Office/WPS 重新保存",
                    file=file,
                )
            total += info.file_size
            ratio_bad = info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(
                info.compress_size, 1
            )
            if info.file_size > MAX_MEMBER_BYTES or ratio_bad:
                raise JixiaoError(
                    "E406", f"压缩包异常：{info.filename} 解压后过大，疑似压缩炸弹", file=file
                )
        if total > MAX_TOTAL_UNCOMPRESSED:
            raise JixiaoError("E406", "压缩包解压后总大小超过上限，疑似压缩炸弹", file=file)
        self.names = {info.filename for info in infos}

    def read(self, name: str) -> bytes:
        """A member's bytes, never more than MAX_MEMBER_BYTES whatever its header claims."""
        if name not in self.names:
            raise JixiaoError("E409", f"{self.kind} 文件缺少必要部件 {name}", file=self.file)
        try:
            with self._zip.open(name) as member:
                data = member.read(MAX_MEMBER_BYTES + 1)
        except (
            zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError, NotImplementedError,
            RuntimeError,  # encrypted member (refused above; kept for safety)
        ):
            raise JixiaoError("E405", f"压缩包成员 {name} 损坏，无法解压", file=self.file) from None
        if len(data) > MAX_MEMBER_BYTES:
            raise JixiaoError("E406", f"{name} 解压后过大，疑似压缩炸弹", file=self.file)
        return data


_XML_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    dtd_validation=False,
    huge_tree=False,
    remove_comments=True,
    remove_pis=True,
)


def parse_xml(data: bytes, file: str, part: str) -> etree._Element:
    """Parse an Office XML part; a document type declaration is refused wherever it stands.

    The parser never loads a DTD, resolves an entity or touches the network; after parsing,
    any DOCTYPE (read by libxml2 in whatever encoding the part declares, after any comment)
    is refused, so the refusal does not depend on where or how the declaration is spelled.
    """
    try:
        root = etree.fromstring(data, _XML_PARSER)
    except (etree.XMLSyntaxError, ValueError):
        raise JixiaoError("E407", f"{part} 不是格式正确的 XML", file=file) from None
    info: Any = root.getroottree().docinfo
    if info.doctype or info.internalDTD is not None:
        raise JixiaoError("E407", f"{part} 含有 DTD/实体声明，出于安全原因拒绝读取", file=file)
    return root


_TEXT_ENCODINGS = ("utf-8", "gb18030")


def decode_text(data: bytes, file: str, declared: str | None = None) -> str:
    """Decode a text export or web page: BOM first, then a declared charset, UTF-8, GB18030."""
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    ):
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError:
                break
    candidates = ([declared] if declared else []) + list(_TEXT_ENCODINGS)
    for codec in candidates:
        try:
            return data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
    raise JixiaoError("E404", "无法识别文本编码（应为 UTF-8 或 GBK/GB18030）", file=file)
