"""Whether a release's three forms of each table hold the same rows: the CSV, the Parquet and the
SQLite table.

A build writes all three from one validated reading, so they always agree; the checksums in
datapackage.json say only that each file is the one the descriptor lists. A release put together by
hand, its checksums recomputed, can hold a CSV that says one thing and a Parquet file that says
another: the loader, the site's pages and a spreadsheet user would then each see other data.
``syria-strikes info --deep`` and ``site`` read the CSV as validate reads it, and compare. The SQLite
file's tables, views, search indexes and triggers are held to the definitions a build writes, its
vocabularies and search indexes to their rows, and the files a build derives from the tables (the
GeoJSON, Datasette's metadata, the annotations) to what it would write from these.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pyarrow as pa

from syria_strikes.files import DATABASE
from syria_strikes.metadata import TABLES, Table
from syria_strikes.problems import rejections


def disagreements(folder: Path, read: Callable[[str], bytes]) -> list[str]:
    """One line for each table whose forms differ, naming the first row and column that do; empty
    when every table's CSV, Parquet and SQLite forms hold the same rows. ``read`` gives a file of the
    release by name, as verified against its checksum: the site compares the very bytes it publishes."""
    from syria_strikes.build import sql_ready, to_arrow
    from syria_strikes.loader import parquet_table
    from syria_strikes.reading import read_table

    found = []
    schema: str | None = None
    with _read_only(read(DATABASE)) as database:
        if isinstance(database, str):
            found.append(f"{DATABASE} in {folder}: {database}")
        else:
            schema = _schema_difference(database)
            if schema is not None:
                found.append(f"{DATABASE} in {folder}: {schema}")
        arrows: dict[str, pa.Table] = {}
        for declared in TABLES:
            parquet_name = f"{declared.name}.parquet"
            parquet = parquet_table(read(parquet_name), folder / parquet_name, declared)
            frame, problems = read_table(folder / declared.file_name, declared, raw=read(declared.file_name))
            refused = rejections(problems)
            if frame is None or refused:
                named = refused[0].to_text(lambda path: str(folder / Path(path).name))
                found.append(f"{named}; a release's CSV holds only what validate accepts")
                continue
            try:
                from_csv = to_arrow(frame, declared)
            except (pa.ArrowException, ValueError, TypeError, OverflowError) as error:
                found.append(f"{declared.file_name} in {folder} does not convert to its declared types: {error}")
                continue
            against_csv = _first_difference(from_csv, parquet, frame.index.tolist())
            if against_csv is not None:
                found.append(f"{declared.file_name} and {declared.name}.parquet in {folder} differ: {against_csv}")
                continue
            against_sql = None if isinstance(database, str) else _sql_difference(database, declared, sql_ready(parquet))
            if against_sql is not None:
                found.append(f"{DATABASE} and {declared.name}.parquet in {folder} differ: {against_sql}")
                continue
            arrows[declared.name] = from_csv
        # The indexes and vocabularies are judged once the tables agree: an index of rows that differ
        # differs too, and saying so twice would name one fault as two.
        if not isinstance(database, str) and schema is None and len(arrows) == len(TABLES):
            found += [f"{DATABASE} in {folder}: {difference}" for difference in _derived_sql_differences(database)]
    if len(arrows) == len(TABLES):
        found += [f"{name} in {folder}: {difference}" for name, difference in _derived_file_differences(arrows, read)]
    return found


def _derived_sql_differences(database: sqlite3.Connection) -> list[str]:
    """What the SQLite file holds beside the tables, held to what a build writes: the vocabularies'
    rows, and each search index holding exactly its table's words (a datasette user searching an
    emptied index finds nothing, while every row is there)."""
    from syria_strikes.datasette import SEARCHED
    from syria_strikes.sqlite import vocabulary_rows

    found = []
    try:
        rows = database.execute("SELECT vocabulary, code, meaning FROM vocabularies ORDER BY rowid").fetchall()
    except sqlite3.Error as error:
        rows = [("unreadable", str(error), "")]
    if [tuple(row) for row in rows] != vocabulary_rows():
        found.append("its table vocabularies does not hold the codes and meanings a build writes")
    # The check runs on a private copy: FTS5 compares an index with its content only when that is a
    # table, so the claims' view (already held to the build's definition) is made one there.
    copy = sqlite3.connect(":memory:")
    try:
        copy.execute("PRAGMA trusted_schema = OFF")
        copy.deserialize(database.serialize())
        copy.execute('CREATE TABLE "claims_named rows" AS SELECT * FROM "claims_named"')
        copy.execute('DROP VIEW "claims_named"')
        copy.execute('ALTER TABLE "claims_named rows" RENAME TO "claims_named"')
        for name in (*SEARCHED, "claims"):
            try:
                copy.execute(f'INSERT INTO "{name}_fts" ("{name}_fts", rank) VALUES (\'integrity-check\', 1)')
            except sqlite3.Error:
                found.append(f"its search index {name}_fts does not hold the words of the rows it indexes")
    except sqlite3.Error as error:
        found.append(f"its search indexes cannot be checked ({error})")
    finally:
        copy.close()
    return found


def _derived_file_differences(arrows: dict[str, pa.Table], read: Callable[[str], bytes]) -> list[tuple[str, str]]:
    """Each file a build derives from the tables, held to what the build would write from these:
    the map's GeoJSON, Datasette's metadata, and the claims' annotations (but for the seed's words
    around each quote, which only the seeds could tell)."""
    from syria_strikes.annotations import CLAIM_COLUMNS, first_difference
    from syria_strikes.files import ANNOTATIONS, DATASETTE, GEOJSON, to_json
    from syria_strikes.geojson import geojson_text
    from syria_strikes.sqlite import datasette_metadata

    found = []
    for name, expected in (
        (GEOJSON, geojson_text(arrows["events"], arrows["claims"]).encode("utf-8")),
        (DATASETTE, to_json(datasette_metadata()).encode("utf-8")),
    ):
        if read(name) != expected:
            found.append((name, "it is not the file a build writes from the release's tables"))
    claims = {name: arrows["claims"].column(name).to_pylist() for name in CLAIM_COLUMNS}
    sources = arrows["sources"].select(["source_id", "url", "seed_path"]).to_pylist()
    targets = {row["source_id"]: row["url"] or row["seed_path"] for row in sources if row["seed_path"] is not None}
    if not set(claims["source_id"]) <= targets.keys():
        found.append((ANNOTATIONS, "a claim's source is no archived source, which a build never writes"))
        return found
    difference = first_difference(read(ANNOTATIONS), claims, targets)
    if difference is not None:
        found.append((ANNOTATIONS, difference))
    return found


def _first_difference(csv: pa.Table, parquet: pa.Table, lines: list[int]) -> str | None:
    """Where two tables of one schema first differ, by the CSV's ``lines`` (a quoted cell may hold a
    line break, so a row's line is not its position plus two) and column."""
    if csv.num_rows != parquet.num_rows:
        return f"the CSV has {csv.num_rows} rows, the Parquet file {parquet.num_rows}"
    for name in csv.column_names:
        mine, theirs = _plain(csv.column(name)), _plain(parquet.column(name))
        if mine.equals(theirs):
            continue
        for row, (left, right) in enumerate(zip(mine.to_pylist(), theirs.to_pylist(), strict=True)):
            if left != right:
                return (
                    f"line {lines[row]}, column {name}: {_shown(left)} in the CSV, {_shown(right)} in the Parquet file"
                )
    return None


def _shown(value: object) -> str:
    """A value as Python writes it, cut short: a cell may be a page long."""
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _plain(column: pa.ChunkedArray) -> pa.Array:
    """A column as one array of its values, a coded column as its codes' text."""
    if pa.types.is_dictionary(column.type):
        column = column.cast(column.type.value_type)
    return column.combine_chunks()


def _sql_difference(database: sqlite3.Connection, declared: Table, expected: pa.Table) -> str | None:
    """Where the SQLite table first differs from the rows ``expected`` holds as SQLite stores them."""
    try:
        return _sql_rows_difference(database, declared, expected)
    except sqlite3.Error as error:  # not a database, or a damaged one: its own words say which
        return f"its table {declared.name} cannot be read as SQLite ({error})"


def _sql_rows_difference(database: sqlite3.Connection, declared: Table, expected: pa.Table) -> str | None:
    kind = database.execute("SELECT type FROM sqlite_master WHERE name = ?", (declared.name,)).fetchone()
    if kind is None or kind[0] != "table":  # a view would run whatever query the file's author wrote
        return f"it holds no table {declared.name}"
    names = ", ".join(f'"{column.name}"' for column in declared.columns)
    stored = database.execute(f'SELECT {names} FROM "{declared.name}" ORDER BY rowid')
    rows = zip(*(expected.column(name).to_pylist() for name in expected.column_names), strict=True)
    for count, (want, have) in enumerate(zip(rows, stored, strict=False), start=1):
        if tuple(want) != tuple(have):
            column = next(c.name for c, w, h in zip(declared.columns, want, have, strict=True) if w != h)
            return f"row {count} of {declared.name}, column {column}, is not the Parquet file's"
    total = database.execute(f'SELECT count(*) FROM "{declared.name}"').fetchone()[0]
    if total != expected.num_rows:
        return f"its table {declared.name} has {total} rows, the Parquet file {expected.num_rows}"
    return None


def _schema_difference(database: sqlite3.Connection) -> str | None:
    """The first table, view, index or trigger whose definition is not the one a build writes, or that
    a build does not write: the rows agree, but a view redefined ('claims_named' as no rows), or a
    trigger added, would show datasette's users other data than the release's tables hold."""
    built = _built_schema()
    try:
        written = _schema(built)
    finally:
        built.close()
    held = _schema(database)
    for name in sorted(written.keys() | held.keys()):
        if name not in held:
            return f"it lacks the {written[name][0]} {name!r} a build writes"
        if name not in written:
            return f"it holds a {held[name][0]} {name!r} that no build writes"
        if held[name] != written[name]:
            return f"its {held[name][0]} {name!r} is not defined as a build defines it"
    return None


def _schema(database: sqlite3.Connection) -> dict[str, tuple[str, str]]:
    rows = database.execute("SELECT type, name, sql FROM sqlite_master").fetchall()
    return {str(name): (str(kind), str(sql)) for kind, name, sql in rows}


def _built_schema() -> sqlite3.Connection:
    """An empty database with the tables, views and search indexes a build creates."""
    import tempfile

    from syria_strikes.datasette import add_search_and_views
    from syria_strikes.sqlite import schema_sql

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / DATABASE
        connection = sqlite3.connect(path)
        try:
            connection.executescript(schema_sql())
        finally:
            connection.close()
        add_search_and_views(path)
        copy = sqlite3.connect(":memory:")
        copy.deserialize(path.read_bytes())
        return copy


@contextmanager
def _read_only(data: bytes) -> Iterator[sqlite3.Connection | str]:
    """The release's SQLite file opened from a private copy of its verified bytes, or why it cannot
    be: nothing in the release is written or locked, the file read is the one that was checked, and
    its schema's own code (views, triggers) is not trusted."""
    if not data:
        yield "it is empty"
        return
    connection = sqlite3.connect(":memory:")
    try:
        try:
            connection.execute("PRAGMA trusted_schema = OFF")
            connection.deserialize(data)
            connection.execute("PRAGMA query_only = ON")
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.Error as error:
            yield f"it cannot be read as SQLite ({error})"
        else:
            yield connection
    finally:
        connection.close()
