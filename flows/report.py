"""The summary as channel-neutral replies: the first block and the disclaimer, then the
sections a person asks for.

Modelled on seed 000's report (findings, differential, most likely diagnosis, treatment,
rehabilitation, disclaimer), reordered for the person reading it on a phone: what to do
and what is likely first, the rest on request (flows/summary.py builds the content).
"""

from __future__ import annotations

from flows import payloads
from flows.assessment import Assessment
from flows.case import Case
from flows.content import Content
from flows.content_models import Question
from flows.guidance import select_guidance
from flows.messages import Assessed, Cause, Choice, Line, Reply
from flows.summary import Summary, build_summary, level_words


def summary_replies(
    case: Case, assessment: Assessment, content: Content, locale: str = "en", step: int = 0,
    skipped: list[Question] | None = None, someone_else: bool = False, not_known: list[Question] | None = None,
    clinician: bool = False,
) -> list[Reply]:
    """The first block, with the sections offered, and the disclaimer (always shown); for a
    relative or a clinician (`someone_else`), first a line that it speaks to the person."""
    summary = build_summary(case, assessment, content, locale, skipped, someone_else, not_known)
    offered = [Choice(label=s.title, payload=payloads.section(i)) for i, s in enumerate(summary.sections)]
    first = Reply(kind="summary", code="first", text=words(summary.first), lines=summary.first, choices=offered,
                  step=step, assessed=assessed(assessment, [s.id for s in summary.sections]))
    return [*told_whom(content, locale, step, someone_else, clinician), first, disclaimer_reply(content, locale, step)]


def told_whom(content: Content, locale: str, step: int, someone_else: bool, clinician: bool = False) -> list[Reply]:
    """For a relative or a clinician, before a summary: it speaks to the person with the hip
    pain; a clinician is also told where their own report is (user tests en 20, pt 20: a GP
    read "book your GP" and nothing for them)."""
    if not someone_else:
        return []
    code = "summary_for_a_clinician" if clinician else "summary_for_someone_else"
    return [Reply(kind="notice", code=code, step=step, text=content.message(code, locale))]


def section_replies(summary: Summary, indices: list[int], step: int = 0) -> list[Reply]:
    """The sections asked for: text for reading, or a request for the clinician report."""
    replies: list[Reply] = []
    for index in indices:
        section = summary.sections[index]
        if section.kind == "report":
            replies.append(Reply(kind="report", code="report", text=section.title, step=step))
        else:
            replies.append(Reply(kind="summary", code=section.id, title=section.title, text=words(section.lines),
                                 lines=section.lines, step=step))
    return replies


def disclaimer_reply(content: Content, locale: str = "en", step: int = 0) -> Reply:
    return Reply(kind="summary", code="disclaimer", title=content.message("disclaimer_title", locale),
                 text=content.message("disclaimer", locale), step=step)


def emergency_replies(
    case: Case, assessment: Assessment, content: Content, locale: str = "en", step: int = 0,
    someone_else: bool = False, clinician: bool = False,
) -> list[Reply]:
    """What to do first, after an emergency warning: short, with the disclaimer."""
    summary = build_summary(case, assessment, content, locale)
    level = level_words(content, assessment, case)
    # What must be said first for this person (guidance `said_first`: "for the heavy bleeding,
    # call 999 now", "as you are pregnant, call your maternity unit"), then the level's full
    # advice in place of its one-line version (user test en 17: the call came after "go to
    # an emergency department today", and read as an afterthought).
    said_first = [Line(text=content.text(item.text, locale))
                  for _, items in select_guidance(case, assessment, content) for item in items if item.said_first]
    lines = [summary.first[0], *said_first, Line(text=content.text(level.advice, locale)), *summary.first[2:-1],
             Line(text=""), Line(text=content.message("disclaimer", locale))]
    first = Reply(kind="summary", code="emergency", title=content.message("emergency_first", locale),
                  text=words(lines), lines=lines, step=step, assessed=assessed(assessment))
    return [*told_whom(content, locale, step, someone_else, clinician), first]


def words(lines: list[Line]) -> str:
    """The lines' words, one a line, without their layout (the channels draw it from `lines`)."""
    return "\n".join(line.text for line in lines)


def assessed(assessment: Assessment, sections: list[str] | None = None) -> Assessed:
    """The assessment a summary reply shows, by ids (`sections`: the ids of those offered)."""
    return Assessed(
        ranking=[Cause(condition=r.condition, probability=round(r.probability, 4)) for r in assessment.ranking],
        triage=assessment.triage, red_flags=[flag.id for flag in assessment.red_flags],
        not_ruled_out=[n.condition for n in assessment.not_ruled_out], sections=sections or [],
    )
