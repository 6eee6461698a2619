"""Session 26: how long the pain has lasted, said before it in a clinician's note ("4 wk hx R
hip pain", "4 weeks of R hip pain"), is kept for the duration question."""

from __future__ import annotations

import pytest

from tests.support.conversation import talk


@pytest.mark.parametrize("note", [
    "45M, 4 wk hx R hip pain",
    "45M, 4 week history of R hip pain",
    "45M, 4 weeks of right hip ache",
    "male 45, 4 weeks of L groin pain",
])
def test_a_duration_before_the_pain_in_a_note_is_kept(note: str) -> None:
    conv = talk(note, "none", "sudden")
    assert conv.session.case.duration_weeks == 4
    assert conv.state != "duration_weeks"


@pytest.mark.parametrize("note", [
    "45M, R hip pain, did 4 weeks of physio",
    "45M, R hip pain, hx of 2 falls",
])
def test_a_number_of_something_else_is_no_duration(note: str) -> None:
    conv = talk(note, "none", "sudden")
    assert conv.session.case.duration_weeks is None
