"""Session 23 (c), blind user tests en and pt-BR 23: facts said in passing are kept, not asked
again. Not standing after a fall ("n consegue ficar em pe") is cannot bear weight at once, at
the stronger warning; a fall "faz 2 dias" gives how long; a pain that "não me deixa dormir" or
is "worse at nite" is night pain; "suddenly" in a clause of its own after the pain's is how it
began; "since this morning" after "cant put any weight on my leg" is how long."""

from __future__ import annotations

import pytest

from flows.dialogue import get_engine
from tests.support.conversation import talk

ENGINE = get_engine()
CONTENT = ENGINE.content


def option_index(question_id: str, value: str) -> int:
    return next(i for i, option in enumerate(CONTENT.options[question_id]) if option.value == value)


def item_index(question_id: str, field: str) -> int:
    return next(i for i, option in enumerate(CONTENT.options[question_id]) if field in (option.sets or {}))


# --- 1. pt-BR: a fall, not standing, two days: all kept from the first message -----------------

FELL_NOT_STANDING = "minha mae de 80 anos caiu no banheiro faz 2 dias, ta com dor no quadril e n consegue ficar em pe"


def test_not_standing_after_a_fall_warns_at_once_at_the_stronger_level() -> None:
    # user test pt-BR 23b: only the fall's warning ("mesmo que ainda consiga andar"); the
    # walking question was asked again, and the emergency warning waited for it
    conv = talk(FELL_NOT_STANDING, language="pt-BR")
    assert conv.session is not None
    assert conv.session.case.unable_to_bear_weight is True
    assert any(flag.level == "emergency" for flag, _ in CONTENT.red_flags if flag.id in conv.session.announced)
    assert conv.session.case.trauma is True  # the fall is still kept


@pytest.mark.parametrize(("language", "said"), [
    ("pt-BR", "ta com dor no quadril e n consegue ficar em pe"),
    ("pt-BR", "ela não consegue ficar em pé"),
    ("pt", "não consigo estar em pé"),
])
def test_not_standing_is_cannot_bear_weight_in_passing(language: str, said: str) -> None:
    assert ENGINE.readers[language].mentions("walking", said) == [option_index("walking", "cannot")]


def test_the_time_since_a_fall_is_how_long_the_pain_has_been() -> None:
    reader = ENGINE.readers["pt-BR"]
    assert reader.heard_number("duration_weeks", FELL_NOT_STANDING) == "2 dias"
    assert ENGINE.readers["en"].heard_number("duration_weeks", "she fell 2 days ago and her hip hurts") == "2 days"


# --- 2. night pain said in passing ------------------------------------------------------------


@pytest.mark.parametrize(("language", "said"), [
    ("pt-BR", "to com uma dor no quadril esquerdo q n me deixa dormir"),
    ("pt", "uma dor que não me deixa dormir"),
    ("en", "my hip is worse at nite"),
    ("en", "hip pain that wont let me sleep"),
])
def test_night_pain_said_in_passing_is_heard(language: str, said: str) -> None:
    # user tests pt-BR 23b and en 23d: the red-flag list came with night pain unticked
    assert ENGINE.readers[language].mentions("warning_signs", said) == [item_index("warning_signs", "night_pain")]


def test_night_pain_in_the_first_message_is_recorded() -> None:
    conv = talk("boa noite, tenho 67 anos e to com uma dor no quadril esquerdo q n me deixa dormir", "feminino",
                language="pt-BR")
    assert conv.session is not None and conv.session.case.night_pain is True


def test_lying_on_that_side_at_night_is_still_no_night_pain() -> None:
    # pressure on the outside of the hip, not pain at rest (content: night_pain not_with)
    assert ENGINE.readers["en"].mentions("warning_signs", "she cant sleep on that side at night") == []


# --- 3. how it began, in a clause of its own; how long, since this morning --------------------


@pytest.mark.parametrize(("language", "said"), [
    ("en", "24 weeks pregnant w twins, left hip pain since the 14th, suddenly, on crutches now"),
    ("en", "left hip pain since the 14th, suddenly"),
    ("pt", "dor na anca esquerda há 3 semanas, de repente"),
])
def test_suddenly_after_the_pains_clause_is_how_it_began(language: str, said: str) -> None:
    # user test en 23a: "suddenly" was dropped, and "How it started" was never asked
    assert ENGINE.readers[language].mentions("onset", said) == [option_index("onset", "sudden")]


def test_suddenly_of_something_else_is_no_onset() -> None:
    assert ENGINE.readers["en"].mentions("onset", "i had my baby suddenly, hip hurts") == []
    assert ENGINE.readers["en"].mentions("onset", "aches for months, got worse suddenly") == []


def test_since_this_morning_after_not_bearing_weight_is_how_long() -> None:
    # user test en 23a: asked "How long" and "How did the pain start?" again
    said = "cant put any weight on my right leg since this morning"
    assert ENGINE.readers["en"].heard_number("duration_weeks", said) is not None
    conv = talk(said)
    assert conv.session is not None and conv.session.case.unable_to_bear_weight is True
