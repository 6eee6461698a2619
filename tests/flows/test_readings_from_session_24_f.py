"""Session 24 (f), blind user test 24a: a weight-bearing plan followed on crutches ("NWB-PWB
on 2 crutches", "partial weight bearing") is walking, protected, not a leg that takes no
weight; "Pt is 52M" keeps its age and sex; a painkiller asked about while an infection in the
joint is not ruled out gets the summary's own advice (paracetamol, no NSAID), and after the
summary the pain relief section is named instead of "the summary at the end says more"; with
weak immunity, blood tests alone are not said to settle an infection."""

from __future__ import annotations

import pytest

from flows.assessment import assess
from flows.dialogue import get_engine
from tests.support.conversation import Conversation, talk

ENGINE = get_engine()


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


def codes(conv: Conversation) -> list[str]:
    return [reply.code for _, replies in conv.transcript for reply in replies if reply.code]


# --- 7. a weight-bearing plan on crutches is walking, protected ---------------------------------


@pytest.mark.parametrize("opening", [
    "Physio here. Pt is 52M with MRI-confirmed TOH R hip, currently NWB-PWB on 2 crutches, 6 wks in.",
    "52M, TOH R hip, partial weight bearing on crutches",
    "pt 60F, L hip pain 3/52, PWB on 2 crutches"])
def test_a_weight_bearing_plan_on_crutches_is_walking_not_a_leg_that_takes_no_weight(opening: str) -> None:
    conv = talk(opening)
    assert conv.session is not None
    assert conv.session.case.unable_to_bear_weight is False
    assert conv.session.case.weight_bearing_pain is True


@pytest.mark.parametrize("opening", ["NWB on crutches after a fall", "can't weight bear, on crutches",
                                     "60F fell, nwb"])
def test_a_leg_that_takes_no_weight_still_cannot_bear_weight(opening: str) -> None:
    conv = talk(opening)
    assert conv.session is not None and conv.session.case.unable_to_bear_weight is True


def test_partial_weight_bearing_on_crutches_answers_the_walking_question() -> None:
    conv = reach("walking", "hip pain", {"onset": "sudden", "duration": "6 weeks"})
    conv.say("he can walk with crutches, partial weight bearing")
    assert conv.state != "walking"
    assert conv.session is not None
    assert conv.session.case.unable_to_bear_weight is False and conv.session.case.weight_bearing_pain is True


def test_a_notes_pt_is_52m_gives_sex_and_age() -> None:
    conv = talk("Pt is 52M with TOH R hip")
    assert conv.session is not None
    assert conv.session.case.sex == "male" and conv.session.case.age == 52


# --- 12. a painkiller asked about while an infection is open ------------------------------------

IMMUNOSUPPRESSED = ("58 female, i have RA on methotrexate and humira. left hip pain for 4 days, feel a bit "
                    "rough tbh", "no", "hurts to walk but i can")


def test_an_nsaid_asked_about_while_an_infection_is_open_gets_paracetamol_not_an_nsaid() -> None:
    conv = talk(*IMMUNOSUPPRESSED)
    conv.say("can i take naproxen")
    assert "quick_answer:painkillers_while_an_infection_is_possible" in codes(conv)
    assert "quick_answer:painkillers_outside_pregnancy" not in codes(conv)


def to_summary() -> Conversation:
    conv = talk(*IMMUNOSUPPRESSED, "thats all", "no", "no", "yes, hands and knees with the RA")
    assert conv.state == "summary"
    return conv


def test_after_the_summary_the_nsaid_answer_names_the_pain_relief_section() -> None:
    conv = to_summary()
    replies = conv.say("can i take naproxen")
    said = [reply.code for reply in replies]
    assert "quick_answer:painkillers_while_an_infection_is_possible" in said
    assert "quick_answer_section" in said
    assert all("summary at the end" not in (reply.text or "") for reply in replies)


def test_without_an_open_infection_the_general_painkiller_answer_is_kept() -> None:
    conv = talk("45 male, right hip pain for 3 weeks, came on slowly", "no")
    conv.say("can i take ibuprofen")
    assert "quick_answer:painkillers_while_an_infection_is_possible" not in codes(conv)


def test_with_weak_immunity_blood_tests_alone_do_not_settle_an_infection() -> None:
    conv = to_summary()
    shown = repr(conv.transcript[-1][1])
    assert "blood tests, then fluid from the joint would settle it" in shown
    assert "blood tests (CRP, white cells) would settle it" not in shown


# --- 6. a cause the report's own conclusion keeps open stays "not ruled out yet" ---------------

REPORT = ('45 M. got my MRI back: "diffuse bone marrow oedema of the left femoral head and neck extending to the '
          'intertrochanteric region, small joint effusion, no subchondral fracture. Impression: transient '
          'osteoporosis vs early AVN". can i keep going to the gym??')


def test_avn_kept_open_by_the_reports_impression_is_not_ruled_out_and_its_probability_unchanged() -> None:
    conv = talk(REPORT, "no other tests", "5 weeks", "over a few days", "limping a bit, walking hurts",
                "i drink maybe 4 beers on weekends, no steroids", "no", "no", "no")
    assert conv.state == "summary" and conv.session is not None
    case = conv.session.case
    assert case.avn_in_report_differential is True
    assessment = assess(case, ENGINE.content)
    avn = next(d for d in assessment.not_ruled_out if d.condition == "avn")
    assert "avn_left_open_by_the_report" in avn.rule_ids
    assert "follow-up MRI" in avn.settle_with
    without = assess(case.model_copy(update={"avn_in_report_differential": None}), ENGINE.content)
    assert [(r.condition, r.probability) for r in without.ranking] == [
        (r.condition, r.probability) for r in assessment.ranking]
    assert without.triage == assessment.triage


@pytest.mark.parametrize("said", ["45M MRI: marrow oedema, no fracture or AVN",
                                  "45M MRI: oedema. Impression: TOH, AVN less likely",
                                  "45M MRI: oedema. Impression: TOH, AVN excluded",
                                  "45M MRI: oedema, no AVN"])
def test_avn_denied_by_the_report_is_not_kept_open(said: str) -> None:
    conv = talk(said)
    assert conv.session is not None and conv.session.case.avn_in_report_differential is None


@pytest.mark.parametrize("said", ["45M MRI: oedema. Impression: TOH, cannot exclude early AVN",
                                  "45M MRI: oedema. Impression: TOH ? early AVN",
                                  "45M MRI showed oedema, TOH or AVN"])
def test_avn_left_open_in_other_words_is_heard(said: str) -> None:
    conv = talk(said)
    assert conv.session is not None and conv.session.case.avn_in_report_differential is True


def test_a_break_the_report_cannot_exclude_is_not_ruled_out() -> None:
    conv = talk("45M MRI: oedema. Conclusion: cannot exclude an insufficiency fracture")
    assert conv.session is not None and conv.session.case.fracture_in_report_differential is True
    assessment = assess(conv.session.case, ENGINE.content)
    assert any("fracture_left_open_by_the_report" in d.rule_ids for d in assessment.not_ruled_out)
