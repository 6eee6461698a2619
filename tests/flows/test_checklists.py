""""Tick all that apply" questions and the new ways of answering (issues 13 and 16).

A checklist answers several case fields at once: each ticked item writes what it `sets`,
each item not ticked what it writes `unticked`; "None of these" unticks every item, "Not
sure" leaves every field unknown. Most checklists are yes/no (a tick is true, no tick
false); `tests_done` is not: a ticked test is asked about next (its field stays unknown),
a test not ticked is recorded as not done.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from flows.case import Case
from flows.content import ContentError, default_root, get_content, load_content
from flows.content_models import Answer, Question
from flows.dialogue import get_engine
from flows.recording import NONE_OF_THESE, clear, record, recorded

ENGINE = get_engine()

CONTENT = get_content()
CHECKLISTS = [q for q in CONTENT.questions.values() if q.kind == "checklist"]


def items(question: Question) -> list[Answer]:
    return [o for o in CONTENT.options[question.id] if not o.exclusive]


def holds(case: Case, writes: dict[str, Any] | None) -> bool:
    return all(getattr(case, name) == value for name, value in (writes or {}).items())


def known_answer(name: str) -> Any:
    """An answer to the question that asks `name`, other than "Not done"."""
    question = next(q for q in CONTENT.questions.values() if q.field == name)
    value = next(o.value for o in CONTENT.options[question.id] if o.value not in (None, "not_done"))
    return [value] if question.several else value


def test_the_checklists_include_one_whose_items_are_not_yes_no() -> None:
    # tests_done: a tick opens the test's own question (its field stays unknown, to be
    # asked), no tick records the test as not done.
    tests_done = CONTENT.questions["tests_done"]
    assert tests_done in CHECKLISTS
    assert any(any(v is not True for v in (o.sets or {}).values()) for o in items(tests_done))


@pytest.mark.parametrize("question", CHECKLISTS, ids=lambda q: q.id)
def test_each_tick_writes_what_it_sets_and_every_other_item_what_unticked_writes(question: Question) -> None:
    for ticked in items(question):
        case = Case()
        record(case, question, [ticked.value])
        for item in items(question):
            assert holds(case, item.sets if item is ticked else item.unticked), (ticked.value, item.value)
        opened = [name for name, value in (ticked.sets or {}).items() if value is None]
        if opened:
            # A tick that only opens a later question (a test done) reads as ticked once that
            # question has a known answer other than "not done"; until then, as not answered.
            assert recorded(case, question) is None
            for name in opened:
                setattr(case, name, known_answer(name))
        assert recorded(case, question) == [ticked.value]


@pytest.mark.parametrize("question", CHECKLISTS, ids=lambda q: q.id)
def test_none_of_these_unticks_all_not_sure_leaves_all_unknown_and_clear_forgets(question: Question) -> None:
    case = Case()
    not_sure = next(o for o in question.answers if o.exclusive and o.value is None)  # type: ignore[union-attr]
    record(case, question, NONE_OF_THESE)
    assert all(holds(case, item.unticked) for item in items(question))
    assert all(getattr(case, name) is not None for name in question.fields if name not in (not_sure.sets or {}))
    assert all(getattr(case, name) is None for name in not_sure.sets or {})
    assert recorded(case, question) == NONE_OF_THESE
    record(case, question, None)
    # "Not sure" writes only what it says of itself (tests: `tests_unsure`); every item unknown
    assert all(getattr(case, name) == (not_sure.sets or {}).get(name) for name in question.fields)
    assert recorded(case, question) is None
    every = [item.value for item in items(question)]
    record(case, question, every)
    assert all(holds(case, item.sets) for item in items(question))
    assert all(getattr(case, name) is None for name in not_sure.sets or {})  # ticking unsays "not sure"
    clear(case, question)
    assert all(getattr(case, name) is None for name in question.fields)


@pytest.mark.parametrize("question", [q for q in CHECKLISTS if q.id != "tests_done"], ids=lambda q: q.id)
def test_a_yes_no_checklist_makes_ticks_true_and_the_rest_false(question: Question) -> None:
    fields = question.fields
    case = Case()
    record(case, question, [fields[0]])
    assert getattr(case, fields[0]) is True
    assert all(getattr(case, name) is False for name in fields[1:])


def test_tests_done_opens_the_questions_of_the_tests_ticked_and_closes_the_others() -> None:
    case = Case()
    record(case, CONTENT.questions["tests_done"], ["mri", "blood_tests"])
    assert (case.xray, case.bone_scan) == ("not_done", "not_done")
    assert (case.mri, case.inflammatory_markers, case.white_cell_count) == (None, None, None)  # asked next
    case.mri = ["bone_marrow_oedema"]  # answered later: the test still reads as ticked
    assert recorded(case, CONTENT.questions["tests_done"]) == ["mri"]  # the bloods are still to be asked
    case.inflammatory_markers = known_answer("inflammatory_markers")
    case.white_cell_count = known_answer("white_cell_count")
    assert recorded(case, CONTENT.questions["tests_done"]) == ["mri", "blood_tests"]
    case.mri = "not_done"  # "Not done" at the MRI question after all
    assert recorded(case, CONTENT.questions["tests_done"]) == ["blood_tests"]


@pytest.mark.parametrize(("question", "typed", "value"), [
    ("medical_history", "steroids and alcohol", ["glucocorticoids", "alcohol_excess"]),
    ("medical_history", "1,2", ["glucocorticoids", "alcohol_excess"]),
    ("medical_history", "none", NONE_OF_THESE),
    ("medical_history", "not sure", None),
    ("medical_history", "diabetes", ["immunosuppressed"]),
    ("medical_history", "rheumatoid arthritis", ["known_inflammatory_arthritis"]),
    ("warning_signs", "fall", ["trauma"]),
    ("warning_signs", "yes i fell", ["trauma"]),
    ("warning_signs", "night pain, weight loss", ["night_pain", "weight_loss"]),
    ("warning_signs", "nope", NONE_OF_THESE),
    ("joint_features", "psoriasis", ["psoriasis_ibd_or_uveitis"]),
    ("joint_features", "idk", None),
    ("tests_done", "xray and mri", ["xray", "mri"]),
    ("tests_done", "1,2", ["xray", "mri"]),
    ("tests_done", "bloods", ["blood_tests"]),
    ("tests_done", "had an mri", ["mri"]),
    ("tests_done", "none yet", NONE_OF_THESE),
    ("tests_done", "not sure", None),
])
def test_checklists_read_numbers_and_words(question: str, typed: str, value: object) -> None:
    parsed = ENGINE.reader().read(question, typed)
    assert parsed.ok, parsed
    assert parsed.value == value


def test_a_scan_that_could_be_any_of_them_gets_a_clarifying_question() -> None:
    parsed = ENGINE.reader().read("tests_done", "had a scan")
    assert not parsed.ok and len(parsed.clarify) == 3


@pytest.mark.parametrize(("question", "typed"), [("medical_history", "1,{none}"), ("tests_done", "{none},1"),
                                                 ("warning_signs", "{none}, 3")])
def test_none_of_these_cannot_be_ticked_with_an_item(question: str, typed: str) -> None:
    none = next(i for i, o in enumerate(ENGINE.content.options[question]) if o.exclusive and o.value is not None) + 1
    parsed = ENGINE.reader().read(question, typed.format(none=none))
    assert not parsed.ok and parsed.error == "exclusive_alone"


@pytest.mark.parametrize(("typed", "fever"), [
    ("39.2", True), ("38", True), ("38.0 c", True), ("37.2", False), ("36.8°c", False), ("yes", True), ("no", False),
])
def test_the_fever_question_takes_a_temperature(typed: str, fever: bool) -> None:
    parsed = ENGINE.reader().read("fever", typed)
    assert parsed.ok and parsed.value is fever


@pytest.mark.parametrize(("typed", "walking", "weight_bearing_pain", "unable"), [
    ("walking is fine", "fine", False, False),
    ("no i can walk fine", "fine", False, False),
    ("hurts to walk", "worse", True, False),
    ("limping", "worse", True, False),
    ("cant stand on it at all", "cannot", True, True),
    ("can't walk", "cannot", True, True),
])
def test_walking_is_one_question_without_a_double_negative(typed: str, walking: str, weight_bearing_pain: bool,
                                                           unable: bool) -> None:
    question = CONTENT.questions["walking"]
    assert "unable" not in CONTENT.text(question.text).lower() and " not " not in CONTENT.text(question.text)
    parsed = ENGINE.reader().read("walking", typed)
    assert parsed.ok and parsed.value == walking
    case = Case()
    record(case, question, parsed.value)
    assert (case.weight_bearing_pain, case.unable_to_bear_weight) == (weight_bearing_pain, unable)
    assert recorded(case, question) == walking


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(default_root(), target, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    return target


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("      - field: trauma\n", "      - field: age\n", "checklist field `age` is not a yes/no field"),
    ("      - field: alcohol_excess\n", "      - field: glucocorticoids\n", "names each field once"),
    ("      - *none_of_these\n      - *not_sure\n\n  - id: joint_features",
     "      - *not_sure\n\n  - id: joint_features", "exactly two exclusive options"),
    ("        unticked: {mri: not_done}\n", "        unticked: {xray: not_done}\n", "name the same fields"),
    ("        unticked: {xray: not_done}\n", "        unticked: {xray: never}\n", "`never` is not a value of `xray`"),
    ("        sets: {bone_scan: null}\n", "", "says what ticking it `sets`"),
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


@pytest.mark.parametrize(("question", "typed", "meant"), [
    ("walking", "walking doesnt make it worse", "fine"),
    ("walking", "it isnt worse when i walk", "fine"),
    ("walking", "its ok until i walk far", "worse"),
    ("fever", "dont think ive had a fever", False),
])
def test_a_denial_is_not_read_as_its_opposite(question: str, typed: str, meant: object) -> None:
    parsed = ENGINE.reader().read(question, typed)
    assert not parsed.ok or parsed.value == meant, parsed
