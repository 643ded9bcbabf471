"""The ``syria-strikes`` process: ``python -m syria_strikes`` and the installed command start here."""

import contextlib
import sys

INTERRUPTED = 130  # 128 + SIGINT, as a shell reports a command stopped by Ctrl-C


def run() -> int:
    """The command in a process of its own. Where hypothesis is installed (a test or development
    environment), pandera imports it for data synthesis, which validation never uses, at a fifth of
    a cold run's CPU on the real data; this process has no use for it, so it is kept out.
    ``cli.main``, which a program may call inside its own process, leaves that process's imports alone,
    and lets an interrupt reach its caller; here it ends the process with one line, not a traceback."""
    sys.modules.setdefault("hypothesis", None)  # type: ignore[arg-type]  # None: "not installed"
    try:
        from syria_strikes.cli import main

        return main()
    except KeyboardInterrupt:  # each writer has removed or put back what it began
        with contextlib.suppress(OSError, ValueError, AttributeError):  # stderr gone: the exit code says it
            print("interrupted; the command stopped and changed nothing it had not finished", file=sys.stderr)
        return INTERRUPTED


if __name__ == "__main__":
    sys.exit(run())
