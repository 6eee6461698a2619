"""From a Case to ranked probabilities, reasons, red flags and a level of care.

Transparent on purpose: the probability of each condition is its prior for the person's
group times the likelihood ratio of every matching finding (content/conditions.yaml),
normalised over all conditions (naive Bayes). Every factor is kept as a reason, with its
source, so a clinician can see exactly which answers moved which condition.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from flows.case import Case
from flows.content import Content, get_content
from flows.content_models import TRIAGE_ORDER, PriorGroup, RedFlag, TriageLevel


@dataclass(frozen=True)
class Reason:
    """One matched finding and how much it moved one condition."""

    finding_id: str
    text: str
    likelihood_ratio: float
    source: list[str]
    basis: str

    def describe(self) -> str:
        sign = "+" if self.likelihood_ratio > 1 else "-"
        return f"{sign} {self.text} (likelihood ratio {self.likelihood_ratio:g}; {self.basis})"


@dataclass(frozen=True)
class Ranked:
    condition: str
    probability: float
    prior: float
    reasons_for: list[Reason] = field(default_factory=list)
    reasons_against: list[Reason] = field(default_factory=list)


@dataclass(frozen=True)
class Assessment:
    ranking: list[Ranked]  # most likely first; probabilities sum to 1
    prior_group: PriorGroup
    red_flags: list[RedFlag]
    triage: TriageLevel
    triage_because: list[str]  # red flag ids and probability rules that set the level

    @property
    def top(self) -> Ranked:
        return self.ranking[0]

    def probability(self, condition: str) -> float:
        return next(r.probability for r in self.ranking if r.condition == condition)

    def to_json(self) -> dict[str, Any]:
        """The `itoh-bot assess --json` object of shared/case-format.md."""
        return {
            "ranking": [
                {
                    "condition": r.condition,
                    "probability": round(r.probability, 4),
                    "reasons": [reason.describe() for reason in r.reasons_for + r.reasons_against],
                }
                for r in self.ranking
            ],
            "triage": self.triage,
            "red_flags": [flag.id for flag in self.red_flags],
            "prior_group": self.prior_group.id,
        }


def assess(case: Case, content: Content | None = None) -> Assessment:
    """Rank every condition for this case and set the level of care."""
    content = content or get_content()
    group = next(g for g, test in content.prior_groups if test is None or test(case))
    log_scores = {c: math.log(p) for c, p in group.probabilities.items()}
    reasons: dict[str, tuple[list[Reason], list[Reason]]] = {c: ([], []) for c in log_scores}
    for finding, test in content.findings:
        if not test(case):
            continue
        for condition, ratio in finding.likelihood_ratios.items():
            if ratio == 1:
                continue
            log_scores[condition] += math.log(ratio)
            reason = Reason(finding.id, content.text(finding.text), ratio, finding.source, finding.basis)
            reasons[condition][0 if ratio > 1 else 1].append(reason)
    top_log = max(log_scores.values())
    weights = {c: math.exp(s - top_log) for c, s in log_scores.items()}
    total = sum(weights.values())
    order = list(content.conditions)  # ties keep the content order, so results are stable
    ranking = sorted(
        (
            Ranked(
                condition=c,
                probability=weights[c] / total,
                prior=group.probabilities[c],
                reasons_for=sorted(reasons[c][0], key=lambda r: -r.likelihood_ratio),
                reasons_against=sorted(reasons[c][1], key=lambda r: r.likelihood_ratio),
            )
            for c in order
        ),
        key=lambda r: (-r.probability, order.index(r.condition)),
    )
    flags = [flag for flag, test in content.red_flags if test(case)]
    triage, because = _triage(content, ranking, flags)
    return Assessment(ranking, group, flags, triage, because)


def _triage(content: Content, ranking: list[Ranked], flags: list[RedFlag]) -> tuple[TriageLevel, list[str]]:
    """The highest level any red flag or probability rule calls for; consultation otherwise."""
    level: TriageLevel = "consultation"
    because: list[str] = []
    probabilities = {r.condition: r.probability for r in ranking}
    candidates: list[tuple[TriageLevel, str]] = [(flag.level, flag.id) for flag in flags]
    candidates += [
        (rule.level, f"{rule.condition} >= {rule.at_least:.0%}")
        for rule in content.triage.probability_rules
        if probabilities[rule.condition] >= rule.at_least
    ]
    for candidate, reason in candidates:
        if TRIAGE_ORDER.index(candidate) > TRIAGE_ORDER.index(level):
            level, because = candidate, [reason]
        elif candidate == level and level != "consultation":
            because.append(reason)
    return level, because
