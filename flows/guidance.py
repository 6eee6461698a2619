"""Choose the management guidance that fits this person and this assessment.

Two guards keep unsafe advice out: each item's own `when`, and the safety rules
(content/guidance.yaml), which remove any item carrying a forbidden tag — e.g. an
`nsaid` item for someone who may be 20 weeks pregnant or more, or a `weight_bearing`
item at the emergency level — whatever the item says.
"""

from __future__ import annotations

from flows.assessment import Assessment
from flows.case import Case
from flows.content import Content
from flows.content_models import GuidanceItem, GuidanceSection
from flows.predicates import CaseTest


def open_or_leading(assessment: Assessment) -> set[str]:
    """The conditions an `open_in` reads: the leading one and those not ruled out yet."""
    return {danger.condition for danger in assessment.not_ruled_out} | {assessment.top.condition}


def leads_clearly(assessment: Assessment, content: Content) -> bool:
    """The leading cause's estimate is at least `clear_lead_ratio` times the next one's (of
    those possible for this person): only then does the picture "fit best" with it (user test
    en 27: "fits best with transient osteoporosis" at 47% beside a break at 45%)."""
    shown = assessment.shown
    if len(shown) < 2 or shown[0].condition != assessment.top.condition:
        return True
    return shown[0].probability >= content.evidence.clear_lead_ratio * shown[1].probability


def forbidden_tags(case: Case, assessment: Assessment, content: Content) -> set[str]:
    """Tags no guidance shown to this person, with this assessment, may carry.

    A rule holds when every part it gives holds: its `when` about the person, the level of
    care (`triage_in`), and a condition that leads or is not ruled out yet (`open_in`), so
    "no weight-bearing advice at the emergency level" is a rule like "no NSAIDs in pregnancy".
    """
    kept_open = open_or_leading(assessment)
    return {
        tag
        for rule, test in content.safety_rules
        if (test is None or test(case))
        and (rule.triage_in is None or assessment.triage in rule.triage_in)
        and (rule.open_in is None or kept_open.intersection(rule.open_in))
        for tag in rule.forbid_tags
    }


def select_guidance(
    case: Case, assessment: Assessment, content: Content
) -> list[tuple[GuidanceSection, list[GuidanceItem]]]:
    """The sections in display order, each with the items that apply; empty sections left out."""
    banned = forbidden_tags(case, assessment, content)
    chosen: dict[str, list[GuidanceItem]] = {section.id: [] for section in content.guidance.sections}
    open_dangers = {danger.condition for danger in assessment.not_ruled_out}
    kept_open = open_or_leading(assessment)
    for item, test, excluded_for in content.guidance_items:
        if test is not None and not test(case):
            continue
        if _excluded(item, excluded_for, case, assessment.top.condition, open_dangers):
            continue
        if item.top_condition_in is not None and assessment.top.condition not in item.top_condition_in:
            continue
        if item.top_lead is not None and (item.top_lead == "clear") != leads_clearly(assessment, content):
            continue
        if item.triage_in is not None and assessment.triage not in item.triage_in:
            continue
        if item.open_in is not None and not kept_open.intersection(item.open_in):
            continue
        if banned.intersection(item.tags):
            continue
        chosen[item.section].append(item)
    return [(section, chosen[section.id]) for section in content.guidance.sections if chosen[section.id]]


def _excluded(
    item: GuidanceItem, excluded_for: CaseTest | None, case: Case, leading: str, open_dangers: set[str]
) -> bool:
    """True when the item's `not_when` holds: it would be wrong or useless for this person."""
    exclusion = item.not_when
    if exclusion is None:
        return False
    return bool(
        (excluded_for is not None and excluded_for(case))
        or leading in (exclusion.leading or [])
        or open_dangers.intersection(exclusion.not_ruled_out or [])
    )
