"""Scripts run from the repository root: `python -m scripts.mutation_suite`, `python scripts/benchmark.py`."""
