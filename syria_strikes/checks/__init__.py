"""The validator's rules, one module per kind: cells and rows (pandera), relations between
tables, provenance of quotes and seeds, and the Frictionless descriptor."""
