"""The catalogue of corruptions: every kind the test suite and scripts/mutation_suite.py plant.

Each kind damages a valid copy of the dataset in one way and says where the validator must point
(table, line, column, rule); ``exact`` means it must give exactly one problem.
"""

from __future__ import annotations

from tests.support.cell_edits import CELL_EDITS
from tests.support.kinds import Kind
from tests.support.structural_edits import STRUCTURAL_EDITS

CATALOGUE: list[Kind] = [*CELL_EDITS, *STRUCTURAL_EDITS]
