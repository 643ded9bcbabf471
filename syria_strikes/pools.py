"""The one way the package runs work on threads, so that every command stops alike when told to.

Leaving a ``ThreadPoolExecutor`` waits for every task queued on it, so Ctrl-C or a kill during
validation, hashing, a build or a load used to be heard only once all the queued work was done, and
each of the four pools stopped differently. Here, a block left by an exception first tells the tasks
running to stop (``on_stop``), drops the tasks not begun, and then waits for the running ones only.
Why threads at all: docs/benchmarks.md#what-the-optimisation-changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager


@contextmanager
def stopping_pool(workers: int, on_stop: Callable[[], None] | None = None) -> Iterator[ThreadPoolExecutor]:
    """A pool of ``workers`` threads. Left normally, it waits for its tasks; left by an exception
    (KeyboardInterrupt included), it calls ``on_stop``, cancels what has not begun, waits for what
    has, and lets the exception go on. A running task is never interrupted: ``on_stop`` is how a long
    one learns to end early."""
    pool = ThreadPoolExecutor(max_workers=workers)
    try:
        yield pool
    except BaseException:
        try:
            if on_stop is not None:
                on_stop()
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
