from __future__ import annotations

import json

import jsonschema
import yaml

from helpers import ROOT, SEEDS
from jixiao.model.io import load_document
from jixiao.model.schema import document_schema, document_schema_text


def test_published_schema_is_current() -> None:
    published = (ROOT / "docs" / "schema" / "document.schema.json").read_text("utf-8")
    assert published == document_schema_text(), (
        "运行 jixiao schema > docs/schema/document.schema.json"
    )


def test_fixtures_validate_against_schema() -> None:
    schema = document_schema()
    for path in sorted(SEEDS.glob("seed00?_*.yaml")):
        if path.name.endswith("expected.yaml"):
            continue
        data = json.loads(json.dumps(yaml.safe_load(path.read_text("utf-8")), default=str))
        jsonschema.validate(data, schema)
        load_document(path)
