"""Other painful joints do not make a joint infection unlikely.

Septic arthritis involves several joints in 15 to 19% of adults (Dubost 1993, Epstein 1986),
and an earlier joint disease is common among them, so "other joints, now or before" weighs
against infection far less than it points to an inflammatory arthritis (session 29: a hip
tuberculosis with a painful knee and ankle, fever, weight loss and a CRP of 53 was shown as
inflammatory arthritis at 81%).
"""

from __future__ import annotations

from typing import Any

from flows.assessment import assess
from flows.case import Case
from flows.content import get_content

CONTENT = get_content()

# A young man with three months of hip pain, fever, weight loss and a raised CRP
INFECTED: dict[str, Any] = {"sex": "male", "age": 27, "side": "right", "duration_weeks": 13, "fever": True,
                            "weight_loss": True, "inflammatory_markers": "markedly_raised"}


def test_the_literature_rate_of_several_infected_joints_is_what_the_model_uses() -> None:
    other_joints = next(f for f, _ in CONTENT.findings if f.id == "other_joints")
    assert 0.15 <= other_joints.probabilities["septic_arthritis"] <= 0.25
    assert {"dubost_1993", "epstein_1986"} <= set(other_joints.source)


def test_infection_keeps_its_weight_when_other_joints_hurt_too() -> None:
    alone = assess(Case(**INFECTED, other_joints=False), CONTENT)
    several = assess(Case(**INFECTED, other_joints=True), CONTENT)
    # with P(other joints | infection) at 0.1 these were 17% and 75%
    assert several.probability("septic_arthritis") >= 0.25
    assert several.probability("inflammatory_arthritis") < 0.7
    # other joints still point away from infection and toward an inflammatory arthritis
    assert several.probability("septic_arthritis") < alone.probability("septic_arthritis")
    assert several.triage == "emergency"


def test_without_signs_of_infection_other_joints_still_point_to_an_inflammatory_arthritis() -> None:
    case = Case(sex="female", age=45, side="left", onset="gradual", duration_weeks=20, fever=False,
                other_joints=True, morning_stiffness=True, inflammatory_markers="mildly_raised")
    assessment = assess(case, CONTENT)
    assert assessment.top.condition == "inflammatory_arthritis"
    assert assessment.probability("septic_arthritis") < 0.1
