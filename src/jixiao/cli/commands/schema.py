"""``jixiao schema``: print the JSON Schema of the document format."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    @app.command()
    def schema() -> None:
        """输出规范文件格式（YAML/JSON）的 JSON Schema。"""
        from jixiao.model.schema import document_schema_text

        typer.echo(document_schema_text(), nl=False)
