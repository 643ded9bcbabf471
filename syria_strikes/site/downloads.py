"""The site's download folder: the release's files, their spreadsheet copies, the files a reader needs
beside them, and the one zip of them all, which is the zip `syria-strikes bundle` writes for the same data.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from syria_strikes.companions import (
    CITATION,
    COMPANION_FILES,
    DICTIONARY,
    README,
    SUMMARY_FILE,
    SUMMARY_WORDS,
    bundle_name,
    in_top_folder,
    zip_files,
    zipped,
)
from syria_strikes.coverage import coverage_sentence
from syria_strikes.files import DESCRIPTOR
from syria_strikes.site.model import Site


def offered_downloads(site: Site, version: str) -> dict[str, Any]:
    """The release files (already verified), the files a reader needs beside them (README, data
    dictionary, citation, licences) and the zip of them all, which is the very zip
    ``syria-strikes bundle`` writes for the same data, with the checksums the download page lists."""
    descriptor = json.loads(site.release_files[DESCRIPTOR])
    described = {
        resource["path"]: resource.get("description", resource.get("title", "")) for resource in descriptor["resources"]
    }
    derived = site.derived_files
    zipped_files = zip_files(
        site.release_files, derived, version, coverage_sentence(site.counts), site.repository_files
    )
    spreadsheet = {name: data for name, data in zipped_files.items() if name.startswith("excel/")}
    companions = {name: zipped_files[name] for name in COMPANION_FILES}
    contents = {**companions, **derived, **site.release_files, **spreadsheet}  # what to read first, then the data
    zip_name = bundle_name(version)
    bundle = {zip_name: zipped(in_top_folder(zipped_files, version))}
    descriptions = {
        zip_name: "Everything below in one zip: the data, its "
        "spreadsheet copies, the README, the data dictionary, the citation and both licences.",
        DESCRIPTOR: "The Frictionless descriptor: tables, columns, checksums.",
        **{
            name: f"{name.removeprefix('excel/')} with a UTF-8 byte-order mark, so that Excel shows accents and "
            "curly quotes correctly."
            for name in spreadsheet
        },
        README: "What each file holds, how to open it and how to cite it.",
        SUMMARY_FILE: SUMMARY_WORDS,
        DICTIONARY: "What every column means and which values it allows, as on the dictionary page, with what "
        "each type becomes in pandas, Arrow and SQLite and how event types map to ACLED and UCDP GED.",
        CITATION: "How to cite this version, in the Citation File Format (CFF).",
        "LICENSE-DATA": "The data's licence: Creative Commons Attribution 4.0 International (CC BY 4.0).",
        "LICENSE": "The licence of the code that built the data (MIT).",
    }
    listing = [
        {
            "name": name,
            "description": descriptions.get(name) or described.get(name, ""),
            "bytes": len(data),
            "sha256": hashlib.sha256(data).hexdigest(),
        }
        for name, data in {**bundle, **contents}.items()
    ]
    return {"listing": listing, "files": {f"download/{name}": data for name, data in {**bundle, **contents}.items()}}
