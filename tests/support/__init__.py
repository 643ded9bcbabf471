"""What the tests and scripts/mutation_suite.py share: a writable copy of the dataset, small typed
frames, and the catalogue of corruptions planted in the dataset.

Adding a kind of corruption
---------------------------
A kind that changes one cell is a row in one of the lists of cell_edits.py (they are joined in
``CELL_EDITS``)::

    CellEdit("date_end before date_start", "events", "date_end", "2000-01-01", rule="date_order",
             row=DATED_EVENT)

name (unique: it is the test id and the mutation suite's label), table, column, the new value (or
a function of the old row and column, see the helpers in kinds.py), and the declared rule id
(syria_strikes/rules.py) that must be reported on that row and column. ``row`` picks the row: an
index, or ``Where(column=value or test)``; ``reported_in`` names the column when the rule points at
another one; ``exact=False`` when other problems may follow.

Any other kind (several cells, added rows, raw bytes, a seed file, the descriptor) is a function in
structural_edits.py that damages the copy and returns where the validator must point::

    @structural("header row pasted again in the middle")
    def header_pasted_among_rows(ds: Dataset) -> Expect:
        _edit_lines(ds, "claims", lambda lines: [*lines[:4], lines[0], *lines[4:]])
        return Expect("claims", 5, None, "header_repeated")

A rule that only warns (its decision in syria_strikes/rules.py is ``warn``) is planted the same way
with ``decision="warn"`` (on the ``CellEdit`` or the ``Expect``): the kind is then caught when
validate still exits 0 and its warnings name the spot; a rejected kind is judged among the
rejections alone, since a fault may leave a warning behind.

Both join catalogue.CATALOGUE by themselves: tests/test_rules.py then plants the kind and checks the
report, ``python -m scripts.mutation_suite`` runs it through the real command, and
tests/test_rules_registry.py counts its rule id as planted. A new rule id must first be declared in
syria_strikes/rules.py.
"""
