"""Session 23: the known limits left by session 22 (its closing note), fixed in general: the
level of care names the place to be seen for the person (late in pregnancy: the maternity
unit, not "urgent GP or urgent care")..."""

from __future__ import annotations

from flows.assessment import assess
from flows.case import Case
from flows.change_effect import change_effect
from flows.dialogue import get_engine
from flows.summary import build_summary, level_words
from tests.support.conversation import talk

ENGINE = get_engine()
CONTENT = ENGINE.content
LANGUAGES = ("en", "pt", "pt-BR")

# hip pain for two weeks, nothing else known: the urgent level both late in pregnancy and
# after birth (a fragility fracture is not ruled out)
LATE_PREGNANCY = Case(sex="female", age=31, pregnancy="trimester_3", side="left", duration_weeks=2)
AFTER_BIRTH = Case(sex="female", age=31, pregnancy="postpartum", side="left", duration_weeks=2)


def test_the_urgent_level_late_in_pregnancy_names_the_maternity_unit_in_its_headline() -> None:
    usual = CONTENT.triage.levels["urgent"]
    late = assess(LATE_PREGNANCY, CONTENT)
    after = assess(AFTER_BIRTH, CONTENT)
    assert late.triage == after.triage == "urgent"
    for language in LANGUAGES:
        first = [line.text for line in build_summary(LATE_PREGNANCY, late, CONTENT, language).first]
        assert first[0] != CONTENT.text(usual.label, language)
        assert "maternidade" in first[0] + first[1] if language != "en" else "maternity unit" in first[0] + first[1]
        # ...and not after the birth, where the urgent GP or urgent care is the place
        after_first = [line.text for line in build_summary(AFTER_BIRTH, after, CONTENT, language).first]
        assert after_first[:2] == [CONTENT.text(usual.label, language), CONTENT.text(usual.now, language)]


def test_late_in_pregnancy_the_detail_does_not_send_her_to_the_gp_as_well() -> None:
    def detail(case: Case) -> str:
        summary = build_summary(case, assess(case, CONTENT), CONTENT, "en")
        return "\n".join(line.text for line in summary.section("what_to_do").lines)

    late = detail(LATE_PREGNANCY)
    assert "maternity unit" in late and "urgent GP" not in late
    assert "urgent GP" in detail(AFTER_BIRTH)


def test_the_clinician_report_and_a_changed_answer_say_the_level_for_her() -> None:
    words = level_words(CONTENT, assess(LATE_PREGNANCY, CONTENT), LATE_PREGNANCY)
    assert words.label != CONTENT.triage.levels["urgent"].label
    # a change that raises the level says the level's words for her
    routine = assess(LATE_PREGNANCY.model_copy(update={"pregnancy": "trimester_2"}), CONTENT)
    assert routine.triage == "consultation"
    sentence = change_effect(routine, assess(LATE_PREGNANCY, CONTENT), LATE_PREGNANCY, CONTENT)
    assert CONTENT.text(words.label, "en") in sentence, sentence


def test_the_conversation_gives_the_maternity_unit_late_in_pregnancy() -> None:
    conv = talk("i'm 34 weeks pregnant, left hip pain for 2 weeks, no fall", "31", "none", "none", "1",
                "don't know", "can walk but it hurts", "no", "no", "no", "no", "no")
    shown = "\n".join(reply.text for _, replies in conv.transcript for reply in replies)
    late = CONTENT.triage.levels["urgent"].for_person[0]
    assert CONTENT.text(late.label, "en") in shown and CONTENT.text(late.now, "en") in shown
    assert CONTENT.text(CONTENT.triage.levels["urgent"].now, "en") not in shown


def at_walking(language: str, answer: str) -> tuple[str, object]:
    """The reply's first code and the walking answer recorded after `answer` at the walking question."""
    opening = {"en": ["1", "45", "left hip pain for 3 weeks, no fall", "1", "sudden"],
               "pt": ["1", "45", "dor na anca esquerda há 3 semanas, não caí", "1", "de repente"]}[language]
    conv = talk(*opening, language=language)
    for _ in range(8):  # the questions before it differ with what was said
        if conv.state == "walking":
            break
        conv.say("none" if language == "en" else "nenhuma")
    assert conv.state == "walking"
    replies = conv.say(answer)
    assert conv.session is not None
    return replies[0].code, conv.session.case.weight_bearing_pain


def test_can_walk_alone_asks_whether_walking_hurts_more() -> None:
    # "I can walk", "FWB", "consigo andar": the leg takes weight; whether it hurts more to
    # walk is not said, so it is asked, not recorded as "no worse than resting"
    for language, answer in [("en", "i can walk"), ("en", "FWB"), ("pt", "consigo andar")]:
        assert at_walking(language, answer) == ("clarify", None), answer
    # ...and said with how it feels, it is the answer
    assert at_walking("en", "can walk without pain") == ("walking", False)
    assert at_walking("en", "can walk but it hurts") == ("walking", True)
    assert at_walking("pt", "consigo andar sem dor") == ("walking", False)
    assert at_walking("pt", "não consigo andar")[1] is True


def test_unable_to_bear_weight_in_mid_pregnancy_is_the_same_day() -> None:
    # at 24 weeks (twins), unable to put weight on the leg: the bot's own "get help sooner"
    # says the maternity unit straight away; the level agrees (user test en 23)
    mid = Case(sex="female", age=29, pregnancy="trimester_2", side="left", unable_to_bear_weight=True)
    assessment = assess(mid, CONTENT)
    assert assessment.triage == "emergency"
    assert "cannot_bear_weight_mid_pregnancy" in [flag.id for flag in assessment.red_flags]
    # ...not in the first trimester, where a fragility fracture of pregnancy is not the worry
    early = assess(mid.model_copy(update={"pregnancy": "trimester_1"}), CONTENT)
    assert early.triage == "urgent"


def test_a_warning_signs_own_place_is_the_level_s_one_line() -> None:
    # spotting at 9 weeks: the early pregnancy unit, not "go to an emergency department"
    early = Case(sex="female", age=34, pregnancy="trimester_1", side="left", early_pregnancy_bleeding=True)
    assessment = assess(early, CONTENT)
    flag = next(f for f in assessment.red_flags if f.id == "early_pregnancy_warning_signs")
    assert flag.now is not None and not flag.at_once
    for language in LANGUAGES:
        first = [line.text for line in build_summary(early, assessment, CONTENT, language).first]
        assert first[1] == CONTENT.text(flag.now, language)
        assert first[1] != CONTENT.text(CONTENT.triage.levels["emergency"].now, language)


def test_the_emergency_and_routine_levels_name_the_maternity_team_in_pregnancy() -> None:
    fever = Case(sex="female", age=30, pregnancy="trimester_3", side="right", fever=True)
    usual = CONTENT.triage.levels["emergency"]
    words = level_words(CONTENT, assess(fever, CONTENT), fever)
    assert "maternity unit" in CONTENT.text(words.now, "en") and "maternidade" in CONTENT.text(words.now, "pt")
    after_birth = fever.model_copy(update={"pregnancy": "postpartum"})
    assert "gave birth" in CONTENT.text(level_words(CONTENT, assess(after_birth, CONTENT), after_birth).now, "en")
    not_pregnant = fever.model_copy(update={"pregnancy": "not_pregnant"})
    assert level_words(CONTENT, assess(not_pregnant, CONTENT), not_pregnant).now == usual.now
    # routine in pregnancy: the midwife or GP, not "a hip or joint specialist"
    routine = Case(sex="female", age=30, pregnancy="trimester_2", side="left", duration_weeks=3,
                   trauma=False, fever=False, mri=["bone_marrow_oedema"])
    assessment = assess(routine, CONTENT)
    assert assessment.triage == "consultation"
    assert "midwife" in CONTENT.text(level_words(CONTENT, assessment, routine).now, "en")
    men = Case(sex="male", age=30, side="left", duration_weeks=3, trauma=False, fever=False, mri=["bone_marrow_oedema"])
    men_assessment = assess(men, CONTENT)
    assert men_assessment.triage == "consultation"
    assert level_words(CONTENT, men_assessment, men).now == CONTENT.triage.levels["consultation"].now
