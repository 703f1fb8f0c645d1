"""Read and write the canonical document format (YAML or JSON) with Chinese errors.

YAML floats are loaded as ``Decimal`` from their text, so ``9.60`` keeps two places: the
printed precision of a figure decides how strictly it is checked.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from jixiao.errors import JixiaoError
from jixiao.model.document import Document
from jixiao.model.limits import (
    CANONICAL_BYTES,
    NESTING_DEPTH,
    NUMBER_DIGITS,
    YAML_NODES,
    number_error,
    number_in_bounds,
)

MAX_INPUT_BYTES = CANONICAL_BYTES.value
ModelT = TypeVar("ModelT", bound=BaseModel)


class _DecimalLoader(yaml.SafeLoader):
    """SafeLoader that turns floats into Decimal, keeping the printed digits, and bounds the
    composed graph: nesting depth before descending, and the size with every alias expanded
    (a node's expanded size is known once it is composed, so an alias bomb is refused at the
    first alias that pushes the total over the limit, without expanding anything)."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0
        self._sizes: dict[int, int] = {}
        self._expanded = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            node = super().compose_node(parent, index)
            self._count(self._sizes.get(id(node), 1))
            return node
        self._depth += 1
        if self._depth > NESTING_DEPTH.value:
            raise NESTING_DEPTH.error()
        try:
            node = super().compose_node(parent, index)
        finally:
            self._depth -= 1
        if node is not None:
            self._sizes[id(node)] = _node_size(node, self._sizes)
            self._count(1)
        return node

    def _count(self, size: int) -> None:
        self._expanded += size
        if self._expanded > YAML_NODES.value:
            raise YAML_NODES.error()


def _node_size(node: yaml.Node, sizes: dict[int, int]) -> int:
    """1 + the expanded sizes of the node's children (each already composed and sized)."""
    if isinstance(node, yaml.SequenceNode):
        return 1 + sum(sizes.get(id(child), 1) for child in node.value)
    if isinstance(node, yaml.MappingNode):
        return 1 + sum(
            sizes.get(id(key), 1) + sizes.get(id(value), 1) for key, value in node.value
        )
    return 1


def _bounded(value: Decimal) -> Decimal:
    if not number_in_bounds(value):
        raise number_error(value)
    return value


def _construct_decimal(loader: yaml.SafeLoader, node: yaml.Node) -> Decimal:
    text = str(loader.construct_scalar(node)).replace("_", "")  # type: ignore[arg-type]
    lowered = text.lower()
    if lowered in (".nan", ".inf", "-.inf", "+.inf"):
        raise yaml.constructor.ConstructorError(None, None, f"不支持的数值 {text}", node.start_mark)
    return _bounded(Decimal(text))


def _construct_int(loader: yaml.SafeLoader, node: yaml.Node) -> int:
    text = str(loader.construct_scalar(node))  # type: ignore[arg-type]
    if len(text) > 2 * NUMBER_DIGITS.value:  # checked before int() converts the digits
        raise NUMBER_DIGITS.error()
    value = yaml.SafeLoader.construct_yaml_int(loader, node)  # type: ignore[arg-type]
    _bounded(Decimal(value))
    return int(value)


_DecimalLoader.add_constructor("tag:yaml.org,2002:float", _construct_decimal)
_DecimalLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)


def _json_number(text: str) -> Decimal:
    if len(text) > 2 * NUMBER_DIGITS.value:  # checked before Decimal reads the digits
        raise NUMBER_DIGITS.error()
    return _bounded(Decimal(text))


def _json_int(text: str) -> int:
    return int(_json_number(text))


def _bracket_depth(text: str, tokens: re.Pattern[str]) -> int:
    """The deepest bracket nesting of a JSON text or of YAML flow collections (brackets
    inside quoted strings ignored), found in one linear scan before any parsing: PyYAML's
    scanner is quadratic in flow depth, so the depth must be known before it runs."""
    if text.count("[") + text.count("{") <= NESTING_DEPTH.value:
        return 0
    depth = deepest = 0
    for match in tokens.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif token in "]}":
            depth -= 1
    return deepest


_JSON_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')
_YAML_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\']|\'\')*\'|#[^\n]*|[\[\]{}]')


class _DecimalDumper(yaml.SafeDumper):
    """Dumper that writes Decimal as plain numbers and keeps Chinese readable."""


def _represent_decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.Node:
    text = format(value, "f")
    tag = "tag:yaml.org,2002:float" if "." in text else "tag:yaml.org,2002:int"
    return dumper.represent_scalar(tag, text)


_DecimalDumper.add_representer(Decimal, _represent_decimal)


def _describe_location(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(part) for part in loc) or "（根）"


def _chinese_validation_message(error: dict[str, Any]) -> str:
    kind = error.get("type", "")
    messages = {
        "missing": "缺少必填字段",
        "extra_forbidden": "不认识的字段（拼写错误？）",
        "decimal_parsing": "应为数字",
        "decimal_type": "应为数字",
        "int_parsing": "应为整数",
        "int_type": "应为整数",
        "string_type": "应为文本",
        "bool_parsing": "应为 true 或 false",
        "bool_type": "应为 true 或 false",
        "list_type": "应为列表",
        "dict_type": "应为映射（键: 值）",
        "model_type": "应为映射（键: 值）",
        "literal_error": "取值不在允许范围内",
        "union_tag_invalid": "表格类型 type 不认识",
        "union_tag_not_found": "缺少表格类型 type",
        "greater_than_equal": "不能为负数",
        "value_error": str(error.get("msg", "取值不正确")).removeprefix("Value error, "),
    }
    return messages.get(kind, str(error.get("msg", "取值不正确")))


def validated(model: type[ModelT], data: object, *, code: str, file: str | None = None
              ) -> ModelT:
    """Validate plain data into ``model``; the first pydantic error becomes one Chinese
    :class:`JixiaoError` naming the file and the field (``forms.0.indicators.2.weight``)."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = _describe_location(first["loc"])
        more = f"（另有 {exc.error_count() - 1} 处错误）" if exc.error_count() > 1 else ""
        raise JixiaoError(code, _chinese_validation_message(dict(first)) + more, file=file,
                          field=field) from None


def document_from_data(data: object, *, file: str | None = None) -> Document:
    """Validate plain data into a Document, turning pydantic errors into one Chinese error."""
    if not isinstance(data, dict):
        raise JixiaoError("E201", "文件内容应为一个映射（键: 值），顶层需要 forms 列表", file=file)
    return validated(Document, data, code="E202", file=file)


def parse_document_text(
    text: str, *, file: str | None = None, json_format: bool = False
) -> Document:
    try:
        if json_format:
            NESTING_DEPTH.check(_bracket_depth(text, _JSON_TOKENS), file=file)
            data = json.loads(text, parse_float=_json_number, parse_int=_json_int)
        else:
            NESTING_DEPTH.check(_bracket_depth(text, _YAML_TOKENS), file=file)
            data = yaml.load(text, Loader=_DecimalLoader)  # SafeLoader subclass
    except JixiaoError as error:
        raise JixiaoError(error.code, error.message, file=file) from None
    except (yaml.YAMLError, json.JSONDecodeError, ValueError, ArithmeticError,
            RecursionError) as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"（第{mark.line + 1}行第{mark.column + 1}列）" if mark is not None else ""
        kind = "JSON" if json_format else "YAML"
        raise JixiaoError("E102", f"{kind} 格式错误{where}：无法解析", file=file) from None
    return document_from_data(data, file=file)


def load_document(path: str | Path) -> Document:
    """Load a canonical YAML/JSON document from disk."""
    path = Path(path)
    name = str(path)
    if not path.is_file():
        raise JixiaoError("E101", "文件不存在或不是普通文件", file=name)
    if path.stat().st_size > MAX_INPUT_BYTES:
        raise JixiaoError(
            "E103", f"文件过大（超过 {MAX_INPUT_BYTES // 1024 // 1024} MB）", file=name
        )
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("gb18030")
        except UnicodeDecodeError:
            raise JixiaoError("E104", "无法识别文件编码（应为 UTF-8 或 GBK）", file=name) from None
    document = parse_document_text(text, file=name, json_format=path.suffix.lower() == ".json")
    if document.source_file is None:
        document = document.model_copy(update={"source_file": name})
    return document


def _plain(document: Document, mode: str) -> dict[str, Any]:
    """Plain data with empty and default fields dropped, but ``type`` always kept first."""
    data = document.model_dump(mode=mode, exclude_defaults=True, exclude_none=True)
    data.pop("format_version", None)
    forms = [
        {"type": form.type} | dumped
        for form, dumped in zip(document.forms, data.get("forms", []), strict=True)
    ]
    result: dict[str, Any] = {"format_version": document.format_version} | data
    if forms:
        result["forms"] = forms
    return result


def document_to_data(document: Document) -> dict[str, Any]:
    """Plain data for YAML output (Decimal values kept as Decimal)."""
    return _plain(document, "python")


def dump_yaml(document: Document) -> str:
    return yaml.dump(
        document_to_data(document),
        Dumper=_DecimalDumper,
        allow_unicode=True,
        sort_keys=False,
        width=100,
    )


def dump_json(document: Document) -> str:
    return json.dumps(_plain(document, "json"), ensure_ascii=False, indent=2)
