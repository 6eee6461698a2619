"""Writing an answer into the Case and reading it back, for every kind of question.

Most questions answer one case field. A checklist ("tick all that apply") answers
several yes/no fields at once: its value is the list of ticked fields, `none` ("None of
these": every field false) or None ("Not sure": every field unknown). Keeping that
translation here means the dialogue, the summary and the channels never need to know
which kind of question they hold.
"""

from __future__ import annotations

from typing import Any

from flows.case import Case
from flows.content_models import Question

NONE_OF_THESE = "none"


def record(case: Case, question: Question, value: Any) -> None:
    """Set the case fields `question` answers from its parsed value."""
    if question.kind != "checklist":
        setattr(case, question.fields[0], value)
        return
    for name in question.fields:
        if value is None:
            setattr(case, name, None)
        else:
            setattr(case, name, isinstance(value, list) and name in value)


def clear(case: Case, question: Question) -> None:
    """Forget the answer: every field the question answers becomes unknown."""
    for name in question.fields:
        setattr(case, name, None)


def recorded(case: Case, question: Question) -> Any:
    """The question's value as the case holds it (None when not answered)."""
    if question.kind != "checklist":
        return getattr(case, question.fields[0])
    values = {name: getattr(case, name) for name in question.fields}
    ticked = [name for name, value in values.items() if value is True]
    if ticked:
        return ticked
    if values and all(value is False for value in values.values()):
        return NONE_OF_THESE
    return None
