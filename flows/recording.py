"""Writing an answer into the Case and reading it back, for every kind of question.

Most questions answer one case field. Some answer several at once:
* a compound choice, whose options each `set` several fields ("I cannot take a few
  steps": weight-bearing pain and unable to bear weight);
* a checklist ("tick all that apply"), whose value is the list of ticked items, `none`
  ("None of these": every item unticked) or None ("Not sure": every field unknown); each
  item says what ticking it `sets` and what leaving it `unticked` writes.
Keeping that translation here means the dialogue, the summary and the channels never
need to know which kind of question they hold.
"""

from __future__ import annotations

from typing import Any

from flows.case import Case
from flows.content_models import Answer, Question

NONE_OF_THESE = "none"


def _options(question: Question) -> list[Answer]:
    return question.answers if isinstance(question.answers, list) else []


def record(case: Case, question: Question, value: Any) -> None:
    """Set the case fields `question` answers from its parsed value."""
    if not question.writes_several_fields:
        setattr(case, question.fields[0], value)
        return
    if value is None:
        clear(case, question)
        for option in _options(question):  # "Not sure" of a checklist may say so (`tests_unsure`)
            if option.exclusive and option.value is None:
                for name, written in (option.sets or {}).items():
                    setattr(case, name, written)
        return
    for option in _options(question):
        if question.kind == "checklist" and option.exclusive:  # an answer unsays "Not sure"
            for name in option.sets or {}:
                setattr(case, name, None)
            continue
        if question.kind == "checklist" and not option.exclusive:
            ticked = isinstance(value, list) and option.value in value
            writes = option.sets if ticked else option.unticked
        elif question.kind != "checklist" and option.value == value:
            writes = option.sets
        else:
            continue
        for name, written in (writes or {}).items():
            # A test ticked again (/change) keeps the result already given for it: its item
            # only opens the result's question (writes "unknown"), it does not unsay it.
            kept = getattr(case, name)
            if written is None and kept is not None and kept != (option.unticked or {}).get(name):
                continue
            setattr(case, name, written)


def clear(case: Case, question: Question) -> None:
    """Forget the answer: every field the question answers becomes unknown."""
    for name in question.fields:
        setattr(case, name, None)


def recorded(case: Case, question: Question) -> Any:
    """The question's value as the case holds it (None when not answered or not known)."""
    if not question.writes_several_fields:
        return getattr(case, question.fields[0])
    if all(getattr(case, name) is None for name in question.fields):
        return None

    def holds(writes: dict[str, Any] | None) -> bool:
        return all(getattr(case, name) == written for name, written in (writes or {}).items())

    options = [o for o in _options(question) if not o.exclusive and o.value is not None]
    if question.kind != "checklist":
        return next((o.value for o in options if holds(o.sets)), None)
    # A yes/no item is ticked when its fields say yes; an item that only opens later
    # questions (a test done: its results are asked next) is ticked once one of them has a
    # known answer other than "not done" (blood tests with a CRP, the white cells not known:
    # user test en 13 had them drop out of "Tests done").
    def ticked_item(option: Answer) -> bool:
        if any(v is not None for v in (option.sets or {}).values()):
            return holds(option.sets)
        unticked = option.unticked or {}
        return any(getattr(case, name) is not None and getattr(case, name) != unticked.get(name)
                   for name in option.sets or {})

    ticked = [o.value for o in options if ticked_item(o)]
    if ticked:
        return ticked
    return NONE_OF_THESE if all(holds(o.unticked) for o in options) else None
