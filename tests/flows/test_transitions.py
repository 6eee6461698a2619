"""Every transition of content/flow.yaml, one table row each: source, case, guard outcome -> destination."""

from __future__ import annotations

from typing import Any

import pytest

from flows.case import Case
from flows.content import get_content
from flows.machine import get_machine

LINEAR = [
    ("sex", "age"),
    ("breastfeeding", "side"),
    ("pelvic_girdle_pattern", "onset"),
    ("onset", "duration_weeks"),
    ("duration_weeks", "weight_bearing_pain"),
    ("weight_bearing_pain", "unable_to_bear_weight"),
    ("unable_to_bear_weight", "before_the_pain"),
    ("before_the_pain", "avn_risks"),
    ("avn_risks", "fever"),
    ("fever", "warning_signs"),
    ("warning_signs", "medical_background"),
    ("medical_background", "joint_features"),
    ("joint_features", "xray"),
    ("xray", "mri"),
    ("bone_scan", "inflammatory_markers"),
    ("inflammatory_markers", "white_cell_count"),
    ("white_cell_count", "summary"),
]

# (source, case fields, guard that decides, its outcome, destination)
GUARDED: list[tuple[str, dict[str, Any], str, bool, str]] = [
    ("age", {"age": 15}, "child_or_adolescent", True, "out_of_scope"),
    ("age", {"age": 12, "sex": "female"}, "child_or_adolescent", True, "out_of_scope"),
    ("age", {"age": 16, "sex": "female"}, "could_be_pregnant", True, "pregnancy"),
    ("age", {"sex": "female"}, "could_be_pregnant", True, "pregnancy"),
    ("age", {"age": 55, "sex": "female"}, "could_be_pregnant", True, "pregnancy"),
    ("age", {"age": 56, "sex": "female"}, "could_be_pregnant", False, "side"),
    ("age", {"age": 45, "sex": "male"}, "could_be_pregnant", False, "side"),
    ("age", {"age": 30}, "could_be_pregnant", False, "side"),
    ("pregnancy", {"sex": "female", "pregnancy": "postpartum"}, "recently_gave_birth", True, "breastfeeding"),
    ("pregnancy", {"sex": "female", "pregnancy": "trimester_3"}, "recently_gave_birth", False, "side"),
    ("pregnancy", {"sex": "female"}, "recently_gave_birth", False, "side"),
    ("side", {"sex": "female", "pregnancy": "trimester_1"}, "pregnant_or_after_birth", True, "pelvic_girdle_pattern"),
    ("side", {"sex": "female", "pregnancy": "trimester_2"}, "pregnant_or_after_birth", True, "pelvic_girdle_pattern"),
    ("side", {"sex": "female", "pregnancy": "trimester_3"}, "pregnant_or_after_birth", True, "pelvic_girdle_pattern"),
    ("side", {"sex": "female", "pregnancy": "postpartum"}, "pregnant_or_after_birth", True, "pelvic_girdle_pattern"),
    ("side", {"sex": "female", "pregnancy": "not_pregnant"}, "pregnant_or_after_birth", False, "onset"),
    ("side", {"sex": "female", "pregnancy": "recent_pregnancy_loss"}, "pregnant_or_after_birth", False, "onset"),
    ("side", {"sex": "female"}, "pregnant_or_after_birth", False, "onset"),  # pregnancy not known
    ("side", {"sex": "male", "age": 45}, "pregnant_or_after_birth", False, "onset"),
    ("mri", {"mri": ["bone_marrow_oedema"]}, "mri_answers_the_imaging_question", True, "inflammatory_markers"),
    ("mri", {"mri": ["normal"]}, "mri_answers_the_imaging_question", True, "inflammatory_markers"),
    ("mri", {"mri": "not_done"}, "mri_answers_the_imaging_question", False, "bone_scan"),
    ("mri", {}, "mri_answers_the_imaging_question", False, "bone_scan"),
]


@pytest.mark.parametrize(("source", "dest"), LINEAR)
def test_unguarded_transition(source: str, dest: str) -> None:
    assert get_machine().next_state(source, Case()) == dest


@pytest.mark.parametrize(("source", "fields", "guard", "outcome", "dest"), GUARDED)
def test_guarded_transition(source: str, fields: dict[str, Any], guard: str, outcome: bool, dest: str) -> None:
    case = Case(**fields)
    assert get_content().guards[guard](case) is outcome
    assert get_machine().next_state(source, case) == dest


def test_the_table_covers_exactly_the_flow() -> None:
    table = set(LINEAR) | {(row[0], row[4]) for row in GUARDED}
    defined = {(t.source, t.dest) for t in get_content().flow.transitions}
    assert table == defined, f"missing from table: {defined - table}; not in flow: {table - defined}"


def test_every_guard_in_the_flow_is_tested_both_ways() -> None:
    outcomes = {(row[2], row[3]) for row in GUARDED}
    for name in get_content().flow.guards:
        assert {(name, True), (name, False)} <= outcomes or name == "child_or_adolescent", name
    assert ("child_or_adolescent", True) in outcomes
    assert get_content().guards["child_or_adolescent"](Case(age=16)) is False
