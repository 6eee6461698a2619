"""Session 24 (b), blind user tests 23a-d: a clinician's "35/40. 2/52" is a week of pregnancy
and a duration, not a temperature of 40.2; a temperature in Fahrenheit is kept in °C; a
temperature under 38 said with shivers in the first message is warned of at once; "unable to
SLR" is a leg that cannot be lifted."""

from __future__ import annotations

from flows.messages import Reply
from tests.support.conversation import talk


def codes(replies: list[Reply]) -> list[str]:
    return [reply.code or "" for reply in replies]


# --- 3. a clinician's SLR ---------------------------------------------------------------------------


def test_unable_to_slr_is_a_leg_that_cannot_be_lifted_and_denies_no_weight_loss() -> None:
    conv = talk("70M L hip pain, unable to SLR, can't weight bear")
    assert conv.session is not None and conv.session.case.cannot_move_hip is True
    assert conv.session.case.unable_to_bear_weight is True
    assert conv.session.case.weight_loss is None


# --- 4. "35/40. 2/52" across a sentence break --------------------------------------------------------


def test_a_week_of_pregnancy_then_a_full_stop_is_no_temperature() -> None:
    conv = talk("31F, 35/40. 2/52 L hip pain, no trauma.")
    assert conv.session is not None
    assert conv.session.case.fever is None and conv.session.case.temperature_c is None
    assert conv.session.case.pregnancy == "trimester_3"
    assert "fever" not in conv.session.announced


# --- 5. Fahrenheit kept in °C ------------------------------------------------------------------------


def test_a_temperature_in_fahrenheit_is_kept_and_said_in_celsius() -> None:
    conv = talk("hip pain, temp 101F")
    assert conv.session is not None and conv.session.case.fever is True
    assert conv.session.case.temperature_c == 38.3
    assert any("38.3 °C" in reply.text for _, replies in conv.transcript for reply in replies)


# --- 6. a temperature and shivers in the first message -----------------------------------------------


def test_shivers_with_a_temperature_under_38_in_the_first_message_are_warned_of_at_once() -> None:
    conv = talk("38 weeks pregnant, right hip pain, temp was 37.9 and im shivery")
    assert conv.session is not None and conv.session.case.fever is True
    assert conv.session.case.temperature_c == 37.9
    assert "fever" in conv.session.announced


# --- 1. marker values said in passing -----------------------------------------------------------------


def test_two_marker_values_said_in_passing_are_kept_by_the_higher() -> None:
    conv = talk("estou grávida de 28 semanas e tenho uma dor na anca direita", "31",
                "fiz análises no centro de saúde, PCR 45 mg/L e VS 60", language="pt")
    assert conv.session is not None
    assert conv.session.noted.get("inflammatory_markers") == [3]  # very raised: the ESR of 60 decides
