"""Digits `str.isdigit()` accepts but `int()` refuses, and forged numbers, never raise (issue 14, item 2).

"፩" (Ethiopic), "᧚" (New Tai Lue) and "𐩀" (Kharoshthi) are digits to isdigit() but not
decimal digits, so int() raised ValueError at every choice question and in /change.
One rule now reads numbers (flows/numerals.py): decimal digits of any script, at most
MAX_DIGITS of them. Decimal digits of other scripts ("٣", Arabic-Indic three) are read.
"""

from __future__ import annotations

import pytest

from flows.dialogue import get_engine, step
from flows.messages import UserInput
from flows.numerals import MAX_DIGITS, whole_number
from tests.flows.test_dialogue import frozen, full_conversation, reach
from tests.support.conversation import kinds

ENGINE = get_engine()

NOT_DECIMAL = ["፩", "᧚", "𐩀", "1፩", "፩0", "2᧚"]
QUESTIONS = ["sex", "pregnancy", "age", "duration_weeks", "xray", "mri", "fever"]  # choice, ranged, number, multi


MIXED = {"1፩", "2᧚", "2,፩"}  # decimal digits beside one that is not


@pytest.mark.parametrize("question", QUESTIONS)
@pytest.mark.parametrize("typed", [*NOT_DECIMAL, "2,፩", "፩ weeks", "9" * (MAX_DIGITS + 1), "9" * 5000])
def test_digits_int_refuses_are_an_error_at_every_question_type(question: str, typed: str) -> None:
    conv = reach(question)
    before = frozen(conv.session)
    replies = conv.say(typed)
    if typed in MIXED and kinds(replies)[0] != "error":
        # Where a number is read in context (an age, a duration, a week of pregnancy), the
        # answer reader (flows/quantities.py) takes the decimal digits as a quantity and
        # passes over the other one as it passes over any stray symbol. Never an exception.
        assert conv.session is not None
        first = int(typed[0])
        if question == "age":  # an age of 1 or 2: the children's advice, nothing recorded
            assert kinds(replies) == ["end"] and conv.state == "out_of_scope" and conv.session.case.age is None
        elif question == "duration_weeks":
            assert kinds(replies)[0] == "answered" and conv.session.case.duration_weeks == first
        else:
            assert question == "pregnancy" and kinds(replies)[0] == "answered"
            assert conv.session.case.pregnancy == "trimester_1"  # week 1 or 2
        return
    assert kinds(replies) == ["error", "question"], [r.text for r in replies]
    assert replies[-1].question_id == question and frozen(conv.session) == before


@pytest.mark.parametrize(("question", "typed", "field", "value"), [
    ("sex", "٢", "sex", "male"),  # Arabic-Indic two: the second option
    ("sex", "２", "sex", "male"),  # full-width two (NFKC makes it ASCII)
    ("age", "٣٤", "age", 34),
    ("duration_weeks", "٦ weeks", "duration_weeks", 6.0),
])
def test_decimal_digits_of_any_script_are_read(question: str, typed: str, field: str, value: object) -> None:
    conv = reach(question)
    conv.say(typed)
    assert conv.session is not None and getattr(conv.session.case, field) == value


@pytest.mark.parametrize("typed", [*NOT_DECIMAL, "²", "9" * 5000])
def test_the_change_menu_refuses_them_too(typed: str) -> None:
    conv = full_conversation()
    conv.say("/change")
    before = frozen(conv.session)
    replies = conv.say(typed)
    if typed == "²":  # NFKC: a superscript two is a two
        assert conv.state != "summary"
        return
    assert kinds(replies) == ["error", "question"], [r.text for r in replies]
    assert frozen(conv.session) == before


@pytest.mark.parametrize("question", ["sex", "xray"])
@pytest.mark.parametrize("payload", ["a:²", "t:²", "a:፩", "t:𐩀", "a:" + "9" * 5000, "t:" + "1" * 5000, "a:" + "0" * 30])
def test_forged_button_numbers_change_nothing(question: str, payload: str) -> None:
    conv = reach(question)
    assert conv.session is not None
    before = frozen(conv.session)
    replies = conv.send(UserInput.button(conv.session.step, payload))
    assert replies[-1].question_id == question and frozen(conv.session) == before


@pytest.mark.parametrize("payload", ["c:²", "c:፩", "c:" + "9" * 5000])
def test_forged_change_menu_buttons_change_nothing(payload: str) -> None:
    conv = full_conversation()
    conv.say("/change")
    assert conv.session is not None
    before = frozen(conv.session)
    conv.send(UserInput.button(conv.session.step, payload))
    assert frozen(conv.session) == before


def test_a_step_of_thousands_of_digits_is_just_stale() -> None:
    conv = reach("sex")
    before = frozen(conv.session)
    _, replies = step(conv.session, UserInput.button(10**5000, "a:0"), ENGINE)  # int() of 5,000 digits raises
    assert replies[-1].question_id == "sex" and frozen(conv.session) == before


@pytest.mark.parametrize(("text", "number"), [
    ("0", 0), ("42", 42), ("٤٢", 42), ("०७", 7), ("", None), ("²", None), ("፩", None), ("-1", None),
    ("1.5", None), (" 1", None), ("9" * MAX_DIGITS, int("9" * MAX_DIGITS)), ("9" * (MAX_DIGITS + 1), None),
])
def test_the_one_rule(text: str, number: int | None) -> None:
    assert whole_number(text) == number
