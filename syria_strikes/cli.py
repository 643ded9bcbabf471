"""The `syria-strikes` command: validate, build, generate, info, site.

Exit codes are part of the contract: 0 valid, 1 invalid data, 2 a usage error. Bad data is
always reported as problems, never as a traceback.
"""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

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
    code: int = args.run(args, parser)
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
    validate.add_argument(
        "--data-dir",
        type=Path,
        default=Path("data"),
        metavar="DIR",
        help="folder with the table CSV files; seeds/ and datapackage.json sit beside it (default: ./data)",
    )
    validate.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    validate.set_defaults(run=_run_validate)

    build = commands.add_parser("build", help="validate, then write the release (Parquet, CSV, SQLite)")
    build.add_argument(
        "--data-dir",
        type=Path,
        default=Path("data"),
        metavar="DIR",
        help="folder with the table CSV files (default: ./data)",
    )
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


def _data_dir(args: argparse.Namespace, parser: argparse.ArgumentParser) -> Path:
    if not args.data_dir.is_dir():
        parser.error(f"no data folder at {args.data_dir}: run from the repository root or pass --data-dir DIR")
    folder: Path = args.data_dir
    return folder


def _run_validate(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from syria_strikes.problems import render_json, render_text
    from syria_strikes.validate import validate

    problems = validate(_data_dir(args, parser))
    print(render_json(problems) if args.format == "json" else render_text(problems))
    return 1 if problems else 0


def _run_build(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from syria_strikes.build import build, default_release_dir
    from syria_strikes.problems import render_json, render_text

    out = args.out or default_release_dir()
    problems = build(_data_dir(args, parser), out)
    if problems:
        print(render_json(problems) if args.format == "json" else render_text(problems))
        print(f"nothing was written; {out} is as it was.", file=sys.stderr)
        return 1
    print(f"built release {_version()} in {out}")
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


def _version() -> str:
    from syria_strikes.version import __version__

    return __version__


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
