"""The JSON Schema of the document JSON, generated from ``records.PlanDocument``; validation of files.

``python -m pipeline.schema`` rewrites ``schemas/document.schema.json``; a test fails when the checked-in
file and the record types drift apart.
"""
from __future__ import annotations

import json
import sys
from functools import lru_cache
from pathlib import Path

from .records import SCHEMA_VERSION, PlanDocument

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schemas" / "document.schema.json"


def generate() -> dict:
    schema = PlanDocument.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://vnplan.local/schemas/document-{SCHEMA_VERSION}.json"
    return schema


def render() -> str:
    return json.dumps(generate(), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


@lru_cache(maxsize=1)
def _validator():
    import jsonschema

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def validate(obj: dict) -> None:
    """Raise ``jsonschema.ValidationError`` if ``obj`` does not follow the checked-in schema."""
    _validator().validate(obj)


def main() -> int:
    SCHEMA_PATH.parent.mkdir(parents=True, exist_ok=True)
    SCHEMA_PATH.write_text(render(), encoding="utf-8")
    print(f"wrote {SCHEMA_PATH}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
