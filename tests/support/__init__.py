"""What the tests and scripts/mutation_suite.py share: a writable copy of the dataset, small typed
frames, and the catalogue of corruptions planted in the dataset.

A new kind of corruption that changes one cell is a CellEdit row in cell_edits.py; any other is a
named function registered with @structural in structural_edits.py. Both join catalogue.CATALOGUE.
"""
