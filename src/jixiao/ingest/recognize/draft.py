"""A form being recognized: values with their sources, turned into a model object at the end."""

from __future__ import annotations

from dataclasses import dataclass, field

from jixiao.model import Form, SourceRef


@dataclass
class Draft:
    kind: str
    values: dict[str, object] = field(default_factory=dict)
    sources: dict[str, SourceRef] = field(default_factory=dict)
    tables: set[int] = field(default_factory=set)

    def put(self, name: str, value: object, ref: SourceRef | None) -> None:
        """Record a form-level value; the first printed value wins."""
        if value is None or value == "" or name in self.values:
            return
        self.values[name] = value
        if ref is not None:
            self.sources[name] = ref

    @property
    def name(self) -> str | None:
        value = self.values.get("name")
        return value if isinstance(value, str) else None

    def build(self) -> Form | None:
        raise NotImplementedError
