"""What a changed answer did: "Transient thinning of the hip bone 78% → 83%; level of care unchanged"."""

from __future__ import annotations

from flows.assessment import Assessment
from flows.case import Case
from flows.content import Content
from flows.summary import estimate_text, level_words, said_as


def change_effect(before: Assessment, after: Assessment, case: Case, content: Content, locale: str = "en") -> str:
    """One sentence comparing the leading cause and the level of care before and after
    (`case`: the answers after the change)."""

    def name(condition: str) -> str:
        return content.text(content.conditions[condition].name, locale)

    top = after.top.condition
    was = estimate_text(content, top, before.probability(top), locale)
    now = estimate_text(content, top, after.top.probability, locale)
    if before.top.condition == top and said_as(content, top, after.top.probability, locale) is not None:
        leading = content.message("change_effect_top_said", locale, name=name(top), said=now)
    elif before.top.condition == top and was == now:
        leading = content.message("change_effect_top_unchanged", locale, name=name(top), percent=now)
    elif before.top.condition == top:
        leading = content.message("change_effect_same_top", locale, name=name(top), before=was, after=now)
    else:
        leading = content.message("change_effect_new_top", locale, name=name(top), percent=now,
                                  previous=name(before.top.condition))
    if before.triage == after.triage:
        care = content.message("change_effect_care_same", locale)
    else:
        care = content.message("change_effect_care_now", locale,
                               level=content.text(level_words(content, after, case).label, locale))
    return content.message("change_effect", locale, leading=leading, care=care)
