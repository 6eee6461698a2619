""""When to get help sooner" names one place for each sign (session 28).

In pregnancy the maternity unit is where to turn (care_emergency_pregnant, sooner_pregnancy):
"go to an emergency department if you get a fever" beside "contact your maternity unit
straight away if the pain comes with a fever" read as a choice. After a birth, a fever with
hip pain is for the emergency department, not "your GP the same day".
"""

from __future__ import annotations

import pytest

from flows.assessment import assess
from flows.case import Case
from flows.content import get_content
from flows.guidance import select_guidance

CONTENT = get_content()
WOMAN = dict(sex="female", age=31, side="left", onset="gradual", duration_weeks=3, weight_bearing_pain=True,
             trauma=False)


def _sooner(case: Case) -> dict[str, str]:
    assessment = assess(case, CONTENT)
    return {item.id: CONTENT.text(item.text, "en") for section, items in select_guidance(case, assessment, CONTENT)
            if section.id == "come_back_sooner" for item in items}


@pytest.mark.parametrize("pregnancy", ["trimester_1", "trimester_2", "trimester_3", "pregnant_stage_unknown"])
def test_in_pregnancy_fever_and_walking_go_to_the_maternity_unit_only(pregnancy: str) -> None:
    shown = _sooner(Case(**WOMAN, pregnancy=pregnancy))
    assert "sooner_fever" not in shown and "sooner_cannot_walk" not in shown
    pregnancy_line = " ".join(text for item, text in shown.items()
                              if item.startswith(("sooner_pregnancy", "sooner_early")))
    assert "fever" in pregnancy_line and "cannot walk" in pregnancy_line
    assert not any("emergency department if you get a fever" in text for text in shown.values())


@pytest.mark.parametrize("pregnancy", ["not_pregnant", "postpartum", "recent_pregnancy_loss", None])
def test_outside_pregnancy_a_fever_is_for_the_emergency_department(pregnancy: str | None) -> None:
    shown = _sooner(Case(**WOMAN, pregnancy=pregnancy))
    assert "sooner_fever" in shown and "sooner_cannot_walk" in shown
    assert not any("fever" in text for item, text in shown.items() if item != "sooner_fever"
                   and item != "sooner_temperature_just_under_fever")


def test_a_fever_already_told_is_not_a_sign_to_come_back_for() -> None:
    assert "sooner_fever" not in _sooner(Case(**WOMAN, pregnancy="not_pregnant", fever=True))
