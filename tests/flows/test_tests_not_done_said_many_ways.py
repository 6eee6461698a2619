"""Session 27, a GP's terse answers at the test-result questions: a test not done said in
the ways people say it ("wasnt checked", "no fbc", "only the crp", "no xray", "não foi
feito"), and a result "not raised" as normal; while a result not out yet, a rise, and the
other test's result are not read so."""

from __future__ import annotations

import pytest

from flows.dialogue import get_engine


def read(language: str, question: str, text: str) -> object:
    parsed = get_engine().reader(language).read(question, text)
    return parsed.value if parsed.ok else "not read"


@pytest.mark.parametrize(("language", "question", "text"), [
    ("en", "white_cell_count", "wasnt checked"),
    ("en", "white_cell_count", "no fbc"),
    ("en", "white_cell_count", "no wcc"),
    ("en", "white_cell_count", "only the crp"),
    ("en", "white_cell_count", "didnt have one"),
    ("en", "inflammatory_markers", "no crp"),
    ("en", "inflammatory_markers", "hasn't been done"),
    ("en", "inflammatory_markers", "havent had one"),
    ("en", "xray", "no xray"),
    ("en", "xray", "wasnt done"),
    ("en", "mri", "no mri scan"),
    ("pt", "white_cell_count", "não foi feito"),
    ("pt", "white_cell_count", "só a pcr"),
    ("pt", "inflammatory_markers", "sem pcr"),
    ("pt", "xray", "não foi feita"),
])
def test_a_test_not_done_is_read_as_not_done(language: str, question: str, text: str) -> None:
    assert read(language, question, text) == "not_done"


@pytest.mark.parametrize(("language", "question", "text"), [
    ("en", "white_cell_count", "wcc not raised"),
    ("en", "white_cell_count", "not high"),
    ("en", "inflammatory_markers", "crp not raised"),
    ("pt", "inflammatory_markers", "pcr não estava elevada"),
    ("pt", "white_cell_count", "não estavam elevados"),
])
def test_a_result_not_raised_is_normal(language: str, question: str, text: str) -> None:
    assert read(language, question, text) == "normal"


@pytest.mark.parametrize(("question", "text", "meant"), [
    # done, its result not out: no "not done", but "Don't know" (session 28)
    ("white_cell_count", "not yet back", None),
    ("inflammatory_markers", "slightly raised, not very high", "mildly_raised"),
    ("white_cell_count", "only the crp was slightly raised", "not read"),  # no blood count "not done" from "only"
    ("white_cell_count", "raised", "raised"),
    ("xray", "xray normal", ["normal"]),
])
def test_near_misses_keep_their_own_reading(question: str, text: str, meant: object) -> None:
    assert read("en", question, text) == meant
