"""User-facing errors: a stable code plus a Chinese message, never a traceback."""

from __future__ import annotations


class JixiaoError(Exception):
    """An error we report to the user as ``[CODE] message`` and exit non-zero.

    Codes are stable: E1xx input files, E2xx model validation, E3xx rule packs,
    E4xx ingest (documents), E5xx rendering, E9xx internal.
    """

    def __init__(
        self, code: str, message: str, *, file: str | None = None, field: str | None = None
    ) -> None:
        self.code = code
        self.message = message
        self.file = file
        self.field = field
        super().__init__(self.render())

    def render(self) -> str:
        where = []
        if self.file:
            where.append(f"文件 {self.file}")
        if self.field:
            where.append(f"字段 {self.field}")
        prefix = f"{'，'.join(where)}：" if where else ""
        return f"[{self.code}] {prefix}{self.message}"
