"""Session 22 (b), blind user tests en 22a and 22b: questions of the person's own ("is it safe
for the baby?", "can I still breastfeed?", "should I stop running?", "should I keep taking my
alendronate?", "is this cancer?") are answered at once, and after the summary the section that
says more is named; heavy drinking in pregnancy is spoken of for the baby; late in pregnancy
an urgent hip goes to the maternity unit today, and the exercise plan waits for the birth; a
growth in a young person with no cancer in the past is a primary bone tumour, not a spread
cancer."""

from __future__ import annotations

import pytest

from flows.assessment import assess
from flows.case import Case
from flows.dialogue import get_engine
from flows.guidance import select_guidance
from flows.messages import Reply
from tests.support.conversation import Conversation, talk

ENGINE = get_engine()
CONTENT = ENGINE.content
PREGNANT_39_WEEKS = ("39+2 and my right hip is killing me, been 10 days, worse every day", "30", "none")
BREASTFEEDING = ("baby is 4 months, breastfeeding, right hip pain 3 weeks", "female", "30")
RUNNER = ("runner here, 52, male. groin pain on the right for about 5 weeks, worse after runs",)


def codes(replies: list[Reply]) -> list[str]:
    return [reply.code for reply in replies]


def to_the_summary(*answers: str, language: str = "en") -> Conversation:
    conv = talk(*answers, language=language)
    for _ in range(25):
        if conv.state == "summary":
            break
        if conv.session is not None and conv.session.mode == "danger_offer":
            conv.say("2")
        else:
            conv.say("don't know" if language == "en" else "não sei")
    assert conv.state == "summary"
    return conv


def guidance_ids(case: Case) -> set[str]:
    return {item.id for _, items in select_guidance(case, assess(case, CONTENT), CONTENT) for item in items}


def guidance_text(case: Case, language: str = "en") -> str:
    return " ".join(CONTENT.text(item.text, language)
                    for _, items in select_guidance(case, assess(case, CONTENT), CONTENT) for item in items)


# --- 1. questions of the person's own, mid-way and after the summary -------------------------


@pytest.mark.parametrize(("language", "answers", "asked", "answer"), [
    # the words of a quick answer in any order ("baby & safe"): user test en 22a, 39 weeks
    ("en", PREGNANT_39_WEEKS, "is it safe for the baby?", "baby_in_pregnancy"),
    ("en", PREGNANT_39_WEEKS, "is this harmful for my baby?", "baby_in_pregnancy"),
    ("pt", ("grávida de 36 semanas, dói-me a anca direita", "31", "nenhum"), "é seguro para o bebé?",
     "baby_in_pregnancy"),
    ("en", BREASTFEEDING, "can I still breastfeed?", "breastfeeding_can_go_on"),
    ("pt", ("o bebé tem 4 meses, estou a amamentar, dor na anca direita há 3 semanas", "feminino", "30"),
     "posso continuar a amamentar?", "breastfeeding_can_go_on"),
    ("en", RUNNER, "should I stop running?", "activity_and_loading"),
    ("en", RUNNER, "can i still cycle?", "activity_and_loading"),
    ("en", RUNNER, "what loading is ok?", "activity_and_loading"),
    ("en", ("71 year old woman, on alendronate for 8 years, left groin pain 6 weeks",),
     "should i keep taking my alendronate?", "bone_medicine_keep_taking"),
    ("en", ("hello, I'm a 58 year old woman with pain in my left hip for about 2 months",), "is this cancer?",
     "is_it_cancer"),
])
def test_a_question_of_the_persons_own_is_answered_mid_way(
        language: str, answers: tuple[str, ...], asked: str, answer: str) -> None:
    # user tests en 22a, 22b: "Good question. The summary at the end answers it"
    conv = talk(*answers, language=language)
    replies = conv.say(asked)
    assert f"quick_answer:{answer}" in codes(replies)
    assert "asked_back" not in codes(replies)


def test_breastfeeding_says_it_can_go_on_and_what_changes() -> None:
    text = CONTENT.text(next(a for a in CONTENT.guidance.quick_answers if a.id == "breastfeeding_can_go_on").text,
                        "en")
    assert "go on breastfeeding" in text and "ibuprofen" in text and "bisphosphonate" in text


def test_a_leg_that_cannot_take_weight_is_not_told_to_keep_fit() -> None:
    conv = talk("male", "45", "right", "i cant put any weight on my leg at all")
    if conv.session is not None and conv.session.mode == "danger_offer":
        conv.say("2")
    replies = conv.say("can i still cycle?")
    assert "quick_answer:activity_and_loading" not in codes(replies)


@pytest.mark.parametrize(("asked", "answer", "section"), [
    ("should I stop running?", "activity_and_loading", "exercises"),
    ("can i still cycle?", "activity_and_loading", "exercises"),
    ("should i keep taking my alendronate?", "bone_medicine_keep_taking", "what_to_do"),
    ("is this cancer?", "is_it_cancer", "why"),
])
def test_after_the_summary_a_question_names_the_section_that_answers_it(
        asked: str, answer: str, section: str) -> None:
    # user test en 22b: pointed to "Pain relief ..." and "When to get help sooner"
    conv = to_the_summary(*RUNNER)
    replies = conv.say(asked)
    assert codes(replies) == [f"quick_answer:{answer}", "quick_answer_section"]
    title = CONTENT.text(next(s for s in CONTENT.guidance.summary_sections if s.id == section).title, "en")
    assert title in (replies[-1].text or "")


def test_a_quick_answer_before_the_summary_names_no_section_number() -> None:
    conv = talk(*RUNNER)
    assert "quick_answer_section" not in codes(conv.say("should I stop running?"))


# --- 2. heavy drinking in pregnancy ------------------------------------------------------------


PREGNANT = {"sex": "female", "age": 33, "side": "right", "onset": "gradual", "duration_weeks": 2,
            "weight_bearing_pain": True, "unable_to_bear_weight": False, "trauma": False, "fever": False,
            "nsaid_use": False}


def test_heavy_drinking_in_pregnancy_speaks_of_the_baby_and_the_midwife() -> None:
    # user test en 22a: 27 weeks, twins, heavy drinking: no word of alcohol and the baby
    assert "care_alcohol_in_pregnancy" in guidance_ids(Case(**PREGNANT, pregnancy="trimester_2",
                                                            alcohol_excess=True))
    assert "care_alcohol_in_pregnancy" not in guidance_ids(Case(**PREGNANT, pregnancy="trimester_2",
                                                                alcohol_excess=False))
    assert "care_alcohol_in_pregnancy" not in guidance_ids(Case(**PREGNANT, pregnancy="not_pregnant",
                                                                alcohol_excess=True))


# --- 3. late in pregnancy, urgent: the maternity unit today --------------------------------------


def test_late_in_pregnancy_an_urgent_hip_goes_to_the_maternity_unit_today() -> None:
    # user test en 22a, 39+2 weeks: "urgent GP" and "tell your midwife at your next contact"
    conv = to_the_summary(*PREGNANT_39_WEEKS)
    assert conv.session is not None
    case = conv.session.case
    assert case.pregnancy == "trimester_3" and assess(case, CONTENT).triage == "urgent"
    text = guidance_text(case)
    assert "maternity unit" in text and "today" in text
    assert "at your next contact" not in text
    assert "rehab_late_pregnancy" in guidance_ids(case)


def test_earlier_in_pregnancy_the_next_contact_still_fits() -> None:
    ids = guidance_ids(Case(**PREGNANT, pregnancy="trimester_2", mri=["bone_marrow_oedema"]))
    assert "care_late_pregnancy_urgent" not in ids and "rehab_late_pregnancy" not in ids


# --- 4. a growth in a young person with no cancer in the past ------------------------------------


YOUNG_NIGHT_PAIN = {"sex": "male", "side": "right", "onset": "gradual", "duration_weeks": 16,
                    "weight_bearing_pain": False, "unable_to_bear_weight": False, "trauma": False,
                    "fever": False, "night_pain": True, "nsaid_use": False}


@pytest.mark.parametrize(("age", "cancer_history", "primary"), [
    (19, False, True), (19, None, True), (19, True, False), (68, False, False)])
def test_a_growth_at_a_young_age_is_a_primary_bone_tumour(age: int, cancer_history: bool | None,
                                                          primary: bool) -> None:
    # user test en 22b: a 19-year-old told of "cancer that has spread to bone"
    case = Case(**YOUNG_NIGHT_PAIN, age=age, cancer_history=cancer_history)
    about = CONTENT.about("malignancy", case, "en")
    assert ("primary bone tumour" in about) is primary
    assert ("spread" in about) is not primary
    items = {i.id: i for i in CONTENT.guidance.items}
    young, older = (items[name].when for name in ("care_malignancy_young", "care_malignancy"))
    assert young is not None and older is not None
    assert young.compile()(case) is primary and older.compile()(case) is not primary
