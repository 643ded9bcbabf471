# One entry point for maintainers: `make check` is what CI runs (through the README's test command).
PYTHON ?= python

.PHONY: check lint format types imports test

check:  ## lint, format check, mypy --strict, import layers and every test: the suite runs them all
	$(PYTHON) -m pytest

lint:
	ruff check .

format:
	ruff format .

types:
	mypy --strict syria_strikes tests/support

imports:
	lint-imports

test:
	$(PYTHON) -m pytest
