"""Session 22 (f), blind user tests en and pt 22: a cortisone injection into another joint is
no systemic steroid; radiotherapy for a pelvic cancer is radiotherapy to the pelvis, said after
a comma too; "month or so" is a month; "i can walk" alone asks whether walking hurts more; and
"quero ver o que fazer" at the emergency offer is what to do now."""

from __future__ import annotations

import pytest

from flows.dialogue import get_engine
from tests.support.conversation import Conversation, talk

ENGINE = get_engine()
CONTENT = ENGINE.content

TO_THE_DURATION = {
    "en": ("male", "40", "right", "no", "gradually"),
    "pt": ("homem", "40", "direita", "não", "gradual"),
    "pt-BR": ("homem", "40", "direito", "não", "gradual"),
}
TO_THE_WALKING = {language: (*answers, "3 weeks" if language == "en" else "3 semanas")
                  for language, answers in TO_THE_DURATION.items()}


def case_of(conv: Conversation) -> dict[str, object]:
    assert conv.session is not None
    return conv.session.case.model_dump()


# --- 2. radiotherapy for a pelvic cancer is radiotherapy to the pelvis ------------------------


@pytest.mark.parametrize(("language", "said"), [
    ("en", "had prostate cancer, treated 3 years ago with radiotherapy"),
    ("en", "radiotherapy for bladder cancer in 2019"),
    ("pt", "tive cancro da próstata, tratado com radioterapia há 3 anos"),
    ("pt-BR", "tive câncer de próstata, fiz radioterapia"),
])
def test_radiotherapy_for_a_pelvic_cancer_is_to_the_pelvis(language: str, said: str) -> None:
    conv = talk("male" if language == "en" else "homem", "61", said, language=language)
    case = case_of(conv)
    assert case.get("other_avn_risk") is True
    assert case.get("cancer_history") is True


def test_radiotherapy_for_breast_cancer_is_not_to_the_pelvis() -> None:
    conv = talk("female", "61", "had breast cancer, treated 3 years ago with radiotherapy")
    case = case_of(conv)
    assert case.get("other_avn_risk") is not True
    assert case.get("cancer_history") is True


# --- 2. "month or so" at the duration question ------------------------------------------------


@pytest.mark.parametrize(("language", "said", "weeks"), [
    ("en", "month or so", 4.3),
    ("en", "week or so", 1.0),
    ("en", "a month or so", 4.3),
    ("pt", "mês ou assim", 4.3),
    ("pt", "ha 1 mes", 4.3),
])
def test_a_unit_with_or_so_is_one_of_it(language: str, said: str, weeks: float) -> None:
    conv = talk(*TO_THE_DURATION[language], said, language=language)
    assert case_of(conv).get("duration_weeks") == pytest.approx(weeks, abs=0.1)


# --- 3. the emergency offer: "quero ver o que fazer" -----------------------------------------


@pytest.mark.parametrize(("language", "answers", "wanted"), [
    ("pt-BR", ("oi to escrevendo pela minha avo, ela tem 84 anos",
               "ela caiu ontem em casa e nao consegue se levantar, doi muito o quadril esquerdo"),
     "quero ver o que fazer"),
    ("en", ("i fell yesterday and cannot get up, left hip hurts a lot",), "i want to see what to do"),
    ("en", ("i fell yesterday and cannot get up, left hip hurts a lot",), "show me what to do"),
])
def test_wanting_to_see_what_to_do_at_the_emergency_offer(language: str, answers: tuple[str, ...],
                                                           wanted: str) -> None:
    conv = talk(*answers, language=language)
    assert conv.session is not None and conv.session.mode == "danger_offer"
    replies = conv.say(wanted)
    assert conv.session is not None and conv.session.mode != "danger_offer"
    shown = " ".join(str(reply.text) for reply in replies)
    assert "192" in shown or "999" in shown or "112" in shown


# --- 1a. "vs" between two names is "versus", not the ESR -------------------------------------


@pytest.mark.parametrize("report", [
    "fiz RM: edema da medula ossea do colo do femur. Conclusao: OTA vs NAV",
    "Ja fiz RM, colo o relatorio: edema ósseo difuso. Conclusão: osteoporose transitória vs necrose avascular inicial",
])
def test_versus_in_a_pasted_report_is_no_blood_test(report: str) -> None:
    conv = talk("Mulher, 44 anos", "nao", "Dor na anca esquerda ha 6 semanas", report, language="pt")
    case = case_of(conv)
    assert case.get("mri") == ["bone_marrow_oedema"]
    assert case.get("inflammatory_markers") == "not_done"


def test_blood_tests_are_still_read_by_their_other_names() -> None:
    conv = talk("Mulher, 44 anos", "nao", "Dor na anca esquerda ha 6 semanas", "fiz pcr e vs", language="pt")
    assert conv.state == "inflammatory_markers"


# --- 1b. a number after "menopause at" is an age, no week of pregnancy ------------------------


@pytest.mark.parametrize(("language", "said"), [
    ("en", "no not pregnant, early menopause at 40, on HRT"),
    ("pt", "não, menopausa aos 40"),
])
def test_an_age_at_the_pregnancy_question_is_no_week(language: str, said: str) -> None:
    parsed = ENGINE.readers[language].read("pregnancy", said)
    assert parsed.ok and parsed.value == "not_pregnant"


@pytest.mark.parametrize("said", ["34", "at 34 weeks", "34 weeks pregnant"])
def test_a_week_of_pregnancy_is_still_read(said: str) -> None:
    parsed = ENGINE.readers["en"].read("pregnancy", said)
    assert parsed.ok and parsed.value == "trimester_3"
