"""What the tests and scripts/mutation_suite.py share: a writable copy of the dataset and the
catalogue of corruptions planted in it."""
