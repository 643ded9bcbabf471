"""The `syria-strikes` command: validate, build, bundle, data-hash, generate, info, site.

Exit codes are part of the contract: 0 valid, 1 invalid data, 2 a usage error. Bad data is
always reported as problems, never as a traceback.
"""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

from syria_strikes.extras import MissingExtra, require

USAGE_ERROR = 2


def main(argv: list[str] | None = None) -> int:
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `syria-strikes info | head` ends quietly
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="backslashreplace")  # a narrow console shows odd cells escaped
    parser = _parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):
        parser.print_help(sys.stderr)
        return USAGE_ERROR
    try:
        code: int = args.run(args, parser)
    except MissingExtra as error:
        print(f"error: {error}", file=sys.stderr)
        return USAGE_ERROR
    return code


def _parser() -> argparse.ArgumentParser:
    from syria_strikes.version import __version__

    parser = argparse.ArgumentParser(
        prog="syria-strikes",
        description="Validate, build and inspect the syria-strikes dataset.",
    )
    parser.add_argument("--version", action="version", version=f"syria-strikes {__version__}")
    commands = parser.add_subparsers(title="commands")

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
        type=Path,
        default=None,
        metavar="DIR",
        help="release folder to replace (default: the release bundled with the package)",
    )
    build.add_argument("--format", choices=("text", "json"), default="text", help="format of problems")
    build.set_defaults(run=_run_build)

    info = commands.add_parser("info", help="version, tables, row counts and checksums of a release")
    info.add_argument(
        "--release",
        type=Path,
        default=None,
        metavar="DIR",
        help="release folder (default: the release bundled with the package)",
    )
    info.set_defaults(run=_run_info)

    bundle = commands.add_parser("bundle", help="validate, build and zip the release for download, with its sha256")
    _add_data_dir(bundle, "seeds/, LICENSE, LICENSE-DATA and CITATION.cff sit beside it")
    bundle.add_argument(
        "--out", type=Path, default=Path("dist"), metavar="DIR", help="folder to write the zip into (default: ./dist)"
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

    generate = commands.add_parser("generate", help="rewrite the files generated from the metadata")
    generate.add_argument(
        "--root", type=Path, default=Path("."), metavar="DIR", help="repository root (default: current folder)"
    )
    generate.add_argument("--check", action="store_true", help="only report stale files; exit 1 if any")
    generate.set_defaults(run=_run_generate)

    from syria_strikes.site.command import add_arguments, run

    site = commands.add_parser("site", help="write the static provenance site from a release")
    add_arguments(site)
    site.set_defaults(run=lambda args, parser: run(args))
    return parser


def _add_data_dir(command: argparse.ArgumentParser, beside: str) -> None:
    command.add_argument(
        "--data-dir",
        type=Path,
        default=Path("data"),
        metavar="DIR",
        help=f"folder with the table CSV files; {beside} (default: ./data)",
    )


def _data_dir(args: argparse.Namespace, parser: argparse.ArgumentParser) -> Path:
    if not args.data_dir.is_dir():
        parser.error(f"no data folder at {args.data_dir}: run from the repository root or pass --data-dir DIR")
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
    from syria_strikes.problems import render_json, render_text

    outcome = validate(_data_dir(args, parser), use_cache=not args.no_cache)
    if outcome.note:
        print(outcome.note, file=sys.stderr)
    problems = outcome.problems
    print(render_json(problems) if args.format == "json" else render_text(problems))
    return 1 if problems else 0


def _run_build(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    require("validate", "`syria-strikes build`")
    from syria_strikes.build import build, default_release_dir
    from syria_strikes.problems import render_json, render_text

    _check_build_date(parser)

    data_dir = _data_dir(args, parser)
    out = args.out or default_release_dir()
    if args.out is not None:
        from syria_strikes.build import release_file_names
        from syria_strikes.outguard import OutRefused, check_out

        try:
            check_out(args.out, data_dir, release_file_names(), legacy=True)
        except OutRefused as refused:
            print(f"error: {refused}; nothing was touched", file=sys.stderr)
            return USAGE_ERROR
    problems = build(data_dir, out)
    if problems:
        print(render_json(problems) if args.format == "json" else render_text(problems))
        print(f"nothing was written; {out} is as it was.", file=sys.stderr)
        return 1
    from syria_strikes.loader import release_descriptor

    print(f"built release {release_descriptor(out)['version']} in {out}")
    return 0


def _run_bundle(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    require("validate", "`syria-strikes bundle`")
    from syria_strikes.bundle import BundleError, check_out_dir, make_bundle
    from syria_strikes.problems import render_text

    _check_build_date(parser)

    try:
        check_out_dir(args.out)
        made = make_bundle(_data_dir(args, parser), args.out)
    except BundleError as error:
        print(f"error: {error}", file=sys.stderr)
        return USAGE_ERROR
    if isinstance(made, list):
        print(render_text(made))
        print("nothing was written.", file=sys.stderr)
        return 1
    state = "wrote" if made.written else "already current:"
    print(f"{state} {made.path}")
    print(f"{made.sha256}  {made.path.name}")
    return 0


def _run_data_hash(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from syria_strikes.versioning import RECORD, data_hash, record_data, recorded, release_version

    data_dir = _data_dir(args, parser)
    if args.record:
        entry = record_data(data_dir)
        print(f"recorded {entry['data']} as the data of {entry['version']} in {RECORD.name}")
        return 0
    version = release_version(data_dir)
    tagged = recorded()
    print(data_hash(data_dir))
    if "+local." in version:
        print(f"not the data recorded for {tagged.get('version', 'any version')}: a release of it is {version}")
        return 1 if args.check else 0
    print(f"the data recorded for {version}")
    return 0


def _run_info(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from syria_strikes.errors import ReleaseError
    from syria_strikes.info import release_info

    try:
        print(release_info(args.release))
    except ReleaseError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


def _run_generate(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from syria_strikes.generate import stale_files, write_generated

    if args.check:
        stale = stale_files(args.root)
        for path in stale:
            print(f"{path} is out of date; run `python -m syria_strikes generate`")
        return 1 if stale else 0
    for path in write_generated(args.root):
        print(f"wrote {path}")
    return 0
