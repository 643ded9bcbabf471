"""A rule across tables, declared with the tables it reads and, for most, the columns of each.

A rule is handed those tables and no others, and of a table whose columns it declares only those
columns, so its answer depends on them alone: the validation cache may answer it again while none
of them changed (syria_strikes/cache.py). A rule that reached for a table or column it does not
declare would fail (rule_failed) instead of going stale.

A rule may also declare that it judges the rows of one table each alone (``rows``): what it says of
a row depends on that row's declared columns and on the other tables, never on the table's other
rows, and every problem it reports names one of those rows. After an edit the cache runs it again
on the blocks of rows that changed only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import partial

import pandas as pd

from syria_strikes.problems import Problem, problem

Frames = Mapping[str, pd.DataFrame]


@dataclass(frozen=True)
class Across:
    """``name`` is unique among the rules; the rule runs when every table of ``needs`` could be
    read, and is handed those of ``reads`` that could: its answer depends on nothing else."""

    name: str
    needs: frozenset[str]
    reads: frozenset[str]
    judge: Callable[[Frames], list[Problem]]
    # The columns read, by table; a table of ``reads`` not named here is read whole.
    columns: tuple[tuple[str, frozenset[str]], ...] = ()
    # The table whose rows the rule judges each alone, if any (see above).
    rows: str | None = None

    def applies(self, frames: Frames) -> bool:
        return self.needs <= frames.keys()

    def columns_of(self, table: str) -> frozenset[str] | None:
        """The columns of ``table`` the rule reads; None when it reads them all."""
        return dict(self.columns).get(table)

    def handed(self, frames: Frames) -> dict[str, pd.DataFrame]:
        """The tables the rule is given: those it reads that are at hand, each cut to its columns."""
        given = {}
        for name in sorted(self.reads):
            if name not in frames:
                continue
            frame, columns = frames[name], self.columns_of(name)
            given[name] = frame if columns is None else frame[[c for c in frame.columns if c in columns]]
        return given

    def run(self, frames: Frames) -> list[Problem]:
        """The rule's problems; a rule that raises is itself a problem (rule_failed), never a pass
        and never a traceback. Running out of memory or stack is the command's to report."""
        try:
            return self.judge(self.handed(frames))
        except (MemoryError, RecursionError):
            raise
        # Any fault of a rule is reported, whatever its kind.
        except Exception as error:
            return [problem("rule_failed", min(self.reads), None, None, None, check=self.name, error=repr(error))]


def across(
    name: str,
    reads: set[str],
    judge: Callable[[Frames], list[Problem]],
    needs: set[str] | None = None,
    columns: Mapping[str, Iterable[str]] | None = None,
    rows: str | None = None,
) -> Across:
    """Declare a rule; it runs once every table it reads could be read, unless ``needs`` names others.
    ``columns`` gives, by table, the columns the rule reads; a table it leaves out is read whole.
    ``rows`` names the table whose rows the rule judges each alone; its columns must be declared."""
    declared = tuple(sorted((table, frozenset(names)) for table, names in (columns or {}).items()))
    unknown = {table for table, _ in declared} - set(reads)
    if unknown:
        raise ValueError(f"{name} declares columns of tables it does not read: {sorted(unknown)}")
    if rows is not None and rows not in dict(declared):
        raise ValueError(f"{name} judges the rows of {rows}, whose columns it does not declare")
    return Across(name, frozenset(reads if needs is None else needs), frozenset(reads), judge, declared, rows)


def runnable(rules: Iterable[Across], frames: Frames) -> list[Callable[[], list[Problem]]]:
    """Every rule the frames at hand allow, each ready to run on its own (as on a thread)."""
    return [partial(rule.run, frames) for rule in rules if rule.applies(frames)]


def judged(rules: Iterable[Across], frames: Frames) -> list[Problem]:
    """The problems of every rule the frames at hand allow, one after another."""
    return [problem for run in runnable(rules, frames) for problem in run()]
