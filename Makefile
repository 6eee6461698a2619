# Two commands do all the set-up on a fresh machine:
#   make demo   the conversation in the terminal
#   make test   ruff + the whole test suite
# Both create .venv (Python 3.11+) and install the project into it when needed.

PYTHON ?= $(shell command -v python3.13 || command -v python3.12 || command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test run lint diagram evaluate clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is needed, found " + sys.version' 
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/itoh-bot demo

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

run: $(STAMP)
	$(BIN)/itoh-bot run

diagram: $(STAMP)
	$(BIN)/itoh-bot diagram

evaluate: $(STAMP)
	$(BIN)/itoh-bot evaluate tests/vignettes/seeds.yaml tests/vignettes/published.yaml

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
