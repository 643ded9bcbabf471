"""The `syria-strikes` command: validate, build, bundle, data-hash, generate, info, site, and the
curator's archive, locate, coverage and diff.

Exit codes are part of the contract:

- 0: done (the data is valid, the release was built, the release checks out);
- 1: invalid data, or a damaged or missing release; every problem is listed;
- 2: a usage error, such as an unknown option or an ``--out`` a build must not replace;
- 3: the system stopped the command: a full disk, a file that cannot be written, another build
  holding the output's lock, stdout closed or full. The message says which; nothing was lost;
- 130: interrupted (Ctrl-C), in the command's own process (``__main__``): one line, no traceback.
- 143, 129: terminated (SIGTERM) or hung up (SIGHUP), likewise: each writer removes or puts back what it began.
- 141: the reader of the output went away (``syria-strikes info | head``): the command ends
  quietly, as other Unix tools do.

Bad data is always reported as problems and a failing system as one sentence, never as a
traceback. Every printed field is escaped (see ``terminal``), so no file name or cell can send
control sequences to the terminal.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import json
import os
import sys
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from syria_strikes.errors import InputError
from syria_strikes.extras import MissingExtra, require
from syria_strikes.files import DESCRIPTOR
from syria_strikes.paths import RELEASE_MARKER_FILE, dataset_root

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

from syria_strikes.arguments import path_argument
from syria_strikes.terminal import escape, escape_lines, escape_markup

OK = 0
INVALID = 1
USAGE_ERROR = 2
SYSTEM_ERROR = 3
BROKEN_PIPE = 141


class _Parser(argparse.ArgumentParser):
    """argparse quotes arguments back in its errors; escape them like every other output."""

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        """As argparse's, but a failed write is raised, not passed over: help lost to a full disk is an error."""
        if message:
            (file or sys.stderr).write(escape_lines(message))


def main(argv: list[str] | None = None) -> int:
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="backslashreplace")  # a narrow console shows odd cells escaped
    parser = _parser()
    try:
        args = parser.parse_args(argv)
        if not hasattr(args, "run"):
            parser.print_help(sys.stderr)
            return USAGE_ERROR
        # A usage error in a command shows that command's usage, not the list of commands.
        code: int = args.run(args, getattr(args, "command_parser", parser))
        _flush()
    except SystemExit as done:  # --help and --version print, then exit 0: their output must be written too
        if done.code not in (0, None):
            raise
        return _written_or_failed()
    except (OSError, RecursionError, MemoryError) as error:  # a BrokenPipeError is an OSError too
        return _failed(error)
    except MissingExtra as error:
        _complain(str(error))
        return USAGE_ERROR
    except InputError as error:
        _complain(str(error))
        return USAGE_ERROR
    return code


def _written_or_failed() -> int:
    """OK once what was printed reached standard output, else the flush's failure."""
    try:
        _flush()
    except OSError as error:
        return _failed(error)
    return OK


def _failed(error: OSError | RecursionError | MemoryError) -> int:
    """The exit code of a command the system stopped, its reason said in one line: a reader gone
    (quietly), a path longer than the system allows (the user's to shorten), or the system's refusal."""
    if isinstance(error, OSError) and error.errno == errno.EPIPE:
        return _reader_gone()
    if isinstance(error, OSError) and error.errno == errno.ENAMETOOLONG:  # a path the user gave
        _complain(f"a path is longer than the system allows ({error.filename}); give a shorter one")
        return USAGE_ERROR
    _complain(_system_words(error))
    return SYSTEM_ERROR


def _flush() -> None:
    if sys.stdout is None:
        raise OSError(errno.EBADF, "standard output is closed", "<stdout>")
    sys.stdout.flush()


def _reader_gone() -> int:
    """Point stdout at /dev/null so the interpreter's last flush cannot fail again at exit."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):
        pass
    return BROKEN_PIPE


def _system_words(error: BaseException) -> str:
    if isinstance(error, RecursionError):
        return "the input is nested too deeply to process; nothing was changed"
    if isinstance(error, MemoryError):
        return "the input is too large for the memory available; nothing was changed"
    assert isinstance(error, OSError)
    words = {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is exceeded",
        errno.EFBIG: "a file grew larger than the system allows",
        errno.EACCES: "permission denied",
        errno.EPERM: "the operation is not permitted",
        errno.EROFS: "the file system is read-only",
        errno.EBADF: "standard output is closed",
    }.get(error.errno or 0, error.strerror or str(error))
    where = f" ({error.filename})" if error.filename else ""
    return f"{words}{where}; the command stopped and changed nothing it had not finished"


def _complain(sentence: str, prefix: str = "error: ") -> None:
    """One line on stderr; if even stderr is gone, the exit code says it all."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        print(f"{prefix}{escape(sentence)}", file=sys.stderr, flush=True)


def _emit(text: str) -> None:
    """Print a finished text, every line escaped; a closed stdout is an error, not silence."""
    if sys.stdout is None:
        raise OSError(errno.EBADF, "standard output is closed", "<stdout>")
    sys.stdout.write(escape_lines(text) + "\n")


@cache  # built once per process: a program that runs many commands in-process need not rebuild it
def _parser() -> argparse.ArgumentParser:
    from syria_strikes.version import __version__

    parser = _Parser(
        prog="syria-strikes",
        description="Validate, build and inspect the syria-strikes dataset.",
    )
    parser.add_argument("--version", action="version", version=f"syria-strikes {__version__}")
    commands = parser.add_subparsers(title="commands", parser_class=_Parser)

    validate = commands.add_parser("validate", help="check every rule and list every problem")
    _add_data_dir(validate, "seeds/ and datapackage.json sit beside it")
    validate.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    validate.add_argument(
        "--no-cache",
        action="store_true",
        help="check everything afresh, neither reading nor writing .syria-strikes-cache/ beside data/",
    )
    validate.set_defaults(run=_run_validate)

    build = commands.add_parser("build", help="validate, then write the release (Parquet, CSV, SQLite)")
    _add_data_dir(build, "seeds/ sits beside it")
    build.add_argument(
        "--out",
        type=path_argument,
        default=None,
        metavar="DIR",
        help="a new or empty folder, or a release an earlier build wrote, to replace whole "
        "(default in a source checkout: the package's release folder)",
    )
    build.add_argument("--format", choices=("text", "json"), default="text", help="format of problems")
    build.set_defaults(run=_run_build)

    info = commands.add_parser("info", help="version, tables, row counts and checksums of a release, verified")
    info.add_argument(
        "--release",
        type=path_argument,
        default=None,
        metavar="DIR",
        help="release folder (default: the release bundled with the package)",
    )
    info.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    info.add_argument(
        "--deep",
        action="store_true",
        help="also compare each table's CSV, Parquet and SQLite forms row by row (a release put together by hand "
        "can hold checksums that match and forms that disagree)",
    )
    info.set_defaults(run=_run_info)

    bundle = commands.add_parser("bundle", help="validate, build and zip the release for download, with its sha256")
    _add_data_dir(bundle, "seeds/, LICENSE, LICENSE-DATA and CITATION.cff sit beside it")
    bundle.add_argument(
        "--out",
        type=path_argument,
        default=Path("dist"),
        metavar="DIR",
        help="folder to write the zip into (default: ./dist)",
    )
    bundle.set_defaults(run=_run_bundle)

    data_hash = commands.add_parser(
        "data-hash", help="hash of data/ and seeds/, and whether it is the data recorded for this version"
    )
    _add_data_dir(data_hash, "seeds/ sits beside it")
    action = data_hash.add_mutually_exclusive_group()
    action.add_argument("--check", action="store_true", help="exit 1 unless the data is the recorded data")
    action.add_argument("--record", action="store_true", help="record this data as the data of this version")
    data_hash.set_defaults(run=_run_data_hash)

    archive = commands.add_parser(
        "archive", help="copy a document into seeds/ read-only, with its sources row and README line"
    )
    archive.add_argument("file", type=path_argument, metavar="FILE", help="the document, UTF-8 text as received")
    archive.add_argument(
        "--key",
        default=None,
        help="archive key in the file name NNN_KEY.txt (default: the first 16 hex of its SHA-256)",
    )
    _add_data_dir(archive, "seeds/ sits beside it")
    archive.set_defaults(run=_run_archive)

    locate = commands.add_parser(
        "locate",
        help="print where quotes occur in a seed, in code points; --fix repairs the offsets of claims and relations",
    )
    locate.add_argument("seed", nargs="?", metavar="SEED", help="a seed file, or the source_id of an archived seed")
    locate.add_argument("quotes", nargs="*", metavar="QUOTE", help="words copied from the seed")
    locate.add_argument(
        "--fix",
        action="store_true",
        help=(
            "set the quote and attribution offsets in claims.csv, and the quote offsets in actor_relations.csv, "
            "wherever their words occur exactly once in the seed"
        ),
    )
    _add_data_dir(locate, "seeds/ sits beside it")
    locate.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    locate.set_defaults(run=_run_locate)

    coverage = commands.add_parser(
        "coverage", help="share of each seed that claims quote, and every sentence no claim quotes"
    )
    coverage.add_argument("seed", nargs="?", metavar="SEED", help="one seed, by source_id or file (default: all)")
    coverage.add_argument(
        "--format", choices=("text", "json", "html"), default="text", help="output format; html to review in a browser"
    )
    _add_data_dir(coverage, "seeds/ sits beside it")
    coverage.set_defaults(run=_run_coverage)

    compare = commands.add_parser(
        "diff", help="rows added, removed and changed, and new vocabulary values, between two datasets"
    )
    compare.add_argument(
        "old", type=path_argument, metavar="OLD", help="a data folder, a folder with data/, or a release"
    )
    compare.add_argument("new", type=path_argument, metavar="NEW", help="the same for the newer side")
    compare.add_argument(
        "--format",
        choices=("text", "json", "markdown"),
        default="text",
        help="output format; markdown is the body of a CHANGELOG section",
    )
    compare.set_defaults(run=_run_diff)

    generate = commands.add_parser("generate", help="rewrite the files generated from the metadata")
    generate.add_argument(
        "--root", type=path_argument, default=Path("."), metavar="DIR", help="repository root (default: current folder)"
    )
    generate.add_argument("--check", action="store_true", help="only report stale files; exit 1 if any")
    generate.set_defaults(run=_run_generate)

    from syria_strikes.site.command import add_arguments, run

    site = commands.add_parser("site", help="write the static provenance site from a release")
    add_arguments(site)
    site.set_defaults(run=lambda args, parser: run(args))
    for command in commands.choices.values():
        command.set_defaults(command_parser=command)
    return parser


def _add_data_dir(command: argparse.ArgumentParser, beside: str) -> None:
    command.add_argument(
        "--data-dir",
        type=path_argument,
        default=Path("data"),
        metavar="DIR",
        help=f"folder with the CSV tables; {beside} (default: ./data)",
    )


def _data_dir(args: argparse.Namespace, parser: argparse.ArgumentParser) -> Path:
    try:
        found = args.data_dir.is_dir()
    except OSError as error:  # a name longer than the system allows: the user's to shorten
        parser.error(f"no data folder at {escape(str(args.data_dir))} ({error.strerror}); pass --data-dir DIR")
    if not found:
        from syria_strikes.metadata import REPOSITORY_URL

        parser.error(
            f"no data folder at {escape(str(args.data_dir))}: run from the root of a clone of {REPOSITORY_URL} "
            "(the installed package holds no data/) or pass --data-dir DIR"
        )
    # A release's tables: archive would append to its checksummed sources.csv. A release keeps its
    # tables beside its descriptor, and so does an unzipped bundle, which carries no build marker; a
    # dataset's descriptor sits beside data/, never in it. os.path's tests answer False for a folder
    # that cannot be looked into: the command itself then names it, with its rule.
    if os.path.isdir(args.data_dir / "data") and os.path.isfile(args.data_dir / DESCRIPTOR):
        parser.error(
            f"{escape(str(args.data_dir))} is a dataset's root, which holds data/ beside seeds/ and "
            f"{DESCRIPTOR}: pass --data-dir {escape(str(args.data_dir / 'data'))}"
        )
    if os.path.isfile(args.data_dir / RELEASE_MARKER_FILE) or os.path.lexists(args.data_dir / DESCRIPTOR):
        parser.error(
            f"{escape(str(args.data_dir))} holds {DESCRIPTOR} beside its tables, as a release written by "
            "`syria-strikes build` or an unzipped bundle does: it is not a dataset's data folder. Pass --data-dir "
            "DIR of the dataset (the data/ beside seeds/ and datapackage.json), or read the release with "
            "`syria-strikes info --release`"
        )
    folder: Path = args.data_dir
    return folder


def _check_build_date(parser: argparse.ArgumentParser) -> None:
    from syria_strikes.versioning import build_date

    try:
        build_date()
    except ValueError as error:
        parser.error(str(error))


def _run_validate(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    require("validate", "`syria-strikes validate`")
    from syria_strikes.cache import validate
    from syria_strikes.problems import rejections, render_json, render_text

    outcome = validate(_data_dir(args, parser), use_cache=not args.no_cache)
    if outcome.note:
        _complain(outcome.note, prefix="")
    problems = outcome.problems
    _emit(render_json(problems, args.data_dir) if args.format == "json" else render_text(problems, args.data_dir))
    return INVALID if rejections(problems) else OK


def _run_build(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    require("validate", "`syria-strikes build`")
    from syria_strikes.build import build, default_release_dir, in_source_checkout
    from syria_strikes.outguard import OutRefused
    from syria_strikes.problems import render_json, render_text
    from syria_strikes.swap import OutputBusy

    _check_build_date(parser)

    data_dir = _data_dir(args, parser)
    if args.out is None and not in_source_checkout(data_dir):
        _complain(
            "build needs --out DIR here: without it, a build replaces the release inside the package, which "
            "only the package's own source checkout may do with its own data/; pass a new folder, for example "
            "--out release"
        )
        return USAGE_ERROR
    out = args.out or default_release_dir()
    try:
        problems = build(data_dir, out, legacy=args.out is None)
    except OutRefused as refused:
        _complain(f"{refused}; nothing was touched")
        return USAGE_ERROR
    except OutputBusy as busy:
        _complain(str(busy))
        return SYSTEM_ERROR
    if problems:
        _emit(render_json(problems, args.data_dir) if args.format == "json" else render_text(problems, args.data_dir))
        _complain(f"nothing was written; {out} is as it was.", prefix="")
        return INVALID
    from syria_strikes.loader import release_descriptor

    _emit(f"built release {release_descriptor(out)['version']} in {escape(str(out))}")
    return OK


def _run_bundle(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    require("validate", "`syria-strikes bundle`")
    from syria_strikes.bundle import BundleError, make_bundle
    from syria_strikes.problems import render_text

    _check_build_date(parser)

    try:
        data_dir = _data_dir(args, parser)
        made = make_bundle(data_dir, args.out)
    except BundleError as error:
        _complain(str(error))
        return USAGE_ERROR
    if isinstance(made, list):
        _emit(render_text(made, args.data_dir))
        _complain("nothing was written.", prefix="")
        return INVALID
    state = "wrote" if made.written else "already current:"
    _emit(f"{state} {escape(str(made.path))}\n{made.sha256}  {made.path.name}")
    return OK


def _run_data_hash(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from syria_strikes.versioning import RECORD, HashRefused, data_hash, recorded, version_of

    data_dir = _data_dir(args, parser)
    _require_tables(data_dir)
    try:
        if args.record:
            return _record(data_dir, RECORD)
        current = data_hash(data_dir)  # once: a second reading could meet files changed since
    except HashRefused as refused:
        from syria_strikes.problems import problem, render_text

        _emit(render_text([problem(refused.rule, refused.name, None, None, None, **refused.details)], data_dir))
        return INVALID
    tagged, version = recorded(), version_of(current)
    _emit(current)
    if "+local." in version:
        _emit(f"not the data recorded for {tagged.get('version', 'any version')}: a release of it is {version}")
        return INVALID if args.check else OK
    _emit(f"the data recorded for {version}")
    return OK


def _require_tables(data_dir: Path) -> None:
    """InputError naming the tables missing from ``data_dir``: a hash of a folder without them
    (``--data-dir /etc``) would be the hash of nothing, given as if it were data."""
    from syria_strikes.metadata import TABLE_NAMES

    missing = [f"{name}.csv" for name in TABLE_NAMES if not os.path.lexists(data_dir / f"{name}.csv")]
    if missing:
        raise InputError(
            f"{data_dir} is not a data folder: {', '.join(missing)} "
            f"{'is' if len(missing) == 1 else 'are'} missing; pass --data-dir with the dataset's data/"
        )


def _record(data_dir: Path, record: Path) -> int:
    """Record the checkout's own data, once it validates, as the data of this version."""
    from syria_strikes.paths import is_checkout_data

    if not is_checkout_data(data_dir):
        raise InputError(
            f"data-hash --record only records the data/ of the source checkout the package runs from, "
            f"not {data_dir}; nothing was recorded"
        )
    require("validate", "`syria-strikes data-hash --record`")
    from syria_strikes.problems import rejections, render_text
    from syria_strikes.validate import read_and_check
    from syria_strikes.versioning import record_data

    # Cold, as the build validates: what is recorded vouches for a release, and a cache folder is
    # only as trustworthy as whoever last wrote the dataset. The hash is of the very bytes validated.
    validated: dict[str, bytes] = {}
    problems = read_and_check(data_dir, validated=validated)[1]
    if rejections(problems):
        _emit(render_text(problems, data_dir))
        _complain("the data does not validate; nothing was recorded.", prefix="")
        return INVALID
    entry = record_data(data_dir, record, {f"data/{name}.csv": data for name, data in validated.items()})
    _emit(f"recorded {entry['data']} as the data of {entry['version']} in {record.name}")
    return OK


def _run_info(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from syria_strikes.errors import ReleaseError
    from syria_strikes.format_agreement import disagreements
    from syria_strikes.info import ReleaseInfo, render_info, verified_info
    from syria_strikes.loader import across_rebuild, release_folder, verify

    if args.deep:
        require("validate", "`syria-strikes info --deep`")  # the CSV is read as validate reads it
    folder = release_folder(args.release)

    def look(descriptor: dict[str, Any]) -> tuple[ReleaseInfo, list[str] | None]:
        """The files verified and, for --deep, their forms compared, against one reading of the
        descriptor: a build replacing the release between the two reads is no damage."""
        summary = verified_info(folder, descriptor)
        if not args.deep:
            return summary, None
        return summary, disagreements(folder, lambda name: verify(folder / name, descriptor))

    try:
        summary, differing = across_rebuild(folder, look)
    except ReleaseError as error:
        _complain(str(error))
        return INVALID
    _emit(render_info(summary, args.format, differing))
    for line in differing or []:
        _complain(line)
    return INVALID if differing else OK


def _run_generate(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from syria_strikes.generate import is_dataset_root, stale_files, write_generated

    if not is_dataset_root(args.root):
        from syria_strikes.metadata import TABLES

        tables = ", ".join(table.file_name for table in TABLES)
        _complain(
            f"--root {args.root} is not a dataset folder (one with data/, holding {tables}, and seeds/); "
            "nothing was written"
        )
        return USAGE_ERROR
    if args.check:
        stale = stale_files(args.root)
        for path in stale:
            _emit(f"{path} is out of date; run `python -m syria_strikes generate`")
        return INVALID if stale else OK
    for path in write_generated(args.root):
        _emit(f"wrote {path}")
    return OK


def _run_locate(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from syria_strikes.anchoring import locate
    from syria_strikes.seedfiles import seed_text

    if args.fix:
        if args.seed is not None:
            parser.error(
                "locate --fix takes no SEED or QUOTE: it repairs every claim in claims.csv and every "
                "relation in actor_relations.csv"
            )
        return _run_fix(args, parser)
    if args.seed is None or not args.quotes:
        parser.error("locate needs a SEED and at least one QUOTE, or --fix")
    _refuse_empty_seed(args.seed)
    if not all(args.quotes):
        parser.error("a QUOTE is empty: give the words copied from the seed")
    text = seed_text(args.seed, args.data_dir)
    locations = [locate(text, quote) for quote in args.quotes]
    if args.format == "json":
        print(json.dumps([location.to_dict() for location in locations], ensure_ascii=True, indent=2))
    for location in locations if args.format == "text" else ():
        if location.unique is not None:
            print(f"{location.unique[0]}\t{location.unique[1]}\t{escape(location.quote)}")
        else:
            print(f"{escape(repr(location.quote))}: {escape(location.describe())}")
    return 0 if all(location.unique for location in locations) else 1


def _refuse_empty_seed(seed: str | None) -> None:
    """An empty SEED (an unset shell variable) would be looked up as a file named '' (the current folder)."""
    if seed == "":
        raise InputError("an empty SEED names nothing: give a seed file or the source_id of an archived seed")


def _run_fix(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from syria_strikes.offsets import fix_offsets

    reports = fix_offsets(_data_dir(args, parser))
    files = {report.table.name: args.data_dir / report.path.name for report in reports}
    left = any(report.left for report in reports)
    if args.format == "json":
        listed = [report.to_dict(str(files[report.table.name])) for report in reports]
        print(json.dumps({"files": listed}, ensure_ascii=True, indent=2))
        return 1 if left else 0
    lines = []
    for report in reports:
        shown, key = files[report.table.name], report.table.key
        lines += [
            f"{shown}, line {change.line}, {change.row_id}: {change.columns[0]}..{change.columns[1]} "
            f"{change.old[0] or '(empty)'}..{change.old[1] or '(empty)'} -> {change.new[0]}..{change.new[1]}"
            for change in report.changed
        ]
        lines += [
            f"{shown}, line {kept.line}, {kept.row_id or f'(no {key})'}: left as is: {kept.reason}"
            for kept in report.left
        ]
    for report in reports:
        # counted by row: a claim's quote and attribution may both be changed, or both left
        changed, kept = (len({item.line for item in items}) for items in (report.changed, report.left))
        plural = report.table.row if changed == 1 else report.table.rows
        lines.append(f"changed the offsets of {changed} {plural}; {kept} left as is")
    _emit("\n".join(escape(line) for line in lines))  # one line each: a line break in a cell or path is escaped
    return 1 if left else 0


def _wait_for_archive(root: Path) -> None:
    _complain(f"another archive is changing {root}; waiting for it to finish", prefix="note: ")


def _run_archive(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from syria_strikes.archive import archive

    archived = archive(args.file, _data_dir(args, parser), args.key, waiting=_wait_for_archive)
    # Each path a field of its own line: a line break the user typed in one is escaped, not printed.
    sources = escape(str(args.data_dir / "sources.csv"))
    readme = escape(str(dataset_root(args.data_dir) / "seeds" / "README.md"))
    _emit(
        f"archived {escape(str(args.file))} as {archived.seed_path} (read-only), sha256 {archived.sha256}\n"
        f"added row {archived.source_id} to {sources} and the file to {readme}\n"
        f"fill in by hand, in {sources} row {archived.source_id}: {', '.join(archived.to_fill)};\n"
        f"and the published date in {readme} (see docs/curation.md, step 1)\n"
        f'next: syria-strikes locate {archived.source_id} "QUOTE" ...; syria-strikes coverage {archived.source_id}'
    )
    return 0


def _run_coverage(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from syria_strikes.coverage_report import dataset_coverage, render_html, render_json, render_text

    _refuse_empty_seed(args.seed)
    report = dataset_coverage(_data_dir(args, parser), args.seed)
    if args.format == "json":
        print(render_json(report, args.data_dir))
    elif args.format == "html":
        print(escape_markup(render_html(report, args.data_dir)), end="")
    else:
        _emit(render_text(report, args.data_dir))
    return 0 if report.complete else 1


def _run_diff(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from syria_strikes.diff import diff, render_json, render_markdown, render_text
    from syria_strikes.errors import ReleaseError

    try:
        result = diff(args.old, args.new)
    except ReleaseError as error:  # a damaged release: as `info` reports it
        _complain(str(error))
        return INVALID
    if args.format == "json":
        print(render_json(result))
    else:
        _emit(render_markdown(result).rstrip("\n") if args.format == "markdown" else render_text(result))
    return 0
