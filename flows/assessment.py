"""From a Case to ranked probabilities, reasons, what is not ruled out yet, and a level of care.

Transparent on purpose. The probability of each condition is its prior for the person's
group times P(finding | condition) for every matching finding (content/conditions.yaml),
with findings of one group (one scan, one set of risk factors) damped because they are
not independent, normalised, and mixed with a little of the prior for what the model
does not know. Every finding is kept as a reason with its source and its likelihood
ratio for the condition against the others, so a clinician can see which answers moved
which condition and by how much.

Safety is a separate layer: the "not ruled out yet" rules (content/not_ruled_out.yaml)
name each dangerous condition that what is known cannot exclude, and set a floor on the
level of care whatever the ranking says.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Any

from flows.case import Case
from flows.content import Content
from flows.content_models import TRIAGE_ORDER, Finding, NotRuledOutRule, PriorGroup, RedFlag, TriageLevel


@dataclass(frozen=True)
class Reason:
    """One matched finding and how strongly it points to, or away from, one condition."""

    finding_id: str
    text: str
    likelihood_ratio: float  # P(finding | condition) / P(finding | the other conditions)
    source: list[str]
    basis: str

    def describe(self) -> str:
        sign = "+" if self.likelihood_ratio > 1 else "-"
        return f"{sign} {self.text} (likelihood ratio {self.likelihood_ratio:.2g}; {self.basis})"

    def text_in(self, content: Content, locale: str) -> str:
        """The finding's words in `locale`, as shown to the person (`text` is the default
        language's, for `itoh-bot assess --json`)."""
        return next(content.text(f.text, locale) for f, _ in content.findings if f.id == self.finding_id)


@dataclass(frozen=True)
class Ranked:
    condition: str
    probability: float
    prior: float
    reasons_for: list[Reason] = field(default_factory=list)
    reasons_against: list[Reason] = field(default_factory=list)
    possible: bool = True  # False: impossible for this person (conditions.yaml `only_when`), probability 0
    confirmed: bool = True  # False: the test that alone can confirm it is not done yet (`confirmed_when`)


@dataclass(frozen=True)
class NotRuledOut:
    """A dangerous condition that what is known cannot exclude, and the test that would."""

    condition: str
    level: TriageLevel
    because: list[str]  # plain-word reasons, one per rule that holds
    settle_with: str  # plain words: the test that would settle it
    rule_ids: list[str]
    settle_short: str = ""  # the same test in a few words, for the summary's first block
    # The test's words for this person (Text, every language): the test of the rule that
    # sets the level, or the one that comes next if it was done; its wording for the person.
    test_text: Any = None
    test_short: Any = None

    # The words above are the default language's (for `itoh-bot assess --json`); what is
    # shown to a person is in the conversation's language:

    def because_in(self, content: Content, locale: str) -> list[str]:
        """The plain-word reasons in `locale`, one per rule that holds."""
        return list(dict.fromkeys(content.text(rule.because, locale) for rule in self._rules(content)))

    def settle_with_in(self, content: Content, locale: str) -> str:
        return content.text(self.test_text, locale) if self.test_text is not None else self.settle_with

    def settle_short_in(self, content: Content, locale: str) -> str:
        return content.text(self.test_short, locale) if self.test_short is not None else self.settle_short

    def _rules(self, content: Content) -> list[NotRuledOutRule]:
        return [rule for rule, _ in content.not_ruled_out if rule.id in self.rule_ids]


@dataclass(frozen=True)
class Assessment:
    ranking: list[Ranked]  # most likely first; probabilities sum to 1
    prior_group: PriorGroup
    red_flags: list[RedFlag]
    not_ruled_out: list[NotRuledOut]
    triage: TriageLevel
    triage_because: list[str]  # red flag ids, rule ids and probability rules that set the level
    findings: list[str] = field(default_factory=list)  # the ids of the findings that matched the case

    @property
    def top(self) -> Ranked:
        return self.ranking[0]

    @property
    def shown(self) -> list[Ranked]:
        """The ranking as shown to a person or a clinician: without the conditions that are
        impossible for this person (pelvic girdle pain for a man)."""
        return [r for r in self.ranking if r.possible]

    def probability(self, condition: str) -> float:
        return next(r.probability for r in self.ranking if r.condition == condition)

    def rank(self, condition: str) -> int:
        return next(i for i, r in enumerate(self.ranking, start=1) if r.condition == condition)

    def to_json(self) -> dict[str, Any]:
        """The `itoh-bot assess --json` object of docs/case-format.md."""
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
            "not_excluded": [
                {"condition": n.condition, "because": n.because, "settle_with": n.settle_with, "level": n.level}
                for n in self.not_ruled_out
            ],
            "prior_group": self.prior_group.id,
        }


def assess(case: Case, content: Content) -> Assessment:
    """Rank every condition for this case, say what is not ruled out, and set the level of care."""
    group = next(g for g, test in content.prior_groups if test is None or test(case))
    possible = {c for c, test in content.possible_for.items() if test is None or test(case)}
    matched = [finding for finding, test in content.findings if test(case)]
    probabilities = _posterior(content, group, matched, possible)
    order = list(content.conditions)  # ties keep the content order, so results are stable
    ranking = sorted(
        (Ranked(c, probabilities[c], group.probabilities[c], *_reasons(content, group, matched, c, possible))
         if c in possible else Ranked(c, 0.0, group.probabilities[c], possible=False)
         for c in order),
        key=lambda r: (not r.possible, -r.probability, order.index(r.condition)),
    )
    flags = [flag for flag, test in content.red_flags if test(case)]
    ranking = [replace(r, confirmed=False) if r.condition in content.confirmed_for
               and not content.confirmed_for[r.condition](case) else r for r in ranking]
    open_dangers = _not_ruled_out(content, case, ranking)
    triage, because = _triage(content, case, ranking, flags, open_dangers)
    return Assessment(ranking, group, flags, open_dangers, triage, because, [f.id for f in matched])


def _posterior(content: Content, group: PriorGroup, matched: list[Finding], possible: set[str]) -> dict[str, float]:
    """prior x damped product of P(finding | condition), normalised, with a share of the prior mixed back.

    Conditions impossible for the person get 0; the others share the whole probability,
    their priors renormalised among themselves."""
    evidence = content.evidence
    by_group: dict[str, list[Finding]] = {}
    for finding in matched:
        by_group.setdefault(finding.group, []).append(finding)
    priors = {c: p for c, p in group.probabilities.items() if c in possible}
    prior_total = sum(priors.values())
    priors = {c: p / prior_total for c, p in priors.items()}
    log_scores = {c: math.log(p) for c, p in priors.items()}
    for name, findings in by_group.items():
        # Findings that go together are not independent: in each group the most telling one
        # counts in full and every further one at (1 - rho), so a decisive finding keeps its
        # weight while a run of related ones cannot multiply into false certainty.
        findings = sorted(findings, key=lambda f: (-_spread(f), f.id))
        further = 1 - evidence.group_dependence[name]
        for index, finding in enumerate(findings):
            weight = 1.0 if index == 0 else further
            for condition in log_scores:
                log_scores[condition] += weight * math.log(finding.probabilities[condition])
    top = max(log_scores.values())
    weights = {c: math.exp(s - top) for c, s in log_scores.items()}
    total = sum(weights.values())
    mix = evidence.prior_weight
    shares = {c: (1 - mix) * weights[c] / total + mix * priors[c] for c in weights}
    return {c: shares.get(c, 0.0) for c in group.probabilities}


def _spread(finding: Finding) -> float:
    """How telling a finding is: the log-ratio between the conditions it favours most and least."""
    values = finding.probabilities.values()
    return math.log(max(values)) - math.log(min(values))


def _reasons(
    content: Content, group: PriorGroup, matched: list[Finding], condition: str, possible: set[str]
) -> tuple[list[Reason], list[Reason]]:
    """The matched findings that move `condition` enough to be worth saying, for and against
    (against the other conditions possible for the person, weighted by their priors)."""
    threshold = content.evidence.reason_min_ratio
    others = {c: p for c, p in group.probabilities.items() if c != condition and c in possible}
    others_total = sum(others.values())
    reasons_for: list[Reason] = []
    reasons_against: list[Reason] = []
    for finding in matched:
        p_others = sum(p * finding.probabilities[c] for c, p in others.items()) / others_total
        ratio = finding.probabilities[condition] / p_others
        if threshold > ratio > 1 / threshold:
            continue
        reason = Reason(finding.id, content.text(finding.text), ratio, finding.source, finding.basis)
        if ratio <= 1 and condition in finding.risk_factor_of:
            continue  # a risk factor of it is not said against it
        if ratio > 1 and (finding.absence or condition in finding.not_a_reason_for):
            continue  # a sign not there is a point against only; a companion is no cause
        (reasons_for if ratio > 1 else reasons_against).append(reason)
    reasons_for.sort(key=lambda r: -r.likelihood_ratio)
    reasons_against.sort(key=lambda r: r.likelihood_ratio)
    return reasons_for, reasons_against


def _not_ruled_out(content: Content, case: Case, ranking: list[Ranked]) -> list[NotRuledOut]:
    """Every dangerous condition some rule keeps open, in the order of the dangerous list."""
    held: dict[str, list[NotRuledOutRule]] = {}
    rank = {r.condition: i for i, r in enumerate(ranking, start=1)}
    probability = {r.condition: r.probability for r in ranking}
    for rule, test in content.not_ruled_out:
        if test is not None and not test(case):
            continue
        if rule.ranked_within is not None and rank[rule.condition] > rule.ranked_within:
            continue
        if rule.at_least is not None and probability[rule.condition] < rule.at_least:
            continue
        held.setdefault(rule.condition, []).append(rule)
    result = []
    for condition in content.guarded:
        rules = held.get(condition)
        if not rules:
            continue
        level = max((rule.level for rule in rules), key=TRIAGE_ORDER.index)
        because = list(dict.fromkeys(content.text(rule.because) for rule in rules))
        # The test of the first rule that sets the level: its words fit that level (the
        # loader checks each rule's test against the rule's level).
        setting = next(rule for rule in rules if rule.level == level)
        text, short = _settling_words(content, case, setting.settle_with)
        result.append(NotRuledOut(condition, level, because, content.text(text), [rule.id for rule in rules],
                                  content.text(short), text, short))
    return result


def _settling_words(content: Content, case: Case, test_id: str) -> tuple[Any, Any]:
    """The words (Text) of the test that would settle it for this person: the next test
    when this one was already done, in the wording that fits the person."""
    seen = {test_id}
    while True:
        test = content.settling_tests[test_id]
        done, wordings = content.settling_checks[test_id]
        if test.then is not None and done is not None and done(case) and test.then not in seen:
            test_id = test.then
            seen.add(test_id)
            continue
        for fits, wording in wordings:
            if fits(case):
                return wording.text, wording.short or test.short
        return test.text, test.short


def _triage(
    content: Content, case: Case, ranking: list[Ranked], flags: list[RedFlag], open_dangers: list[NotRuledOut]
) -> tuple[TriageLevel, list[str]]:
    """The highest level any red flag, not-ruled-out rule or probability rule calls for."""
    level: TriageLevel = "consultation"
    because: list[str] = []
    probabilities = {r.condition: r.probability for r in ranking}
    candidates: list[tuple[TriageLevel, str]] = [(flag.level, flag.id) for flag in flags]
    candidates += [(danger.level, rule_id) for danger in open_dangers for rule_id in danger.rule_ids]
    candidates += [
        (rule.level, f"{rule.condition} >= {rule.at_least:.0%}")
        for rule, test in content.probability_rules
        if probabilities[rule.condition] >= rule.at_least and (test is None or test(case))
    ]
    for candidate, reason in candidates:
        if TRIAGE_ORDER.index(candidate) > TRIAGE_ORDER.index(level):
            level, because = candidate, [reason]
        elif candidate == level and level != "consultation":
            because.append(reason)
    return level, because
