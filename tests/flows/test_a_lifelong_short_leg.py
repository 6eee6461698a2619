"""A leg that has always been shorter is a difference in leg length, not the new sign of a break.

A leg that looks shorter and turned out is the sign of a displaced hip fracture (NICE CG124,
LeBlanc 2014) and sends the person to an emergency department. Said of a whole life ("one
leg has always been shorter", "tenho uma perna mais curta desde que nasci") it is no new sign
(session 29: it raised the fracture emergency); said with a fall or as new, it still warns.
"""

from __future__ import annotations

import pytest

from tests.support.conversation import talk


@pytest.mark.parametrize(("said", "language"), [
    ("my right hip hurts, one leg has always been shorter", "en"),
    ("hip pain for 3 weeks. I've had one leg shorter since birth", "en"),
    ("my left leg has been shorter for years, now the hip hurts", "en"),
    ("dói-me a anca direita, sempre tive uma perna mais curta", "pt"),
    ("tenho uma perna mais curta desde que nasci e agora dói o quadril", "pt-BR"),
    ("minha perna é mais curta desde criança, dói o quadril", "pt-BR"),
])
def test_a_leg_short_all_along_is_no_sign_of_a_break(said: str, language: str) -> None:
    conversation = talk(said, language=language)
    assert conversation.session.case.leg_shortened_or_turned is None


@pytest.mark.parametrize(("said", "language"), [
    ("my hip hurts and my leg now looks shorter", "en"),
    ("she fell yesterday and her right leg looks a bit short", "en"),
    ("my hip always hurts at night and since the fall her leg looks shorter", "en"),
    ("caiu ontem e a perna ficou mais curta e virada para fora", "pt"),
    ("a perna dela ficou mais curta depois da queda", "pt-BR"),
])
def test_a_leg_newly_short_still_warns(said: str, language: str) -> None:
    conversation = talk(said, language=language)
    assert conversation.session.case.leg_shortened_or_turned is True
