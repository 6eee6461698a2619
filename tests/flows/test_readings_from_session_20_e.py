"""Session 20 (user test en 20b): a "no" that denies another question's answer is no "None
of these" at a warning checklist; a question opening a message asks, with or without its
question mark. Each rule both ways."""

from __future__ import annotations

import pytest

from flows.dialogue import get_engine

ENGINE = get_engine()


# --- a "no" to something else is not this checklist's "None of these" -------------------------


@pytest.mark.parametrize(("language", "text"), [
    ("en", "no scans, midwife said its SPD"),
    ("en", "no scans yet"),
    ("en", "no xray yet"),
    ("pt", "sem exames"),
    ("pt", "n fiz exames"),
    ("pt-BR", "não fiz exames ainda"),
])
def test_a_no_to_another_question_does_not_tick_none_of_the_warning_signs(language: str, text: str) -> None:
    parsed = ENGINE.reader(language).read("pregnancy_warning_signs", text)
    assert not parsed.ok


@pytest.mark.parametrize(("language", "text"), [
    ("en", "no"),
    ("en", "no none of those"),
    ("en", "nope none"),
    ("en", "no nothing like that"),
    ("en", "no im fine"),
    ("pt", "não, nada disso"),
    ("pt", "não"),
    ("pt-BR", "nao nenhuma"),
])
def test_a_plain_no_still_ticks_none_of_the_warning_signs(language: str, text: str) -> None:
    parsed = ENGINE.reader(language).read("pregnancy_warning_signs", text)
    assert parsed.ok and parsed.value == "none"


def test_a_sign_denied_beside_a_no_to_something_else_leaves_the_other_signs_asked() -> None:
    parsed = ENGINE.reader("en").read("pregnancy_warning_signs", "no bleeding but no scans either")
    assert not parsed.ok and parsed.error == "others_unanswered"
