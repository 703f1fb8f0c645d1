"""Hostile files, made by code: one per failure class of issue 12 (and the classes that
already held). Each :class:`Hostile` names the file, its bytes, and the outcome expected of
every command that reads it: an error code (exit 2) or ``None`` (read without error).

Used by tests/robustness and by benchmarks/fuzz_mutants.py.
"""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
S_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
DOC_OPEN = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>'
DOC_CLOSE = "</w:body></w:document>"


@dataclass(frozen=True)
class Hostile:
    name: str
    make: Callable[[], bytes]
    code: str | None  # expected error code; None: read without error
    what: str


def zip_bytes(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def docx(body: str, *, raw: bytes | None = None) -> bytes:
    xml = raw if raw is not None else (DOC_OPEN + body + DOC_CLOSE).encode("utf-8")
    return zip_bytes({"[Content_Types].xml": b"<Types/>", "word/document.xml": xml})


def paragraph(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def nested_tables(depth: int, text: str = "深处") -> str:
    """Tables nested ``depth`` deep, two cells per row, the innermost holding ``text``."""
    inner = paragraph(text)
    for level in range(depth):
        inner = (
            f"<w:tbl><w:tr><w:tc>{paragraph(f'层{level}')}</w:tc>"
            f"<w:tc>{inner}{paragraph('尾')}</w:tc></w:tr>"
            f"<w:tr><w:tc>{paragraph('甲')}</w:tc><w:tc>{paragraph('乙')}</w:tc></w:tr></w:tbl>"
        )
    return inner + paragraph("完")


def _gridspan_docx() -> bytes:
    cell = f'<w:tc><w:tcPr><w:gridSpan w:val="1000"/></w:tcPr>{paragraph("x")}</w:tc>'
    rows = "".join(f"<w:tr>{cell * 100}</w:tr>" for _ in range(100))
    return docx(f"<w:tbl>{rows}</w:tbl>")


def xlsx(sheet_data: str, *, merges: str = "", styles: bytes | None = None) -> bytes:
    book = (
        f'<workbook xmlns="{S_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships"><sheets><sheet name="表1" sheetId="1" r:id="rId1"/></sheets>'
        "</workbook>"
    )
    rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="worksheet"/>'
        "</Relationships>"
    )
    sheet = (
        f'<worksheet xmlns="{S_NS}"><sheetData>{sheet_data}</sheetData>'
        f"{f'<mergeCells>{merges}</mergeCells>' if merges else ''}</worksheet>"
    )
    members = {
        "[Content_Types].xml": b"<Types/>",
        "xl/workbook.xml": book.encode(),
        "xl/_rels/workbook.xml.rels": rels.encode(),
        "xl/worksheets/sheet1.xml": sheet.encode(),
    }
    if styles is not None:
        members["xl/styles.xml"] = styles
    return zip_bytes(members)


def styles_with(format_code: str) -> bytes:
    return (
        f'<styleSheet xmlns="{S_NS}"><numFmts count="1"><numFmt numFmtId="164" '
        f'formatCode="{format_code}"/></numFmts><cellXfs count="2"><xf numFmtId="0"/>'
        '<xf numFmtId="164"/></cellXfs></styleSheet>'
    ).encode()


def _numbered_xlsx(value: str, format_code: str) -> bytes:
    row = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>项目名称</t></is></c>'
        f'<c r="B1" s="1"><v>{value}</v></c></row>'
    )
    return xlsx(row, styles=styles_with(format_code))


def _merged_xlsx(ref: str, far_cell: str | None) -> bytes:
    cells = '<c r="A1" t="inlineStr"><is><t>标题</t></is></c>'
    rows = f'<row r="1">{cells}<c r="B1" t="inlineStr"><is><t>乙</t></is></c></row>'
    if far_cell:
        number = "".join(ch for ch in far_cell if ch.isdigit())
        rows += f'<row r="{number}"><c r="{far_cell}" t="inlineStr"><is><t>末</t></is></c></row>'
    return xlsx(rows, merges=f'<mergeCell ref="{ref}"/>')


def _patch_zip(data: bytes, *, flag: int | None = None, method: int | None = None) -> bytes:
    """Set the general-purpose flag or compression method in every local and central header."""
    out = bytearray(data)
    for signature, flag_at, method_at in ((b"PK\x03\x04", 6, 8), (b"PK\x01\x02", 8, 10)):
        start = 0
        while (found := out.find(signature, start)) >= 0:
            if flag is not None:
                old = struct.unpack_from("<H", out, found + flag_at)[0]
                struct.pack_into("<H", out, found + flag_at, old | flag)
            if method is not None:
                struct.pack_into("<H", out, found + method_at, method)
            start = found + 4
    return bytes(out)


def _zip_version(data: bytes, version: int) -> bytes:
    """Claim a "version needed to extract" zipfile does not support in the directory."""
    out = bytearray(data)
    start = 0
    while (found := out.find(b"PK\x01\x02", start)) >= 0:
        struct.pack_into("<H", out, found + 6, version)
        start = found + 4
    return bytes(out)


def _corrupt_deflate() -> bytes:
    body = "".join(paragraph(f"第{i}段内容，用于压缩。") for i in range(400))
    data = bytearray(docx(body))
    local = data.find(b"word/document.xml") + len("word/document.xml")
    for offset in range(local + 40, local + 400, 7):  # garble the compressed stream
        data[offset] ^= 0x5A
    return bytes(data)


def _zip_bomb() -> bytes:
    xml = DOC_OPEN.encode() + b" " * (12 * 1024 * 1024) + DOC_CLOSE.encode()
    return zip_bytes({"word/document.xml": xml})


def _lying_header_bomb() -> bytes:
    """A member whose headers claim 1 KB but that inflates to 8 MB: read bounded, refused."""
    xml = DOC_OPEN.encode() + b" " * (8 * 1024 * 1024) + DOC_CLOSE.encode()
    data = bytearray(zip_bytes({"word/document.xml": xml}))
    for signature, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        found = data.find(signature)
        struct.pack_into("<I", data, found + size_at, 1024)
    return bytes(data)


def _billion_laughs() -> bytes:
    entities = '<!ENTITY a0 "lol">' + "".join(
        f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    )
    xml = f'<?xml version="1.0"?><!DOCTYPE d [{entities}]>' + DOC_OPEN.split("?>", 1)[1]
    return docx("", raw=(xml + "<w:p><w:r><w:t>&a9;</w:t></w:r></w:p>" + DOC_CLOSE).encode())


def _doctype_after_comment() -> bytes:
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?><!--' + "注" * 2000 + "-->"
        '<!DOCTYPE d [<!ENTITY e "外部">]>' + DOC_OPEN.split("?>", 1)[1] + paragraph("&e;")
        + DOC_CLOSE
    )
    return docx("", raw=xml.encode("utf-8"))


def _doctype_utf16() -> bytes:
    xml = (
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE d [<!ENTITY e "x">]>'
        + DOC_OPEN.split("?>", 1)[1] + paragraph("&e;") + DOC_CLOSE
    )
    return docx("", raw=xml.encode("utf-16"))


def _traversal_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        archive.writestr("word/document.xml", (DOC_OPEN + paragraph("正文") + DOC_CLOSE).encode())
        archive.writestr("../../evil.txt", b"escaped")
        link = zipfile.ZipInfo("word/link")
        link.external_attr = 0o120777 << 16  # a symlink entry
        archive.writestr(link, "/etc/passwd")
    return buffer.getvalue()


YAML_HEAD = (
    "format_version: 1\nforms:\n- type: project_self_evaluation\n  name: 测试项目\n"
    "  indicators:\n  - level1: 产出指标\n    name: 数量\n    weight: 10\n"
    "    target: '>=10'\n    actual: '12'\n"
)


def _alias_bomb() -> bytes:
    lines = ["    rule_params:", "      l0: &l0 [哈, 哈, 哈, 哈, 哈, 哈, 哈, 哈, 哈]"]
    lines += [f"      l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, 10)]
    return (YAML_HEAD + "    rule_kind: ratio\n" + "\n".join(lines) + "\n").encode()


def _indicator_yaml(weight: str, target: str, actual: str) -> bytes:
    return (
        "format_version: 1\nforms:\n- type: project_self_evaluation\n  name: 测试项目\n"
        f"  indicators:\n  - level1: 产出指标\n    name: 数量\n    weight: {weight}\n"
        f"    target: '{target}'\n    actual: '{actual}'\n"
    ).encode()


HOSTILE: list[Hostile] = [
    Hostile("nested24.docx", lambda: docx(nested_tables(24)), "E411", "表格嵌套 24 层"),
    Hostile("nested12.docx", lambda: docx(nested_tables(12)), None, "表格嵌套 12 层（允许，线性）"),
    Hostile("gridspan.docx", _gridspan_docx, "E413", "10,000 个 gridSpan=1000 的单元格"),
    Hostile("merge-xfd.xlsx", lambda: _merged_xlsx("A1:XFD1048576", None), None,
            "合并范围 A1:XFD1048576（按内容截取）"),
    Hostile("merge-all.xlsx", lambda: _merged_xlsx("A1:ALL100000", "ALL100000"), "E412",
            "合并范围 A1:ALL100000，角上有内容"),
    Hostile("date-1e999999.xlsx", lambda: _numbered_xlsx("1e999999", "yyyy-mm-dd"), None,
            "日期格式单元格存 1e999999"),
    Hostile("fmt-1e30.xlsx", lambda: _numbered_xlsx("1e30", "0.00"), None, "1e30 按 0.00 显示"),
    Hostile("fmt-long.xlsx", lambda: _numbered_xlsx("9" * 5000, "0.00%"), None, "5,000 位数字"),
    Hostile("fmt-places.xlsx", lambda: _numbered_xlsx("1.5", "0." + "0" * 5000), None,
            "5,000 位小数的格式"),
    Hostile("lines4m.txt", lambda: b"a\n" * 4_000_000, "E416", "400 万行短行"),
    Hostile("line49mb.txt", lambda: b"x" * (49 * 1024 * 1024), "E417", "一行 49 MB"),
    Hostile("cell-lines.txt", lambda: b"\tx\n" + b"y\n" * 600_000, "E417",
            "一个单元格 60 万行续行"),
    Hostile("corrupt-deflate.docx", _corrupt_deflate, "E405", "压缩数据损坏"),
    Hostile("encrypted.docx", lambda: _patch_zip(docx(paragraph("x")), flag=0x1), "E419",
            "加密的压缩包"),
    Hostile("method98.docx", lambda: _patch_zip(docx(paragraph("x")), method=98), "E405",
            "不支持的压缩方式"),
    Hostile("zip-version.xlsx", lambda: _zip_version(_merged_xlsx("A1:B1", None), 99), "E405",
            "不支持的压缩包版本（9.9）"),
    Hostile("zip-bomb.docx", _zip_bomb, "E406", "压缩炸弹（压缩比约 1000 倍）"),
    Hostile("lying-header.docx", _lying_header_bomb, "E405", "头部谎报大小的压缩炸弹"),
    Hostile("billion-laughs.docx", _billion_laughs, "E407", "实体炸弹"),
    Hostile("doctype-comment.docx", _doctype_after_comment, "E407", "5 KB 注释后的 DOCTYPE"),
    Hostile("doctype-utf16.docx", _doctype_utf16, "E407", "UTF-16 部件中的 DOCTYPE"),
    Hostile("traversal.docx", _traversal_zip, None, "../ 与符号链接成员（不解压）"),
    Hostile("paragraphs.html", lambda: b"<p>x</p>" * 150_000, "E415", "15 万个段落的网页"),
    Hostile("deep-divs.html", lambda: b"<div>x" * 100_000 + b"</div>" * 100_000, None,
            "10 万层嵌套的 div"),
    Hostile("spans.html",
            lambda: b"<table>" + b'<tr><td rowspan="1000" colspan="1000">x</td></tr>' * 9
            + b"</table>", "E413", "网页表格 rowspan/colspan 1000"),
    Hostile("entity.html",
            lambda: b'<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]><p>&x;</p>', None,
            "网页中的外部实体（不读取）"),
    Hostile("alias-bomb.yaml", _alias_bomb, "E107", "rule_params 中的 YAML 别名炸弹"),
    Hostile("deep.yaml", lambda: b"forms: " + b"[" * 1000 + b"]" * 1000 + b"\n", "E106",
            "YAML 1,000 层"),
    Hostile("deep.json", lambda: b'{"forms": ' + b"[" * 5000 + b"]" * 5000 + b"}", "E106",
            "JSON 5,000 层"),
    Hostile("python-tag.yaml", lambda: b"forms: !!python/object/apply:os.system [echo x]\n",
            "E102", "!!python 标签"),
    Hostile("huge-weight.yaml", lambda: _indicator_yaml("1.0e+999999999999", ">=10", "12"),
            "E108", "分值 1e999999999999"),
    Hostile("huge-digits.yaml", lambda: _indicator_yaml("1" * 200 + ".5", ">=10", "12"), "E108",
            "200 位的分值"),
    Hostile("string-weight.yaml", lambda: _indicator_yaml("'1e999999'", ">=10", "12"), "E202",
            "文本形式的巨大分值"),
    Hostile("ratio-extreme.yaml",
            lambda: _indicator_yaml("10", ">=0.000000000000000000000000001", "9" * 30), None,
            "完成比例 1e57"),
    Hostile("ratio-long.yaml", lambda: _indicator_yaml("10", ">=10", "1" * 5000), None,
            "5,000 位的实际值"),
    Hostile("negative-target.yaml", lambda: _indicator_yaml("10", ">=-5", "3"), None,
            "负的目标值"),
]


def by_name() -> dict[str, Hostile]:
    return {item.name: item for item in HOSTILE}


def files(folder: object) -> Iterator[tuple[Hostile, object]]:
    """Write every hostile file into ``folder`` (a pathlib.Path) and yield (item, path)."""
    from pathlib import Path

    root = Path(str(folder))
    for item in HOSTILE:
        path = root / item.name
        path.write_bytes(item.make())
        yield item, path
