"""The ``syria-strikes`` process: ``python -m syria_strikes`` and the installed command start here."""

import sys


def run() -> int:
    """The command in a process of its own. Where hypothesis is installed (a test or development
    environment), pandera imports it for data synthesis, which validation never uses, at a fifth of
    a cold run's CPU on the real data; this process has no use for it, so it is kept out.
    ``cli.main``, which a program may call inside its own process, leaves that process's imports alone."""
    sys.modules.setdefault("hypothesis", None)  # type: ignore[arg-type]  # None: "not installed"
    from syria_strikes.cli import main

    return main()


if __name__ == "__main__":
    sys.exit(run())
