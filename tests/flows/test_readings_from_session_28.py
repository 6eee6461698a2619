"""Readings found while trying session 28's changes as a new user would."""

from __future__ import annotations

import pytest

from flows.dialogue import get_engine


@pytest.mark.parametrize(("language", "text", "value"), [
    ("pt-BR", "dói pra andar mas consigo andar", "worse"),  # the example
    ("pt", "dói para andar mas consigo andar", "worse"),  # another wording
    ("pt-BR", "dói pra caminhar", "worse"),
    ("pt-BR", "não dói pra andar", "fine"),  # near miss: denied
    ("pt", "dói ao andar mas consigo andar", "worse"),  # as before
])
def test_the_pain_of_walking_said_with_para(language: str, text: str, value: str) -> None:
    assert get_engine().reader(language).read("walking", text).value == value
