"""Every transition of content/flow.yaml, one table row each: source, case, guard outcome -> destination.

Two kinds of guard decide where the conversation goes: a transition's `guard` (the first
transition out of a state whose guard holds is taken) and a state's `ask_when` (a state
whose guard does not hold is passed over, as for a test the person has not had). Both are
tabled here, each guard both ways.
"""

from __future__ import annotations

from typing import Any

import pytest

from flows.case import Case
from flows.content import get_content
from flows.dialogue import get_engine

ENGINE = get_engine()

# The only transition out of its source: it fires whatever the case.
LINEAR = [
    ("sex", "age"),
    ("breastfeeding", "after_birth_warning_signs"),
    ("early_pregnancy_warning_signs", "pregnancy_warning_signs"),
    ("pregnancy_warning_signs", "after_birth_warning_signs"),
    ("after_birth_warning_signs", "side"),
    ("tests_done", "xray"),
    ("xray", "mri"),
    ("mri", "bone_scan"),
    ("bone_scan", "inflammatory_markers"),
    ("inflammatory_markers", "white_cell_count"),
    ("white_cell_count", "pelvic_girdle_pattern"),
    ("pelvic_girdle_pattern", "onset"),
    ("onset", "duration_weeks"),
    ("duration_weeks", "walking"),
    ("walking", "medical_history"),
    ("pain_medicines", "fever"),
    ("fever", "warning_signs"),
    ("warning_signs", "joint_features"),
    ("joint_features", "summary"),
]

# (source, case fields, guard that decides, its outcome, destination)
GUARDED: list[tuple[str, dict[str, Any], str, bool, str]] = [
    ("age", {"age": 15}, "child_or_adolescent", True, "out_of_scope"),
    ("age", {"age": 12, "sex": "female"}, "child_or_adolescent", True, "out_of_scope"),
    ("age", {"age": 17, "sex": "female"}, "child_or_adolescent", True, "out_of_scope"),  # growth plates still open
    ("age", {"age": 18, "sex": "female"}, "could_be_pregnant", True, "pregnancy"),
    ("age", {"sex": "female"}, "could_be_pregnant", True, "pregnancy"),
    ("age", {"age": 55, "sex": "female"}, "could_be_pregnant", True, "pregnancy"),
    ("age", {"age": 56, "sex": "female"}, "could_be_pregnant", False, "side"),
    ("age", {"age": 45, "sex": "male"}, "could_be_pregnant", False, "side"),
    ("age", {"age": 30}, "could_be_pregnant", True, "pregnancy"),  # sex not said: pregnancy is not assumed away
    ("age", {"age": 60}, "could_be_pregnant", False, "side"),
    ("pregnancy", {"sex": "female", "pregnancy": "postpartum"}, "recently_gave_birth", True, "breastfeeding"),
    ("pregnancy", {"sex": "female", "pregnancy": "trimester_3"}, "recently_gave_birth", False,
     "early_pregnancy_warning_signs"),
    ("pregnancy", {"sex": "female"}, "recently_gave_birth", False, "early_pregnancy_warning_signs"),
    # An artificial joint in the painful hip: this assistant is for a natural hip.
    ("side", {"side": "right", "artificial_hip": True}, "hip_replaced", True, "replaced_hip"),
    ("side", {"side": "right"}, "hip_replaced", False, "tests_done"),
    ("side", {"side": "right", "artificial_hip": False}, "hip_replaced", False, "tests_done"),
    ("medical_history", {"artificial_hip": True}, "hip_replaced", True, "replaced_hip"),
    ("medical_history", {"artificial_hip": False, "sex": "female", "pregnancy": "trimester_2"}, "hip_replaced", False,
     "pain_medicines"),
]

# A state's `ask_when`: (the state before it, case fields, the state, its guard, outcome,
# where the conversation goes from the state before). Outcome False: passed over.
TESTS = {"xray": "not_done", "mri": "not_done", "bone_scan": "not_done", "inflammatory_markers": "not_done",
         "white_cell_count": "not_done"}
ASK_WHEN: list[tuple[str, dict[str, Any], str, str, bool, str]] = [
    # The warning signs of a pregnancy, or of the weeks after a birth or a loss.
    # Early in pregnancy the signs of an ectopic pregnancy or a miscarriage; later, those of
    # the pregnancy itself; the week not known: both.
    ("pregnancy", {"sex": "female", "pregnancy": "trimester_1"}, "early_pregnancy_warning_signs", "early_pregnancy",
     True, "early_pregnancy_warning_signs"),
    ("pregnancy", {"sex": "female", "pregnancy": "pregnant_stage_unknown"}, "early_pregnancy_warning_signs",
     "early_pregnancy", True, "early_pregnancy_warning_signs"),
    ("pregnancy", {"sex": "female", "pregnancy": "trimester_2"}, "early_pregnancy_warning_signs", "early_pregnancy",
     False, "pregnancy_warning_signs"),
    ("early_pregnancy_warning_signs", {"sex": "female", "pregnancy": "trimester_1"}, "pregnancy_warning_signs",
     "pregnant_past_the_first_trimester", False, "side"),
    ("early_pregnancy_warning_signs", {"sex": "female", "pregnancy": "pregnant_stage_unknown"},
     "pregnancy_warning_signs", "pregnant_past_the_first_trimester", True, "pregnancy_warning_signs"),
    ("early_pregnancy_warning_signs", {"sex": "female", "pregnancy": "trimester_3"}, "pregnancy_warning_signs",
     "pregnant_past_the_first_trimester", True, "pregnancy_warning_signs"),
    ("early_pregnancy_warning_signs", {"sex": "female", "pregnancy": "not_pregnant"}, "pregnancy_warning_signs",
     "pregnant_past_the_first_trimester", False, "side"),
    ("pregnancy_warning_signs", {"sex": "female", "pregnancy": "recent_pregnancy_loss"}, "after_birth_warning_signs",
     "after_birth_or_loss", True, "after_birth_warning_signs"),
    ("pregnancy_warning_signs", {"sex": "female", "pregnancy": "postpartum"}, "after_birth_warning_signs",
     "after_birth_or_loss", True, "after_birth_warning_signs"),
    ("pregnancy_warning_signs", {"sex": "female", "pregnancy": "trimester_3"}, "after_birth_warning_signs",
     "after_birth_or_loss", False, "side"),
    ("tests_done", {}, "xray", "xray_to_ask", True, "xray"),  # tests not known ("Not sure"): all asked
    ("tests_done", {"xray": ["normal"]}, "xray", "xray_to_ask", False, "mri"),  # known already (a path walked again)
    ("tests_done", {"xray": "not_done"}, "xray", "xray_to_ask", False, "mri"),
    ("xray", {}, "mri", "mri_to_ask", True, "mri"),
    ("xray", {"mri": "not_done"}, "mri", "mri_to_ask", False, "bone_scan"),
    ("mri", {}, "bone_scan", "bone_scan_to_ask", True, "bone_scan"),
    ("mri", {"mri": "not_done"}, "bone_scan", "bone_scan_to_ask", True, "bone_scan"),  # no MRI: a bone scan may help
    ("mri", {"mri": ["bone_marrow_oedema"]}, "bone_scan", "bone_scan_to_ask", False, "inflammatory_markers"),
    ("mri", {"mri": ["normal"]}, "bone_scan", "bone_scan_to_ask", False, "inflammatory_markers"),
    ("mri", {"bone_scan": "not_done"}, "bone_scan", "bone_scan_to_ask", False, "inflammatory_markers"),
    ("bone_scan", {}, "inflammatory_markers", "markers_to_ask", True, "inflammatory_markers"),
    ("bone_scan", {"inflammatory_markers": "not_done"}, "inflammatory_markers", "markers_to_ask", False,
     "white_cell_count"),
    ("inflammatory_markers", {}, "white_cell_count", "white_cells_to_ask", True, "white_cell_count"),
    ("inflammatory_markers", {"white_cell_count": "not_done"}, "white_cell_count", "white_cells_to_ask", False,
     "onset"),  # and no pregnancy: where the pain is is passed over too
    ("white_cell_count", {"sex": "female", "pregnancy": "trimester_1"}, "pelvic_girdle_pattern",
     "pregnant_or_after_birth", True, "pelvic_girdle_pattern"),
    ("white_cell_count", {"sex": "female", "pregnancy": "trimester_2"}, "pelvic_girdle_pattern",
     "pregnant_or_after_birth", True, "pelvic_girdle_pattern"),
    ("white_cell_count", {"sex": "female", "pregnancy": "trimester_3"}, "pelvic_girdle_pattern",
     "pregnant_or_after_birth", True, "pelvic_girdle_pattern"),
    ("white_cell_count", {"sex": "female", "pregnancy": "postpartum"}, "pelvic_girdle_pattern",
     "pregnant_or_after_birth", True, "pelvic_girdle_pattern"),
    ("white_cell_count", {"sex": "female", "pregnancy": "not_pregnant"}, "pelvic_girdle_pattern",
     "pregnant_or_after_birth", False, "onset"),
    ("white_cell_count", {"sex": "female", "pregnancy": "recent_pregnancy_loss"}, "pelvic_girdle_pattern",
     "pregnant_or_after_birth", False, "onset"),
    ("white_cell_count", {"sex": "female"}, "pelvic_girdle_pattern", "pregnant_or_after_birth", False, "onset"),
    ("white_cell_count", {"sex": "male", "age": 45}, "pelvic_girdle_pattern", "pregnant_or_after_birth", False,
     "onset"),
    # NSAIDs are asked about in pregnancy only; after birth they are usual, breastfeeding too.
    ("medical_history", {"sex": "female", "pregnancy": "trimester_1"}, "pain_medicines", "pregnant", True,
     "pain_medicines"),
    ("medical_history", {"sex": "female", "pregnancy": "trimester_3"}, "pain_medicines", "pregnant", True,
     "pain_medicines"),
    ("medical_history", {"sex": "female", "pregnancy": "postpartum"}, "pain_medicines", "pregnant", False, "fever"),
    ("medical_history", {"sex": "female", "pregnancy": "not_pregnant"}, "pain_medicines", "pregnant", False,
     "fever"),
    ("medical_history", {"sex": "male", "age": 45}, "pain_medicines", "pregnant", False, "fever"),
]


@pytest.mark.parametrize(("source", "dest"), LINEAR)
def test_unguarded_transition(source: str, dest: str) -> None:
    assert ENGINE.machine.step(source, Case()) == dest
    assert ENGINE.machine.step(source, Case(**TESTS, sex="female", pregnancy="trimester_3")) == dest


@pytest.mark.parametrize(("source", "fields", "guard", "outcome", "dest"), GUARDED)
def test_guarded_transition(source: str, fields: dict[str, Any], guard: str, outcome: bool, dest: str) -> None:
    case = Case(**fields)
    assert get_content().guards[guard](case) is outcome
    assert ENGINE.machine.step(source, case) == dest
    # ...and the conversation goes there, or past it when its `ask_when` fails (no pregnancy
    # known: its warning signs are passed over)
    asked_when = {s.id: s.ask_when for s in get_content().flow.states if s.ask_when is not None}
    expected = dest
    while expected in asked_when and not get_content().guards[asked_when[expected]](case):
        expected = ENGINE.machine.step(expected, case)
    assert ENGINE.machine.next_state(source, case) == expected


@pytest.mark.parametrize(("before", "fields", "state", "guard", "outcome", "dest"), ASK_WHEN)
def test_a_state_is_asked_only_when_its_guard_holds(
    before: str, fields: dict[str, Any], state: str, guard: str, outcome: bool, dest: str
) -> None:
    machine = ENGINE.machine
    case = Case(**fields)
    assert get_content().guards[guard](case) is outcome
    assert machine.step(before, case) == state  # the transition into it fires either way...
    assert machine.next_state(before, case) == dest  # ...and the state is passed over when the guard fails


# (Where the pain is, the painkillers and the warning signs of a pregnancy are asked by
# pregnancy, which their answers do not change.)
BY_PREGNANCY = {"pelvic_girdle_pattern", "pain_medicines", "early_pregnancy_warning_signs", "pregnancy_warning_signs",
                "after_birth_warning_signs"}


@pytest.mark.parametrize("state", sorted({row[2] for row in ASK_WHEN} - BY_PREGNANCY))
def test_a_state_already_answered_is_not_passed_over_for_its_own_answer(state: str) -> None:
    # Its own answer is what makes its guard false now (an X-ray answered "Not done"); after
    # /change the path must still go through it.
    machine = ENGINE.machine
    before = next(row[0] for row in ASK_WHEN if row[2] == state)
    case = Case(**TESTS, sex="male")
    assert machine.next_state(before, case, answered=[state]) == state


def test_an_answered_state_is_passed_over_when_something_else_now_fails_its_guard() -> None:
    # Where the pain is was answered in pregnancy; changed to not pregnant, it is off the path.
    machine = ENGINE.machine
    before = next(row[0] for row in ASK_WHEN if row[2] == "pelvic_girdle_pattern")
    pregnant = Case(**TESTS, sex="female", pregnancy="trimester_3", pelvic_girdle_pattern=True)
    assert machine.next_state(before, pregnant, answered=["pelvic_girdle_pattern"]) == "pelvic_girdle_pattern"
    not_pregnant = pregnant.model_copy(update={"pregnancy": "not_pregnant"})
    assert machine.next_state(before, not_pregnant, answered=["pelvic_girdle_pattern"]) != "pelvic_girdle_pattern"


def test_the_table_covers_exactly_the_flow() -> None:
    table = set(LINEAR) | {(row[0], row[4]) for row in GUARDED}
    defined = {(t.source, t.dest) for t in get_content().flow.transitions}
    assert table == defined, f"missing from table: {defined - table}; not in flow: {table - defined}"


def test_every_ask_when_state_is_in_the_table() -> None:
    ask_when = {s.id: s.ask_when for s in get_content().flow.states if s.ask_when is not None}
    assert ask_when == {row[2]: row[3] for row in ASK_WHEN}


def test_every_guard_in_the_flow_is_tested_both_ways() -> None:
    outcomes = {(row[2], row[3]) for row in GUARDED} | {(row[3], row[4]) for row in ASK_WHEN}
    # a guard of what is said with an end (flow.yaml `said_with`) leads nowhere: tested both
    # ways where it is said (tests/flows/test_readings_from_session_19_fixd.py)
    said_with = {said.when for state in get_content().flow.states for said in state.said_with}
    for name in get_content().flow.guards:
        assert {(name, True), (name, False)} <= outcomes or name == "child_or_adolescent" or name in said_with, name
    assert ("child_or_adolescent", True) in outcomes
    assert get_content().guards["child_or_adolescent"](Case(age=18)) is False
