"""Session 23 (e), blind user test en 23c (clinicians): a note's shorthand recorded as wrong
facts. "cant weight bear" denied no weight loss; "IA steroid inj R hip" is a hip injection,
not steroid tablets; a course that ended years ago or one given for the hip pain is no
steroid use in the past year; "run again", "back to running" name no episode before and no
other joints; "since 3/7" in a note is 3 days; a grade or department before the note ("A&E
FY2 - 70M") keeps its age and sex; "since this am" is how long."""

from __future__ import annotations

from datetime import date

import pytest

from flows.dialogue import get_engine
from tests.support.conversation import Conversation, talk

ENGINE = get_engine()
TODAY = date(2026, 12, 3)


def reach(state: str, opening: str, fill: dict[str, str] | None = None) -> Conversation:
    """A conversation in English driven to `state`, each question on the way answered plainly."""
    answers = {"sex": "1", "age": "45", "pregnancy": "1", "side": "left", **(fill or {})}
    conv = talk(opening)
    for _ in range(30):
        if conv.state == state:
            return conv
        asked = conv.state
        kind = conv.last_question().kind
        conv.say(answers.get(asked) or ("none" if kind == "selection" else "don't know"))
    raise AssertionError(f"{state} was never asked")


# --- 5. "weight" in a weight-bearing phrase says nothing of weight loss ------------------------


@pytest.mark.parametrize("opening", ["60F hip pain 2/52, cant weight bear",
                                     "70M fell on ice, R hip pain, can't weight bear"])
def test_a_leg_that_cannot_weight_bear_denies_no_weight_loss(opening: str) -> None:
    conv = reach("warning_signs", opening)
    assert "denied_earlier" not in [reply.code for _, replies in conv.transcript for reply in replies]
    assert ENGINE.readers["en"].denied_by_name("warning_signs", "cant weight bear") == []
    assert conv.session is not None and conv.session.case.unable_to_bear_weight is True


def test_weight_loss_denied_by_name_is_still_denied() -> None:
    options = ENGINE.content.options["warning_signs"]
    denied = ENGINE.readers["en"].denied_by_name("warning_signs", "cant weight bear, no weight loss")
    assert [options[i].field for i in denied] == ["weight_loss"]


# --- 2. a note's hip injection and steroid history ---------------------------------------------


@pytest.mark.parametrize("said", ["IA steroid inj R hip 6/52 ago", "intra-articular steroid inj to the hip 6/52 ago"])
def test_a_notes_intra_articular_injection_is_a_hip_injection_not_steroid_tablets(said: str) -> None:
    conv = reach("medical_history", "60F R hip pain 4/52, afebrile")
    conv.say(said)
    assert conv.session is not None
    case = conv.session.case
    assert case.recent_joint_procedure is True
    assert case.glucocorticoids is not True


def test_a_notes_hip_injection_in_the_first_message_is_held() -> None:
    conv = reach("warning_signs", "60F R hip pain 4/52, IA steroid inj R hip 6/52 ago")
    assert conv.session is not None and conv.session.case.recent_joint_procedure is True


@pytest.mark.parametrize(("opening", "steroids"), [
    ("60F R hip pain 4/52, pred stopped 2 yrs ago", False),
    ("60F R hip pain 4/52, given a 5/7 course of pred for the hip pain by OOH", False),
    ("60F R hip pain 4/52, on pred for PMR", True),
    ("60F R hip pain 4/52, started pred 3 years ago for PMR", True),
])
def test_steroids_outside_the_past_year_or_for_this_pain_are_not_noted(opening: str, steroids: bool) -> None:
    conv = talk(opening)
    assert conv.session is not None
    assert (conv.session.case.glucocorticoids is True) is steroids


# --- 3. a question about what is to come names no past episode nor other joints ----------------

PHYSIO = ("physio here - pt with MRI confirmed TOH L hip, now 8 weeks in. 45M. currently PWB with 2 crutches. "
          "is hydro ok?")


@pytest.mark.parametrize("said", ["when can he run again", "he wants to run again asap", "will he get back to running"])
def test_a_return_to_activity_is_no_episode_before_nor_other_joints(said: str) -> None:
    conv = reach("joint_features", PHYSIO)
    conv.say(said)
    assert conv.session is not None
    case = conv.session.case
    assert case.prior_episode is not True
    assert case.other_joints is not True


@pytest.mark.parametrize(("said", "field"), [("it happened again last year", "prior_episode"),
                                             ("bad back and knees", "other_joints")])
def test_an_episode_before_and_other_joints_are_still_ticked(said: str, field: str) -> None:
    conv = reach("joint_features", PHYSIO)
    conv.say(said)
    assert conv.session is not None and getattr(conv.session.case, field) is True


# --- 4. "since 3/7" in a note is 3 days ----------------------------------------------------------


def test_since_a_shorthand_in_a_note_is_how_long_not_a_date() -> None:
    reader = ENGINE.readers["en"]
    assert reader.heard_number("duration_weeks", "48M L hip pain since 3/7", today=TODAY) == "3 day"
    # said by a patient, not in a note, it is still a date: 3 July
    assert reader.read("duration_weeks", "it has hurt since 3/7", today=TODAY).value == pytest.approx(22, abs=0.5)


# --- 9. a grade or a department before a note, and "this am" -----------------------------------


@pytest.mark.parametrize("opening", ["A&E FY2 - 70M mechanical fall at home this am, R hip pain",
                                     "FY2, 70M fell", "A&E - 70M fell, leg shortened and ext rotated"])
def test_a_grade_or_department_before_the_note_keeps_its_age_and_sex(opening: str) -> None:
    conv = talk(opening)
    assert conv.session is not None
    assert (conv.session.case.sex, conv.session.case.age) == ("male", 70)


def test_a_range_with_a_dash_is_still_a_range() -> None:
    assert ENGINE.readers["en"].read("duration_weeks", "2 - 3 weeks").value == pytest.approx(2.5, abs=0.6)


def test_since_this_am_is_how_long() -> None:
    conv = reach("duration_weeks", "70M R hip pain")
    conv.say("since this am")
    assert conv.session is not None and conv.session.case.duration_weeks == pytest.approx(0.1, abs=0.1)
