"""The summary, as channel-neutral replies: one reply per section, each short enough to send.

Modelled on seed 000's report (findings, differential, most likely diagnosis, treatment,
rehabilitation, disclaimer) with the level of care first, percentages with bars, the
reasons behind each, and guidance fitted to the person.
"""

from __future__ import annotations

from flows.answers import describe
from flows.assessment import Assessment, Ranked
from flows.case import Case
from flows.content import Content
from flows.content_models import Question
from flows.guidance import select_guidance
from flows.messages import Reply
from flows.recording import recorded

BAR_WIDTH = 10
MAX_REASONS = 4


def summary_replies(
    case: Case, assessment: Assessment, content: Content, locale: str = "en", step: int = 0,
    skipped: list[Question] | None = None,
) -> list[Reply]:
    """Every section of the summary, most urgent first; the disclaimer always last.

    `skipped`: the questions the look-ahead passed over, said under what you told me.
    """

    def msg(key: str, **values: object) -> str:
        return content.message(key, locale, **values)

    def reply(code: str, title: str, lines: list[str], **extra: object) -> Reply:
        return Reply(kind="summary", code=code, title=title, text="\n".join(lines), step=step,
                     **extra)  # type: ignore[arg-type]

    replies = [reply("care", msg("care_title"), _care_lines(content, assessment, locale), data=assessment.to_json())]

    findings = [
        msg("answered", question=content.text(q.short, locale),
            answer=describe(content, q.id, recorded(case, q), locale))
        for q in content.questions.values()
        if recorded(case, q) is not None
    ]
    lines = [f"• {line}" for line in findings] or [msg("not_answered")]
    if skipped:
        lines += ["", msg("skipped_note", questions=", ".join(content.text(q.short, locale) for q in skipped))]
    replies.append(reply("findings", msg("findings_title"), lines))

    lines = [_bar_line(content, r, locale) for r in assessment.ranking]
    lines += ["", msg("estimate_note")]
    replies.append(reply("differential", msg("differential_title"), lines))

    replies.append(reply("most_likely", msg("most_likely_title"), _most_likely(content, assessment, locale)))

    for section, items in select_guidance(case, assessment, content):
        replies.append(reply(section.id, content.text(section.title, locale),
                             [f"• {content.text(i.text, locale)}" for i in items]))

    replies.append(reply("disclaimer", msg("disclaimer_title"), [msg("disclaimer")]))
    return replies


def emergency_replies(
    case: Case, assessment: Assessment, content: Content, locale: str = "en", step: int = 0
) -> list[Reply]:
    """What to do first, after an emergency warning: short, with the disclaimer."""
    del case  # the level of care, the warnings and what is not ruled out say it all
    lines = [*_care_lines(content, assessment, locale), "", content.message("disclaimer", locale)]
    return [Reply(kind="summary", code="emergency", title=content.message("emergency_first", locale),
                  text="\n".join(lines), step=step, data=assessment.to_json())]


def _care_lines(content: Content, assessment: Assessment, locale: str) -> list[str]:
    def msg(key: str, **values: object) -> str:
        return content.message(key, locale, **values)

    level = content.triage.levels[assessment.triage]
    care = [content.text(level.label, locale), content.text(level.advice, locale)]
    if assessment.not_ruled_out:
        care.append("")
        care.append(msg("not_ruled_out_title") + ":")
        care += [
            "• " + msg("not_ruled_out_line", name=content.text(content.conditions[danger.condition].name, locale),
                       because="; ".join(danger.because), test=danger.settle_with)
            for danger in assessment.not_ruled_out
        ]
    if assessment.red_flags:
        care.append("")
        care.append(msg("red_flags_title") + ":")
        care += [f"⚠️ {content.text(flag.title, locale)}" for flag in assessment.red_flags]
    return care


def percent(probability: float, content: Content, locale: str = "en") -> str:
    """A probability as shown: never more certain than the evidence carries (no "100%")."""
    ceiling = content.evidence.shown_at_most
    if probability > ceiling:
        return content.message("percent_at_most", locale, percent=f"{ceiling:.0%}")
    return "<1%" if probability < 0.005 else f"{probability:.0%}"


def _bar_line(content: Content, ranked: Ranked, locale: str) -> str:
    shown = min(ranked.probability, content.evidence.shown_at_most)
    filled = round(shown * BAR_WIDTH)
    bar = "█" * filled + "░" * (BAR_WIDTH - filled)
    name = content.text(content.conditions[ranked.condition].name, locale)
    return f"{bar} {percent(ranked.probability, content, locale):>4} {name}"


def _most_likely(content: Content, assessment: Assessment, locale: str) -> list[str]:
    top = assessment.top
    condition = content.conditions[top.condition]
    lines = [
        content.message("most_likely_text", locale, name=content.text(condition.name, locale),
                        term=content.text(condition.clinical_term, locale),
                        percent=percent(top.probability, content, locale)),
        content.text(condition.about, locale),
        "",
        content.message("prior_note", locale, group=content.text(assessment.prior_group.label, locale)),
        content.message("reasons_for", locale) + ":",
    ]
    lines += [f"+ {r.text}" for r in top.reasons_for[:MAX_REASONS]] or [f"  {content.message('no_reasons', locale)}"]
    if top.reasons_against:
        lines.append(content.message("reasons_against", locale) + ":")
        lines += [f"- {r.text}" for r in top.reasons_against[:MAX_REASONS]]
    return lines
