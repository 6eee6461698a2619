"""What the known limits of round 13 and user test round 14 asked for, each as the general
rule that fixes it, both ways."""

from __future__ import annotations

import pytest

from tests.flows.test_readings_from_round_13 import held
from tests.support.conversation import talk

# --- who the facts are about -------------------------------------------------------------

@pytest.mark.parametrize(("language", "typed", "expected"), [
    ("en", "im 45, my wife is pregnant and my right hip has ached for 3 weeks", {"sex": None, "pregnancy": None}),
    ("en", "im 45, im pregnant and my right hip has ached for 3 weeks", {"sex": "female"}),
    ("pt", "tenho 45 anos, a minha mulher está grávida e a minha anca direita dói", {"sex": None, "pregnancy": None}),
])
def test_a_relatives_state_said_by_a_writer_of_their_own_hip_is_not_the_writers(
        language: str, typed: str, expected: dict[str, object]) -> None:
    # The first question read the whole message: "my wife is pregnant" made the writer female.
    kept = held(talk(typed, language=language))
    assert {name: kept.get(name) for name in expected} == expected


@pytest.mark.parametrize(("language", "typed", "expected"), [
    ("pt", "Sou enfermeira e estou grávida de 20 semanas, mas escrevo pelo meu pai de 70 anos que tem dor no quadril",
     {"sex": "male", "age": 70, "pregnancy": None}),
    ("en", "I'm 30 weeks pregnant myself but asking for my mum, she's 61 and her left hip hurts",
     {"sex": "female", "age": 61, "pregnancy": None}),
    ("en", "asking for my wife, she's 30 and 20 weeks pregnant",
     {"sex": "female", "age": 30, "pregnancy": "trimester_2"}),
])
def test_a_writer_who_says_they_write_for_someone_else_after_their_own_state_is_asked_about_them(
        language: str, typed: str, expected: dict[str, object]) -> None:
    # "estou grávida ... mas escrevo pelo meu pai" was taken as the writer's own hip, pregnant.
    conv = talk(typed, language=language)
    assert conv.session is not None and conv.session.for_someone_else
    kept = held(conv)
    assert {name: kept.get(name) for name in expected} == expected
