"""Files generated from the metadata source, and the check that they are current."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from syria_strikes.datapackage import package_descriptor, table_schema
from syria_strikes.dictionary import data_dictionary
from syria_strikes.files import DESCRIPTOR, to_json
from syria_strikes.metadata import CROSSWALK, CROSSWALK_COLUMNS, TABLES
from syria_strikes.policy import data_policy
from syria_strikes.sqlite import schema_sql


def generated_files() -> dict[str, str]:
    """Relative path -> exact content of every generated file."""
    files = {DESCRIPTOR: to_json(package_descriptor())}
    for table in TABLES:
        files[f"schemas/{table.name}.schema.json"] = to_json(table_schema(table))
    files["schemas/sqlite.sql"] = schema_sql()
    files["docs/data-dictionary.md"] = data_dictionary()
    files["docs/crosswalk.csv"] = crosswalk_csv()
    files["docs/data-policy.md"] = data_policy()
    return files


def crosswalk_csv() -> str:
    """The event_type crosswalk to ACLED and UCDP GED, in the canonical CSV form of data/."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CROSSWALK_COLUMNS)
    writer.writerows([getattr(row, name) for name in CROSSWALK_COLUMNS] for row in CROSSWALK)
    return buffer.getvalue()


def stale_files(root: Path) -> list[str]:
    return [
        path
        for path, content in generated_files().items()
        if not (root / path).is_file() or (root / path).read_text(encoding="utf-8") != content
    ]


def write_generated(root: Path) -> list[str]:
    written = []
    for path in stale_files(root):
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(generated_files()[path], encoding="utf-8", newline="\n")
        written.append(path)
    return written
