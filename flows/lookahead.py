"""Looking one answer ahead: is a question worth asking this person?

Infermedica's interviews stop asking when more answers would not change the result
(`should_stop`); this is the same idea, done transparently and per question. Before a
question is asked, every answer it could get is tried on a copy of the case: if none of
them would change the level of care, the most likely cause or what is not ruled out yet,
the question is passed over, and the summary says so. The questions the product is
defined by (`always_ask` in content/flow.yaml) are always asked.

Pure and deterministic: the same case gives the same decision.
"""

from __future__ import annotations

from typing import Any

from flows.assessment import Assessment, assess
from flows.case import Case
from flows.content import Content
from flows.content_models import Question
from flows.recording import NONE_OF_THESE, record

Outcome = tuple[str, str, frozenset[str]]


def outcome(assessment: Assessment) -> Outcome:
    """What an answer must be able to change for its question to be asked."""
    return assessment.triage, assessment.top.condition, frozenset(d.condition for d in assessment.not_ruled_out)


def could_matter(question: Question, case: Case, content: Content) -> bool:
    """True if some answer to `question` would change the outcome for this case."""
    baseline = outcome(assess(case, content))
    for value in possible_answers(question, content):
        probe = case.model_copy()
        record(probe, question, value)
        if outcome(assess(probe, content)) != baseline:
            return True
    return False


def possible_answers(question: Question, content: Content) -> list[Any]:
    """The answers to try: every option, each checklist item alone and all together, or the
    question's `probe_values` for a number."""
    if question.kind == "number":
        return list(question.probe_values)
    options = [o for o in content.options[question.id] if o.value is not None]
    if question.kind == "checklist":
        items = [o.value for o in options if not o.exclusive]
        return [NONE_OF_THESE, *([item] for item in items), items]
    if question.kind == "multi":
        return [[o.value] for o in options if not o.exclusive] + [o.value for o in options if o.exclusive]
    return [o.value for o in options]
