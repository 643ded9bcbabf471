"""The one thread pool of the package: it stops at once when told to, and otherwise finishes its work."""

from __future__ import annotations

import threading

import pytest

from syria_strikes.pools import stopping_pool


def test_an_interrupt_drops_the_tasks_not_yet_begun() -> None:
    """Leaving a thread pool runs every task queued on it first: ``kill`` or Ctrl-C during a validation
    of large data raised at once, yet the process read and checked on for seconds (3.5 s of a 9.5 s run
    on 200,000 claims) before it ended. The pool now drops what it has not begun."""
    gate, ran = threading.Event(), []
    with pytest.raises(KeyboardInterrupt), stopping_pool(1, on_stop=gate.set) as pool:
        pool.submit(gate.wait)  # the one thread is busy with this task until told to stop
        queued = [pool.submit(ran.append, index) for index in range(3)]
        raise KeyboardInterrupt
    assert ran == [] and all(future.cancelled() for future in queued)


def test_the_running_task_is_told_to_stop_and_waited_for() -> None:
    """``on_stop`` is how a long task ends early; the block is left only once it has ended, so that
    no thread still writes or reads after the command reports that it stopped."""
    told, ended = threading.Event(), []

    def long_task() -> None:
        told.wait()
        ended.append(True)

    with pytest.raises(KeyboardInterrupt), stopping_pool(1, on_stop=told.set) as pool:
        pool.submit(long_task)
        raise KeyboardInterrupt
    assert ended == [True]


def test_a_block_left_normally_runs_every_task() -> None:
    ran: list[int] = []
    lock = threading.Lock()

    def add(index: int) -> None:
        with lock:
            ran.append(index)

    with stopping_pool(2) as pool:
        for index in range(20):
            pool.submit(add, index)
    assert sorted(ran) == list(range(20))


def test_a_failing_on_stop_still_drops_the_queued_tasks() -> None:
    gate, ran = threading.Event(), []

    def on_stop() -> None:
        gate.set()
        raise OSError("could not say stop")

    with pytest.raises(OSError), stopping_pool(1, on_stop=on_stop) as pool:
        pool.submit(gate.wait)
        queued = pool.submit(ran.append, 1)
        raise KeyboardInterrupt
    assert ran == [] and queued.cancelled()
