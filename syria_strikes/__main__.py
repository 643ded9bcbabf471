"""The ``syria-strikes`` process: ``python -m syria_strikes`` and the installed command start here."""

import contextlib
import signal
import sys
from types import FrameType

INTERRUPTED = 130  # 128 + SIGINT, as a shell reports a command stopped by Ctrl-C
# SIGTERM (``kill PID``, a service manager, a CI timeout) and SIGHUP (the terminal or SSH session
# closed): each ends the command as Ctrl-C does, with 128 + its number.
ENDING = {signal.SIGTERM: "terminated", signal.SIGHUP: "hung up"}


class Terminated(KeyboardInterrupt):
    """A signal in ``ENDING`` raised where the command is, as Ctrl-C is: by default the process would
    end at once, past every writer's clean-up, leaving a staging folder, a temporary release or an
    archive half made."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _terminate(signum: int, frame: FrameType | None) -> None:
    for ending in ENDING:  # a second one (a session closing, a repeated kill) must not cut the clean-up short
        signal.signal(ending, signal.SIG_IGN)
    raise Terminated(signum)


def run() -> int:
    """The command in a process of its own. Where hypothesis is installed (a test or development
    environment), pandera imports it for data synthesis, which validation never uses, at a fifth of
    a cold run's CPU on the real data; this process has no use for it, so it is kept out.
    ``cli.main``, which a program may call inside its own process, leaves that process's imports alone,
    and lets an interrupt reach its caller; here it ends the process with one line, not a traceback."""
    sys.modules.setdefault("hypothesis", None)  # type: ignore[arg-type]  # None: "not installed"
    for ending in ENDING:
        if signal.getsignal(ending) is signal.SIG_DFL:  # one the caller ignores (nohup) stays ignored
            signal.signal(ending, _terminate)
    try:
        from syria_strikes.cli import main

        return main()
    except KeyboardInterrupt as stop:  # each writer has removed or put back what it began
        word, code = (
            (ENDING[signal.Signals(stop.signum)], 128 + stop.signum)
            if isinstance(stop, Terminated)
            else ("interrupted", INTERRUPTED)
        )
        with contextlib.suppress(OSError, ValueError, AttributeError):  # stderr gone: the exit code says it
            print(f"{word}; the command stopped and changed nothing it had not finished", file=sys.stderr)
        return code


if __name__ == "__main__":
    sys.exit(run())
