"""Honest probabilities and reasons a clinician would recognise.

Naive Bayes over related findings is over-confident; the assessment damps findings of one
group, keeps a share of the prior, and never shows more than `shown_at_most`. Reasons are
shown only where a finding moves a condition enough, in the direction a clinician expects.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from flows.assessment import assess
from flows.case import Case
from flows.content import get_content
from flows.report import summary_replies
from flows.summary import percent

CONTENT = get_content()

# Everything answered, all pointing one way: the case naive Bayes would call certain.
TEXTBOOK_ITOH: dict[str, Any] = {
    "sex": "male", "age": 48, "side": "left", "onset": "sudden", "duration_weeks": 6, "weight_bearing_pain": True,
    "unable_to_bear_weight": False, "trauma": False, "repetitive_loading": False, "glucocorticoids": False,
    "alcohol_excess": False, "other_avn_risk": False, "fever": False, "hot_swollen_joint": False,
    "cannot_move_hip": False, "cancer_history": False, "weight_loss": False, "night_pain": False,
    "immunosuppressed": False, "recent_joint_procedure": False, "injecting_drug_use": False,
    "known_osteoporosis": False, "known_inflammatory_arthritis": False, "other_joints": False,
    "psoriasis_ibd_or_uveitis": False, "morning_stiffness": False, "prior_episode": False,
    "xray": ["osteopenia"], "mri": ["bone_marrow_oedema", "joint_effusion"], "inflammatory_markers": "normal",
    "white_cell_count": "normal",
}


def with_evidence(**changes: Any) -> Any:
    return dataclasses.replace(CONTENT, evidence=CONTENT.evidence.model_copy(update=changes))


def test_no_condition_reaches_certainty_even_when_everything_agrees() -> None:
    assessment = assess(Case(**TEXTBOOK_ITOH), CONTENT)
    top = assessment.top
    assert top.condition == "itoh"
    # Among the conditions possible for the person (pregnancy-related pain is not, for a
    # man), each keeps at least its share of the prior: none is given up, none is certain.
    possible = assessment.shown
    assert top.probability <= 1 - CONTENT.evidence.prior_weight * min(r.prior for r in possible)
    assert all(r.probability >= CONTENT.evidence.prior_weight * r.prior * 0.999 for r in possible)
    # (nor, before a normal MRI, pain from the tendons or the back)
    assert [r.condition for r in assessment.ranking if not r.possible] == ["pelvic_girdle_pain",
                                                                            "soft_tissue_or_referred"]
    assert all(r.probability == 0 for r in assessment.ranking if not r.possible)


def test_damping_related_findings_lowers_certainty_but_not_the_ranking() -> None:
    case = Case(**TEXTBOOK_ITOH)
    independent = assess(case, with_evidence(group_dependence=dict.fromkeys(CONTENT.evidence.group_dependence, 0)))
    damped = assess(case, CONTENT)
    assert damped.top.condition == independent.top.condition == "itoh"
    assert damped.top.probability < independent.top.probability


def test_the_most_telling_finding_of_a_group_keeps_its_full_weight() -> None:
    """A fracture line on the MRI is not diluted by the findings the same MRI did not show."""
    mri = ["fracture_line"]
    alone = assess(Case(sex="female", age=30, pregnancy="trimester_3", mri=mri), CONTENT)
    assert alone.top.condition == "fracture"
    many = dict.fromkeys(CONTENT.evidence.group_dependence, 0.9)
    assert assess(Case(sex="female", age=30, pregnancy="trimester_3", mri=mri), with_evidence(group_dependence=many)
                  ).top.condition == "fracture"


def test_probabilities_sum_to_one() -> None:
    for case in (Case(), Case(**TEXTBOOK_ITOH), Case(fever=True, inflammatory_markers="markedly_raised")):
        assert sum(r.probability for r in assess(case, CONTENT).ranking) == pytest.approx(1)


def test_the_summary_never_shows_more_than_the_ceiling() -> None:
    case = Case(**TEXTBOOK_ITOH)
    assessment = assess(case, with_evidence(prior_weight=0.0))
    assert assessment.top.probability > CONTENT.evidence.shown_at_most
    text = "\n".join(r.text for r in summary_replies(case, assessment, CONTENT))
    assert "100%" not in text and "99%" not in text and "96%" not in text
    assert percent(assessment.top.probability, CONTENT) in text
    assert percent(0.999, CONTENT) == CONTENT.message("percent_at_most", percent="95%")
    assert percent(0.5, CONTENT) == "50%" and percent(0.001, CONTENT) == "<1%"


@pytest.mark.parametrize(("case", "condition", "finding", "direction"), [
    # a cancer history raises a pathological fracture; it is never shown against a fracture
    ({"sex": "female", "age": 70, "cancer_history": True}, "fracture", "cancer_history", "not_against"),
    # being able to walk is not a point against transient osteoporosis
    ({"sex": "male", "age": 48, "unable_to_bear_weight": False}, "itoh", "able_to_bear_weight", "silent"),
    # no weight loss is not a point against infection
    ({"sex": "male", "age": 48, "weight_loss": False}, "septic_arthritis", "no_weight_loss", "silent"),
    # an earlier episode in a joint is no evidence against infection
    ({"sex": "male", "age": 48, "prior_episode": True}, "septic_arthritis", "prior_episode", "not_against"),
    # what a clinician expects to see
    ({"sex": "male", "age": 48, "fever": True}, "septic_arthritis", "fever", "for"),
    ({"sex": "male", "age": 48, "mri": ["double_line_sign"]}, "avn", "mri_double_line_sign", "for"),
    ({"sex": "male", "age": 48, "mri": ["bone_marrow_oedema"]}, "osteoarthritis", "mri_bone_marrow_oedema", "against"),
])
def test_reasons_move_conditions_the_way_a_clinician_would_read_them(
    case: dict[str, Any], condition: str, finding: str, direction: str
) -> None:
    ranked = next(r for r in assess(Case(**case), CONTENT).ranking if r.condition == condition)
    shown_for = {r.finding_id for r in ranked.reasons_for}
    shown_against = {r.finding_id for r in ranked.reasons_against}
    if direction == "for":
        assert finding in shown_for
    elif direction == "against":
        assert finding in shown_against
    elif direction == "not_against":
        assert finding not in shown_against
    else:
        assert finding not in shown_for | shown_against


def test_every_shown_reason_clears_the_threshold() -> None:
    threshold = CONTENT.evidence.reason_min_ratio
    for ranked in assess(Case(**TEXTBOOK_ITOH), CONTENT).ranking:
        assert all(r.likelihood_ratio >= threshold for r in ranked.reasons_for)
        assert all(r.likelihood_ratio <= 1 / threshold for r in ranked.reasons_against)


def test_pelvic_girdle_pain_takes_the_lead_from_itoh_in_pregnancy_without_a_scan() -> None:
    """The commonest pain around the hips in pregnancy: without an MRI, ITOH is not over-stated."""
    no_scan = assess(Case(sex="female", age=30, pregnancy="trimester_2"), CONTENT)
    assert no_scan.probability("itoh") < 0.5
    assert no_scan.top.condition == "pelvic_girdle_pain"
    with_oedema = assess(Case(sex="female", age=30, pregnancy="trimester_3", mri=["bone_marrow_oedema"]), CONTENT)
    assert with_oedema.top.condition == "itoh"
    pelvic = assess(Case(sex="female", age=30, pregnancy="trimester_3", pelvic_girdle_pattern=True), CONTENT)
    assert pelvic.top.condition == "pelvic_girdle_pain"
