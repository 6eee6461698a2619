"""Session 29 (c29): a leg said to look short ("her right leg looks a bit short", "a perna
parece um pouco curta") is the sign of a broken hip, heard wherever it is said, and keeps the
break not ruled out; "short" said of something else beside it ("a short walk on that leg",
"short of breath", "uma caminhada curta") is no such sign."""

from __future__ import annotations

import pytest

import flows.answers as answers_module
from flows.answers import _plain_words
from flows.assessment import Assessment, assess
from flows.case import Case
from flows.content import Content
from flows.dialogue import get_engine
from flows.guidance import select_guidance
from tests.support.conversation import talk

ENGINE = get_engine()


# 1. A leg that looks short, or turned out ---------------------------------------------------

@pytest.mark.parametrize("language, text", [
    ("en", "Her right leg looks a bit short"),               # session 29 brief
    ("en", "my leg looks shorter and turned out"),
    ("en", "she found her on the floor, one leg is short"),
    ("en", "the leg looks short after a short walk"),
    ("pt", "perna mais curta e virada para fora"),
    ("pt", "a perna direita parece um pouco curta"),
    ("pt", "a perna dela ficou curta"),
    ("pt-BR", "a perna direita dela parece mais curta"),
])
def test_a_leg_said_to_look_short_is_the_sign(language: str, text: str) -> None:
    parsed = ENGINE.reader(language).read("fracture_signs", text)
    assert parsed.ok and parsed.value == ["leg_shortened_or_turned"]


@pytest.mark.parametrize("language, text", [
    ("en", "my legs are short"),
    ("en", "short walk"),
    ("en", "I can only manage a short walk on that leg"),
    ("en", "short of breath with a swollen leg"),
    ("pt", "tenho as pernas curtas"),
    ("pt", "dói a perna numa caminhada curta"),
    ("pt-BR", "a perna dói até numa caminhada mais curta"),
])
def test_short_said_of_something_else_is_no_sign(language: str, text: str) -> None:
    reader = ENGINE.reader(language)
    assert not reader.read("fracture_signs", text).ok
    assert reader.mentions("fracture_signs", text) == []


@pytest.mark.parametrize("language, opening, text", [
    ("en", "asking for my mum, she's 81", "Her right leg looks a bit short"),
    ("pt", "é para a minha mãe, tem 81 anos", "a perna direita dela parece um pouco curta"),
    ("pt-BR", "é para minha mãe, ela tem 81 anos", "a perna direita dela parece mais curta"),
])
def test_a_short_leg_said_in_passing_warns_at_once(language: str, opening: str, text: str) -> None:
    conv = talk(opening, language=language)
    assert conv.state == "side"
    replies = conv.say(text)
    assert conv.session.case.leg_shortened_or_turned is True
    assert conv.session.case.side == "right"
    assert "leg_shortened_or_turned" in [r.code for r in replies if r.kind == "warning"]


def test_a_short_walk_said_in_passing_raises_nothing() -> None:
    conv = talk("male", "45", language="en")
    conv.say("left, it hurts after a short walk")
    assert conv.session.case.leg_shortened_or_turned is not True


def _rules_open(assessment: Assessment) -> set[str]:
    return {rule for kept in assessment.not_ruled_out for rule in kept.rule_ids}


def test_a_short_leg_keeps_the_break_not_ruled_out_at_emergency() -> None:
    case = Case(sex="male", age=45, side="left", leg_shortened_or_turned=True)
    assessment = assess(case, ENGINE.content)
    assert "fracture_leg_shortened_or_turned" in _rules_open(assessment)
    assert assessment.triage == "emergency"


def test_a_clear_mri_closes_the_break_left_open_by_a_short_leg_but_not_the_warning() -> None:
    case = Case(sex="male", age=45, side="left", leg_shortened_or_turned=True, mri=["normal"])
    assessment = assess(case, ENGINE.content)
    assert "fracture_leg_shortened_or_turned" not in _rules_open(assessment)
    assert assessment.triage == "emergency"  # the red flag still holds


# 3. The body-temperature ranges are the fever question's --------------------------------

def body_temperatures(content: Content) -> dict[str, tuple[float, float]]:
    """The span of the fever question's `measures` in each scale: the lowest `from` to the
    highest `below` of its options."""
    ranges: dict[str, tuple[float, float]] = {}
    for option in content.options["fever"]:
        for scale, numbers in option.measures.items():
            low, high = ranges.get(scale, (numbers.from_, numbers.below))
            ranges[scale] = (min(low, numbers.from_), max(high, numbers.below))
    return ranges


def test_the_body_temperature_ranges_are_the_fever_questions() -> None:
    """The reader cannot fetch content where it reads a unit (`_plain_words`), so it repeats
    the ranges once: they must stay what the fever question's answers measure."""
    assert body_temperatures(ENGINE.content) == answers_module._BODY_TEMPERATURES
    assert set(answers_module._BODY_TEMPERATURES) == {"celsius", "fahrenheit"}


@pytest.mark.parametrize(("typed", "plain"), [
    ("39°C", "39 celsius"), ("101F", "101 fahrenheit"), ("44.9°", "44.9 celsius"), ("112.9f", "112.9 fahrenheit"),
    ("45°C", "45°c"), ("33°", "33°"), ("95F", "95f"),   # out of the body's range, or a note's age and sex
])
def test_temperature_units_read_as_before(typed: str, plain: str) -> None:
    assert _plain_words(typed) == plain


# 4. Pelvic girdle pain with walking that hurts: crutches for a while, in pregnancy and after --

_WALKING_AIDS = {"protect_pelvic_girdle_pain_walking_aids", "protect_pelvic_girdle_pain_walking_aids_after_birth"}


def _guidance(**answers: object) -> set[str]:
    case = Case(sex="female", age=31, side="left", pelvic_girdle_pattern=True, fever=False, onset="gradual",
                duration_weeks=4, mri=["normal"], **answers)  # type: ignore[arg-type]
    assessment = assess(case, ENGINE.content)
    assert assessment.top.condition == "pelvic_girdle_pain"
    return {item.id for _, items in select_guidance(case, assessment, ENGINE.content) for item in items}


@pytest.mark.parametrize("pregnancy, item", [
    ("postpartum", "protect_pelvic_girdle_pain_walking_aids_after_birth"),   # session 29 brief
    ("trimester_3", "protect_pelvic_girdle_pain_walking_aids"),
])
def test_pelvic_girdle_pain_with_walking_that_hurts_is_told_of_crutches(pregnancy: str, item: str) -> None:
    shown = _guidance(pregnancy=pregnancy, weight_bearing_pain=True, unable_to_bear_weight=False)
    assert item in shown
    assert len(_WALKING_AIDS & shown) == 1


@pytest.mark.parametrize("pregnancy", ["postpartum", "trimester_3"])
def test_pelvic_girdle_pain_with_easy_walking_is_not_told_of_crutches(pregnancy: str) -> None:
    shown = _guidance(pregnancy=pregnancy, weight_bearing_pain=False, unable_to_bear_weight=False)
    assert not _WALKING_AIDS & shown


def test_the_crutches_for_pelvic_girdle_pain_are_said_in_each_language() -> None:
    item = next(i for i, _, _ in ENGINE.content.guidance_items
                if i.id == "protect_pelvic_girdle_pain_walking_aids_after_birth")
    assert "crutches" in ENGINE.content.text(item.text, "en")
    assert "canadianas" in ENGINE.content.text(item.text, "pt") and "bebé" in ENGINE.content.text(item.text, "pt")
    brazilian = ENGINE.content.text(item.text, "pt-BR")
    assert "muletas" in brazilian and "bebê" in brazilian and "canadianas" not in brazilian



# 2. A lab result said again with its test's name corrects the earlier answer ---------------

AT_THE_WHITE_CELLS = {
    "en": ("male, 45, left hip pain for 3 weeks", "blood tests", "crp 8 mg/l"),
    "pt": ("homem, 45 anos, dor na anca esquerda há 3 semanas", "análises", "pcr 8 mg/l"),
    "pt-BR": ("homem, 45 anos, dor no quadril esquerdo faz 3 semanas", "exames de sangue", "pcr 8 mg/l"),
}


@pytest.mark.parametrize("language, text, value", [
    ("en", "actually crp was 45 mg/l", "mildly_raised"),          # session 29 brief
    ("en", "sorry my crp came back at 120", "markedly_raised"),
    ("en", "CRP 45 mg/L", "mildly_raised"),                        # a later result, no "actually"
    ("pt", "afinal a pcr era 45 mg/l", "mildly_raised"),
    ("pt", "a pcr deu 120", "markedly_raised"),
    ("pt-BR", "na verdade o pcr deu 45 mg/l", "mildly_raised"),
])
def test_a_result_said_again_by_name_corrects_the_earlier_one(language: str, text: str, value: str) -> None:
    conv = talk(*AT_THE_WHITE_CELLS[language], language=language)
    assert conv.state == "white_cell_count" and conv.session.case.inflammatory_markers == "normal"
    replies = conv.say(text)
    assert conv.session.case.inflammatory_markers == value   # the most recent kept...
    said_back = [r for r in replies if r.kind == "answered" and r.code == "inflammatory_markers"]
    assert len(said_back) == 1                                   # ...and said back
    assert conv.state == "white_cell_count"                      # the question asked stays asked
    if value == "markedly_raised":                               # a warning it raises comes at once
        assert "markedly_raised_markers" in [r.code for r in replies if r.kind == "warning"]


def test_a_correction_said_with_the_next_answer_keeps_both() -> None:
    conv = talk(*AT_THE_WHITE_CELLS["en"], language="en")
    conv.say("crp 45 mg/l, wcc 14")
    assert conv.session.case.inflammatory_markers == "mildly_raised"
    assert conv.session.case.white_cell_count == "raised"
    assert conv.state != "white_cell_count"


@pytest.mark.parametrize("language, text", [
    ("en", "actually it was 45"),        # a number without the test's name
    ("en", "actually 45"),
    ("pt", "afinal era 45"),
    ("pt-BR", "na verdade deu 45"),
])
def test_a_number_without_the_tests_name_corrects_no_result(language: str, text: str) -> None:
    conv = talk(*AT_THE_WHITE_CELLS[language], "normal", language=language)
    assert conv.state == "onset"
    conv.say(text)
    assert conv.session.case.inflammatory_markers == "normal"


def test_a_result_whose_unit_decides_says_how_to_change_it() -> None:
    conv = talk(*AT_THE_WHITE_CELLS["en"], language="en")
    replies = conv.say("actually crp was 45")   # 45 mg/L or 45 mg/dL: not guessed
    assert conv.session.case.inflammatory_markers == "normal"
    assert "correction_how" in [r.code for r in replies]


def test_the_same_answer_said_again_by_name_changes_nothing() -> None:
    conv = talk(*AT_THE_WHITE_CELLS["en"], language="en")
    conv.say("crp 9 mg/l")
    assert conv.session.case.inflammatory_markers == "normal" and conv.state == "white_cell_count"


@pytest.mark.parametrize("language, text, named", [
    ("en", "actually crp was 45 mg/l", {"mildly_raised"}),
    ("en", "crp 45", {"mildly_raised", "markedly_raised"}),
    ("en", "actually it was 45", set()),
    ("en", "the crp was raised", set()),
    ("pt", "a pcr era 45 mg/l", {"mildly_raised"}),
])
def test_a_result_is_named_by_its_test_and_a_number(language: str, text: str, named: set[str]) -> None:
    assert ENGINE.reader(language).measured_by_name("inflammatory_markers", text) == named


def test_a_fever_reading_later_is_no_correction() -> None:
    # the gravest reading decides a fever: a lower one later is a reading, not a correction
    assert ENGINE.reader("en").measured_by_name("fever", "temp 37.6 now") == set()
