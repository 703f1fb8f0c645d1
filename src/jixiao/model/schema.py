"""The published JSON Schema of the canonical document format."""

from __future__ import annotations

import json
from typing import Any

from jixiao.model.document import FORMAT_VERSION, Document

SCHEMA_ID = f"https://jixiao.invalid/schema/document-v{FORMAT_VERSION}.json"


def document_schema() -> dict[str, Any]:
    schema = Document.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID,
            **schema}


def document_schema_text() -> str:
    return json.dumps(document_schema(), ensure_ascii=False, indent=2) + "\n"
