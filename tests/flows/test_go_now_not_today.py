"""Where a warning's own action is "now", the general "go today" is not said above it.

Pressure on the spinal nerves needs an MRI within hours (care_cauda_equina: "go now"); the
general emergency line said "go to an emergency department today" first (session 29, d29's
review). Other emergencies keep the general line.
"""

from __future__ import annotations

from flows.assessment import assess
from flows.case import Case
from flows.content import get_content
from flows.guidance import select_guidance

CONTENT = get_content()
MAN = {"sex": "male", "age": 45, "side": "left", "duration_weeks": 2}


def _guidance_ids(case: Case) -> set[str]:
    assessment = assess(case, CONTENT)
    assert assessment.triage == "emergency"
    return {item.id for _, items in select_guidance(case, assessment, CONTENT) for item in items}


def test_the_spinal_nerves_warning_says_now_without_today_above_it() -> None:
    shown = _guidance_ids(Case(**MAN, cauda_equina_signs=True))
    assert "care_cauda_equina" in shown and "care_emergency" not in shown


def test_another_emergency_keeps_the_general_line() -> None:
    shown = _guidance_ids(Case(**MAN, fever=True, inflammatory_markers="markedly_raised"))
    assert "care_emergency" in shown and "care_cauda_equina" not in shown
