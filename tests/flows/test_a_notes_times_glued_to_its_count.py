"""A note's "times" glued to its count ("R hip pain x2 wks") is read as typed with a space.

Session 30: "62 yo woman, R hip pain x2 wks" held no duration (asked again), and "x2/52"
was read as 52 weeks, where "x 2/52" was 2.
"""

from __future__ import annotations

import pytest

from flows.dialogue import get_engine
from tests.support.conversation import talk

READER = get_engine().reader("en")


@pytest.mark.parametrize(("said", "weeks"), [
    ("x2 wks", 2.0), ("x2/52", 2.0), ("pain x3/12", 13.0), ("x4wks", 4.0), ("hip pain x10 days", 1.4),
])
def test_a_count_glued_to_times_is_how_long(said: str, weeks: float) -> None:
    parsed = READER.read("duration_weeks", said)
    assert parsed.ok and parsed.value == pytest.approx(weeks, abs=0.05)


@pytest.mark.parametrize("said", ["fell x2", "x2", "xray 2 weeks ago"])
def test_times_with_no_unit_after_it_is_no_length_of_time(said: str) -> None:
    parsed = READER.read("duration_weeks", said)
    assert parsed.value != 2.0


def test_a_notes_glued_times_in_a_first_message_is_kept_for_how_long() -> None:
    conv = talk("62 yo woman, R hip pain x2 wks, no fall", "none", "gradually")
    assert conv.session.case.duration_weeks == 2.0
    assert conv.state != "duration_weeks"
