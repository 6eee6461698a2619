"""flows.answers and flows.quantities: readings that once went wrong in a way that matters.

Each test names the general rule, and tries it in both languages with phrasings other
than the corpus's (tests/phrasings), so a fix that special-cased one sentence fails here.
"""

from __future__ import annotations

import pytest

from flows.answers import get_reader
from flows.quantities import NumberWords, quantities

# --- a number tied to the word trimester names the trimester --------------------------


@pytest.mark.parametrize(("language", "typed", "expect"), [
    ("en", "I am in my 3rd trimester", "trimester_3"),
    ("en", "third trimester, feeling huge", "trimester_3"),
    ("en", "in my second tri", "trimester_2"),
    ("en", "trimester 2", "trimester_2"),
    ("en", "yes - 1st trimester", "trimester_1"),
    ("en", "yep, 3rd tri", "trimester_3"),
    ("pt", "estou no 3º trimestre", "trimester_3"),
    ("pt", "terceiro trimestre", "trimester_3"),
    ("pt", "no 2.º trimestre", "trimester_2"),
    ("pt", "sim, no 1.º trimestre", "trimester_1"),
    ("pt", "trimestre 2", "trimester_2"),
    ("pt", "3 trimestre", "trimester_3"),
])
def test_a_trimester_number_or_ordinal_is_that_trimester_not_a_week(language: str, typed: str, expect: str) -> None:
    parsed = get_reader(language).read("pregnancy", typed)
    assert parsed.ok and parsed.value == expect, parsed


@pytest.mark.parametrize(("language", "typed", "expect"), [
    ("en", "28 weeks", "trimester_3"),
    ("en", "34 weeks pregnant", "trimester_3"),
    ("en", "in my 20th week", "trimester_2"),
    ("en", "my 3rd pregnancy, 12 weeks", "trimester_1"),
    ("pt", "grávida de 34 semanas", "trimester_3"),
    ("pt", "estou na 20ª semana", "trimester_2"),
    ("pt", "3ª gravidez, 30 semanas", "trimester_3"),
])
def test_weeks_stay_weeks_and_an_ordinal_of_another_word_is_no_number(language: str, typed: str, expect: str) -> None:
    parsed = get_reader(language).read("pregnancy", typed)
    assert parsed.ok and parsed.value == expect, parsed


def test_an_ordinal_is_a_number_only_with_the_unit_after_it() -> None:
    words = NumberWords({}, {}, {}, {"third": 3}, ("rd", "o", ".o"))
    units = {"", "weeks", "trimester"}
    assert [(q.value, q.unit) for q in quantities("third trimester", words, units)] == [(3, "trimester")]
    assert [(q.value, q.unit) for q in quantities("my 3rd trimester", words, units)] == [(3, "trimester")]
    assert [(q.value, q.unit) for q in quantities("no 2.o trimester", words, units)] == [(2, "trimester")]
    assert [(q.value, q.unit) for q in quantities("3rd baby, 30 weeks", words, units)] == [(30, "weeks")]
    assert [(q.value, q.unit) for q in quantities("third baby", words, units)] == []
    # at the end, with nothing to count, it is read as the plain number it always was
    assert [(q.value, q.unit) for q in quantities("45o", words, units)] == [(45, "")]


def test_the_degree_sign_typed_as_the_ordinal_sign_is_still_degrees() -> None:
    reader = get_reader("pt")
    assert reader.read("fever", "tive 37º de febre").value is False
    assert reader.read("fever", "38,5º").value is True
    assert reader.read("age", "45a").value == 45
