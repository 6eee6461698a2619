""""Tick all that apply" questions and the new ways of answering (issue 13, item 8).

A checklist answers several yes/no case fields at once: ticks make those fields true and
the others false, "None of these" makes all false, "Not sure" leaves all unknown.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from flows.answers import get_reader
from flows.case import Case
from flows.content import ContentError, default_root, get_content, load_content
from flows.recording import NONE_OF_THESE, clear, record, recorded

CONTENT = get_content()
CHECKLISTS = [q for q in CONTENT.questions.values() if q.kind == "checklist"]


@pytest.mark.parametrize("question", CHECKLISTS, ids=lambda q: q.id)
def test_ticks_make_their_fields_true_and_the_others_false(question: object) -> None:
    fields = question.fields  # type: ignore[attr-defined]
    case = Case()
    record(case, question, [fields[0]])  # type: ignore[arg-type]
    assert getattr(case, fields[0]) is True
    assert all(getattr(case, name) is False for name in fields[1:])
    assert recorded(case, question) == [fields[0]]  # type: ignore[arg-type]
    record(case, question, NONE_OF_THESE)  # type: ignore[arg-type]
    assert all(getattr(case, name) is False for name in fields)
    assert recorded(case, question) == NONE_OF_THESE  # type: ignore[arg-type]
    record(case, question, None)  # type: ignore[arg-type]
    assert all(getattr(case, name) is None for name in fields)
    assert recorded(case, question) is None  # type: ignore[arg-type]
    record(case, question, list(fields))  # type: ignore[arg-type]
    clear(case, question)  # type: ignore[arg-type]
    assert all(getattr(case, name) is None for name in fields)


@pytest.mark.parametrize(("question", "typed", "value"), [
    ("avn_risks", "steroids and alcohol", ["glucocorticoids", "alcohol_excess"]),
    ("avn_risks", "1,2", ["glucocorticoids", "alcohol_excess"]),
    ("avn_risks", "none", NONE_OF_THESE),
    ("avn_risks", "not sure", None),
    ("before_the_pain", "fall", ["trauma"]),
    ("warning_signs", "night pain, weight loss", ["night_pain", "weight_loss"]),
    ("medical_background", "diabetes", ["immunosuppressed"]),
    ("joint_features", "psoriasis", ["psoriasis_ibd_or_uveitis"]),
])
def test_checklists_read_numbers_and_words(question: str, typed: str, value: object) -> None:
    parsed = get_reader().read(question, typed)
    assert parsed.ok, parsed
    assert parsed.value == value


def test_none_of_these_cannot_be_ticked_with_an_item() -> None:
    parsed = get_reader().read("avn_risks", "steroids, none")
    assert not parsed.ok and parsed.error == "exclusive_alone"


@pytest.mark.parametrize(("typed", "fever"), [
    ("39.2", True), ("38", True), ("38.0 c", True), ("37.2", False), ("36.8°c", False), ("yes", True), ("no", False),
])
def test_the_fever_question_takes_a_temperature(typed: str, fever: bool) -> None:
    parsed = get_reader().read("fever", typed)
    assert parsed.ok and parsed.value is fever


@pytest.mark.parametrize(("typed", "unable"), [("yes", False), ("yes i can", False), ("no", True), ("cannot", True)])
def test_can_you_take_a_few_steps_has_no_double_negative(typed: str, unable: bool) -> None:
    parsed = get_reader().read("unable_to_bear_weight", typed)
    assert parsed.ok and parsed.value is unable


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(default_root(), target, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    return target


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("      - field: trauma\n", "      - field: age\n", "checklist field `age` is not a yes/no field"),
    ("      - field: alcohol_excess\n", "      - field: glucocorticoids\n", "names each field once"),
    ("      - *none_of_these\n      - *not_sure\n\n  - id: fever", "      - *not_sure\n\n  - id: fever",
     "exactly two exclusive options"),
    ("      - field: hot_swollen_joint\n", "      - field: fever\n", "asked by more than one question"),
])
def test_a_broken_checklist_fails_at_load_with_its_place(content_copy: Path, old: str, new: str, expected: str) -> None:
    path = content_copy / "questions.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ContentError, match=r"questions\.yaml") as raised:
        load_content(content_copy)
    assert expected in str(raised.value)
