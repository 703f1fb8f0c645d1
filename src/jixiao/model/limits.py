"""Every limit on a dimension an input file controls, in one place.

Each limit is a named constant with its error code and Chinese message; ``docs/limits.md``
is generated from :data:`LIMITS` (``python -m jixiao.model.limits``) and a test keeps the two
equal. A limit is checked *before* the work it bounds, so a hostile file fails fast with a
coded :class:`~jixiao.errors.JixiaoError` instead of hanging or exhausting memory.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from jixiao.errors import JixiaoError

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limit:
    """An upper bound: ``value`` of ``unit``; ``message`` is Chinese with ``{limit}``."""

    name: str
    value: int
    unit: str
    code: str
    what: str
    message: str

    def error(self, *, file: str | None = None, limit: int | None = None) -> JixiaoError:
        shown = self.value if limit is None else limit
        return JixiaoError(self.code, self.message.format(limit=f"{shown:,}"), file=file)

    def check(self, measured: int, *, file: str | None = None) -> None:
        """Raise this limit's error when ``measured`` exceeds it."""
        if measured > self.value:
            raise self.error(file=file)


LIMITS: list[Limit] = []


def _limit(name: str, value: int, unit: str, code: str, what: str, message: str) -> Limit:
    item = Limit(name, value, unit, code, what, message)
    LIMITS.append(item)
    return item


# Files
FILE_BYTES = _limit("FILE_BYTES", 50 * MB, "字节", "E403", "导入的文档文件大小",
                    "文件过大（超过 {limit} 字节）")
CANONICAL_BYTES = _limit("CANONICAL_BYTES", 50 * MB, "字节", "E103",
                         "标准 YAML/JSON 文件大小", "文件过大（超过 {limit} 字节）")
# Zip archives (docx/xlsx)
ZIP_MEMBERS = _limit("ZIP_MEMBERS", 10_000, "个", "E406", "压缩包内的文件数",
                     "压缩包内文件过多（超过 {limit} 个）")
MEMBER_BYTES = _limit("MEMBER_BYTES", 100 * MB, "字节", "E406", "压缩包内单个文件解压后的大小",
                      "压缩包成员解压后过大（超过 {limit} 字节），疑似压缩炸弹")
TOTAL_UNCOMPRESSED = _limit("TOTAL_UNCOMPRESSED", 300 * MB, "字节", "E406",
                            "压缩包解压后的总大小",
                            "压缩包解压后总大小超过 {limit} 字节，疑似压缩炸弹")
ZIP_RATIO = _limit("ZIP_RATIO", 200, "倍", "E406", "大于 2 MB 的成员的压缩比",
                   "压缩比超过 {limit} 倍，疑似压缩炸弹")
# Tables
CELLS = _limit("CELLS", 500_000, "个", "E408", "一个文件中读出的非空单元格数",
               "表格单元格过多（超过 {limit} 个），已停止读取")
RAW_CELLS = _limit("RAW_CELLS", 2_000_000, "个", "E408",
                   "一个 Word 文件中的单元格元素数（含空单元格）",
                   "表格单元格过多（超过 {limit} 个），已停止读取")
SHEET_ROWS = _limit("SHEET_ROWS", 100_000, "行", "E408", "工作表的行号",
                    "工作表超出 {limit} 行，已停止读取")
SHEET_COLS = _limit("SHEET_COLS", 1_000, "列", "E408", "工作表的列号",
                    "工作表超出 {limit} 列，已停止读取")
TABLE_NESTING = _limit("TABLE_NESTING", 16, "层", "E411", "Word 表格中嵌套表格的层数",
                       "表格嵌套过深（超过 {limit} 层），已停止读取")
MERGED_AREA = _limit("MERGED_AREA", 5_000_000, "个位置", "E412",
                     "一个工作表中合并单元格覆盖的位置总数（按有内容的范围截取后）",
                     "合并单元格范围过大（覆盖超过 {limit} 个位置），已停止读取")
GRID_COLS = _limit("GRID_COLS", 1_000, "列", "E413", "一个表格的列数（含合并跨越的列）",
                   "表格过宽（超过 {limit} 列，含合并的列），已停止读取")
GRID_AREA = _limit("GRID_AREA", 5_000_000, "个位置", "E414",
                   "一个表格的行数×列数，以及合并单元格覆盖的位置总数",
                   "表格过大（行×列或合并覆盖超过 {limit} 个位置），已停止读取")
# Text
PARAGRAPHS = _limit("PARAGRAPHS", 100_000, "段", "E415", "一个文件中的段落数",
                    "段落过多（超过 {limit} 段），已停止读取")
TEXT_LINES = _limit("TEXT_LINES", 1_000_000, "行", "E416", "文本导出文件的行数",
                    "文本行数过多（超过 {limit} 行），已停止读取")
PARAGRAPH_CHARS = _limit("PARAGRAPH_CHARS", 100_000, "字符", "E417",
                         "一行、一个段落或一个单元格的字符数",
                         "单个段落或单元格过长（超过 {limit} 个字符），已停止读取")
# PDF and scanned pages (the readers add the measured count and the page to the message)
PDF_PAGES = _limit("PDF_PAGES", 500, "页", "E433", "PDF 文件的页数",
                   "PDF 页数过多（上限 {limit} 页）")
PDF_SECONDS = _limit("PDF_SECONDS", 120, "秒", "E437", "读取一个 PDF 文件的用时",
                     "PDF 读取超时（超过 {limit} 秒）")
OCR_PAGES = _limit("OCR_PAGES", 50, "页", "E444", "需要文字识别的扫描件或图片的页数",
                   "扫描件页数过多（上限 {limit} 页）")
IMAGE_PIXELS = _limit("IMAGE_PIXELS", 60_000_000, "像素", "E442",
                      "一页扫描图像的像素数（约 A3 幅面 600 dpi）",
                      "扫描图像尺寸过大（超过 {limit} 像素）")
# Numbers (bounded before any Decimal arithmetic)
NUMBER_DIGITS = _limit("NUMBER_DIGITS", 40, "位", "E108", "一个数字的有效数字位数",
                       "数字位数过多（超过 {limit} 位），无法处理")
NUMBER_EXPONENT = _limit("NUMBER_EXPONENT", 30, "（10 的幂）", "E108",
                         "一个数字的数量级：绝对值小于 10^(上限+1)，非零时不小于 10^-上限",
                         "数字数量级超出范围（超过 10 的 {limit} 次方），无法处理")
FORMAT_DECIMALS = _limit("FORMAT_DECIMALS", 30, "位", "E418",
                         "Excel 数字格式的小数位数（超过时不报错，按存储的原值显示）",
                         "数字格式的小数位数过多（超过 {limit} 位），按原值显示")
# Canonical YAML/JSON
NESTING_DEPTH = _limit("NESTING_DEPTH", 100, "层", "E106", "标准 YAML/JSON 文件的嵌套层数",
                       "嵌套层数过深（超过 {limit} 层），无法处理")
YAML_NODES = _limit("YAML_NODES", 500_000, "个", "E107",
                    "标准 YAML 文件展开别名（*alias）后的节点总数",
                    "YAML 别名展开后内容过多（超过 {limit} 个节点），疑似别名炸弹")


def number_in_bounds(value: Decimal) -> bool:
    """Finite, at most NUMBER_DIGITS significant digits, magnitude within NUMBER_EXPONENT.

    Checked on the digits and exponent only: no arithmetic on an unbounded number."""
    if not value.is_finite():
        return False
    if value.is_zero():
        return True
    digits = len(value.as_tuple().digits)
    return (
        digits <= NUMBER_DIGITS.value
        and -NUMBER_EXPONENT.value <= value.adjusted() <= NUMBER_EXPONENT.value
    )


def read_decimal(text: str) -> Decimal | None:
    """The number ``text`` spells, or ``None`` when it is not one or is out of bounds (the
    length is checked before Decimal reads the digits). For every reader of printed figures."""
    if len(text) > 2 * NUMBER_DIGITS.value:
        return None
    try:
        value = Decimal(text)
    except ArithmeticError:
        return None
    return value if number_in_bounds(value) else None


def number_error(value: Decimal, *, file: str | None = None) -> JixiaoError:
    """The limit error for a number outside :func:`number_in_bounds`."""
    if value.is_finite() and len(value.as_tuple().digits) > NUMBER_DIGITS.value:
        return NUMBER_DIGITS.error(file=file)
    return NUMBER_EXPONENT.error(file=file)


def markdown_table() -> str:
    """The limits table of ``docs/limits.md``."""
    lines = ["| 常量 | 代码 | 限制对象 | 上限 | 报错信息 |", "|---|---|---|---|---|"]
    for item in LIMITS:
        message = item.message.format(limit=f"{item.value:,}")
        lines.append(f"| `{item.name}` | {item.code} | {item.what} | {item.value:,} {item.unit} "
                     f"| {message} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(markdown_table(), end="")
