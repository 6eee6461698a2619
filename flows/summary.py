"""The summary as a typed object: one short first block, then sections on request.

Who calls it: flows.dialogue at the end of the conversation (and for each section asked
for), `itoh-bot assess` and the clinician report. The first block says what matters most
(the level of care and what to do now, the most likely causes in words with their
estimates, what is not ruled out yet and what would settle it); every other part is a
section with an id, offered as a button or a number, or all at once with /more.
Lines say what they are (`Line.mark`: an item of a list, a point for or against a
cause); the channels draw the bullets and signs.
"""

from __future__ import annotations

from dataclasses import dataclass

from flows.answers import describe
from flows.assessment import Assessment, NotRuledOut, Ranked
from flows.case import Case
from flows.content import Content
from flows.content_models import TRIAGE_ORDER, LevelWords, Question, RedFlag, TriageLevel
from flows.guidance import select_guidance
from flows.locale_format import percent_text
from flows.messages import Line
from flows.recording import recorded

FIRST_CAUSES = 3  # causes named in the first block
FIRST_OPEN = 2  # dangers "not ruled out yet" named in the first block (all are in "why")
FIRST_WARNINGS = 2  # warning signs named in the first block (each was said when it arose)
MAX_REASONS = 4


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    lines: list[Line]
    kind: str = "guidance"  # guidance, reasons, or report (made by the channel)


@dataclass(frozen=True)
class Summary:
    first: list[Line]  # the first block, line by line
    sections: list[Section]
    assessment: Assessment
    content_version: str

    def section(self, section_id: str) -> Section:
        return next(s for s in self.sections if s.id == section_id)


def _mid_sentence(name: str) -> str:
    """A condition's name inside a sentence: "a growth in the bone", not "A growth..."."""
    return name[:1].lower() + name[1:]


def _set_by_chance(case: Case, assessment: Assessment, content: Content) -> list[str]:
    """The conditions whose probability alone (triage.yaml `probability_rules`) sets the
    level of care, when it is above routine."""
    if assessment.triage == "consultation":
        return []
    probability = {r.condition: r.probability for r in assessment.ranking}
    return list(dict.fromkeys(rule.condition for rule, test in content.probability_rules
                              if rule.level == assessment.triage and probability[rule.condition] >= rule.at_least
                              and (test is None or test(case))))


def level_reasons(case: Case, assessment: Assessment, content: Content, locale: str) -> list[str]:
    """Why the level of care is what it is, sentence by sentence, in `locale`: the warning
    signs at that level, the dangers not ruled out yet at that level (why, and the test that
    settles each), and a dangerous cause likely enough on its own. Nothing at the lowest
    level ("why urgent?" after the summary, user test 26: a generic line answered it)."""
    if assessment.triage == TRIAGE_ORDER[0]:
        return []
    reasons = []
    flags = [content.text(flag.title, locale) for flag in assessment.red_flags if flag.level == assessment.triage]
    if flags:
        reasons.append(content.message("first_warnings", locale, flags="; ".join(flags)))
    dangers = [danger for danger in assessment.not_ruled_out if danger.level == assessment.triage]
    reasons += [line.text for line in _not_ruled_out_lines(dangers, content, locale)]
    if not reasons:
        names = [_mid_sentence(content.text(content.conditions[c].name, locale))
                 for c in _set_by_chance(case, assessment, content)]
        reasons += [content.message("level_reason_by_chance", locale, causes="; ".join(names))] if names else []
    return reasons


def level_words(content: Content, assessment: Assessment, case: Case) -> LevelWords:
    """The words of the level of care: its `at_once` ones when a warning sign at that level
    says to get help now (user test en 19: "Emergency: go today" above "for the heavy
    bleeding, call 999 now"), else its words for this person where it has some."""
    return words_of_level(content, assessment.triage, assessment.red_flags, case)


def words_of_level(content: Content, level_id: TriageLevel, flags: list[RedFlag], case: Case) -> LevelWords:
    """The words of level `level_id` said with the warning signs `flags`: see `level_words`.
    A warning sign's own `now` (where to get help for it: the early pregnancy unit, the
    maternity unit) replaces the level's one line (user test en 23: "call your early
    pregnancy unit today" above a summary that said "go to an emergency department")."""
    level = content.triage.levels[level_id]
    at_level = [flag for flag in flags if flag.level == level_id]
    own = next((flag.now for flag in at_level if flag.at_once and flag.now is not None), None)
    if level.at_once is not None and any(flag.at_once for flag in at_level):
        return level.at_once if own is None else level.at_once.model_copy(update={"now": own})
    words = next((words for words, holds in content.level_for_person[level_id] if holds(case)), level)
    own = next((flag.now for flag in at_level if flag.now is not None), None)
    return words if own is None else words.model_copy(update={"now": own})


def build_summary(case: Case, assessment: Assessment, content: Content, locale: str = "en",
                  skipped: list[Question] | None = None, someone_else: bool = False,
                  not_known: list[Question] | None = None) -> Summary:
    """Everything the summary can show for this person, in the order it is offered
    (`someone_else`: a relative or a clinician answered for them)."""

    def msg(key: str, **values: object) -> str:
        return content.message(key, locale, **values)

    level = level_words(content, assessment, case)
    first = [Line(text=content.text(level.label, locale)), Line(text=content.text(level.now, locale))]
    if assessment.red_flags:  # why the level is what it is, when a warning sign sets it
        titles = [content.text(flag.title, locale) for flag in assessment.red_flags[:FIRST_WARNINGS]]
        if len(assessment.red_flags) > FIRST_WARNINGS:
            titles.append(msg("first_warnings_more", count=len(assessment.red_flags) - FIRST_WARNINGS))
        first.append(Line(text=msg("first_warnings", flags="; ".join(titles))))
    else:  # no warning sign found: say which could not be checked, if enough were not known
        unchecked = [content.text(sign.name, locale) for sign in content.triage.unchecked_signs
                     if getattr(case, sign.field) is None]
        if len(unchecked) >= content.triage.unchecked_at_least:
            first.append(Line(text=msg("first_unchecked", signs=", ".join(unchecked))))
        # ...and, with no warning sign and nothing listed as not ruled out, what set a level
        # above routine: a dangerous cause likely enough on its own (user test pt 15: "Urgent"
        # with no reason given)
        chance = _set_by_chance(case, assessment, content) if not assessment.not_ruled_out else []
        # a cause likely in its own right is said to be likely, not merely "not ruled out"
        probability = {r.condition: r.probability for r in assessment.ranking}
        likely_alone = [c for c in chance if probability[c] >= content.evidence.unconfirmed_said_from]
        for key, causes in (("first_level_by_chance_likely", likely_alone),
                            ("first_level_by_chance", [c for c in chance if c not in likely_alone])):
            if causes:
                names = [_mid_sentence(content.text(content.conditions[c].name, locale)) for c in causes]
                first.append(Line(text=msg(key, causes="; ".join(names))))
    # A danger not ruled out yet whose estimate is low is named in its own list just below,
    # not among the likely causes with no number (user tests en 22: it read as a duplicate,
    # and no one could tell where it ranked)
    likely = [ranked for ranked in assessment.shown if not _open_and_low(content, ranked, assessment)]
    if len(assessment.findings) < content.evidence.estimated_from_findings:
        # nearly every answer "don't know": the causes common for the person's group, with
        # no estimate built on nothing (user tests en and pt-BR 22)
        first.append(Line(text=msg("first_causes_title_little_known") + ":"))
        first += [_item(content.text(content.conditions[r.condition].name, locale)) for r in likely[:FIRST_CAUSES]]
    else:
        first.append(Line(text=msg("first_causes_title") + ":"))
        first += [_item(cause_line(content, ranked, locale, assessment)) for ranked in likely[:FIRST_CAUSES]]
    if assessment.not_ruled_out:
        first.append(Line(text=msg("not_ruled_out_title") + ":"))
        first += [
            _item(msg("not_ruled_out_short", name=content.text(content.conditions[d.condition].name, locale),
                      test=d.settle_short_in(content, locale)))
            for d in assessment.not_ruled_out[:FIRST_OPEN]
        ]
        if len(assessment.not_ruled_out) > FIRST_OPEN:
            first.append(_item(msg("not_ruled_out_more", count=len(assessment.not_ruled_out) - FIRST_OPEN)))
    first.append(Line(text=msg("content_version_line", version=content.version)))

    guidance = {section.id: items for section, items in select_guidance(case, assessment, content)}
    sections: list[Section] = []
    for part in content.guidance.summary_sections:
        title = content.text(part.title, locale)
        if part.shows == "reasons":
            sections.append(Section(part.id, title, _reasons(case, assessment, content, locale, skipped,
                                                              someone_else, not_known), "reasons"))
        elif part.shows == "report":
            sections.append(Section(part.id, title, [], "report"))
        else:
            items = [item for name in part.guidance for item in guidance.get(name, [])]
            lines = [_item(content.text(item.text, locale)) for item in items]
            # what to ask the doctor about, beside the leading cause's own advice (user test
            # en 22: after a cancer, "what to do now" spoke only of wear of the joint)
            asked = [d for d in assessment.not_ruled_out if d.condition != assessment.shown[0].condition]
            if part.with_not_ruled_out and asked and lines:
                lines += [Line(text=msg("not_ruled_out_ask")), *_not_ruled_out_lines(asked, content, locale)]
            if lines:
                sections.append(Section(part.id, title, lines))
    return Summary(first, sections, assessment, content.version)


def _not_ruled_out_lines(dangers: list[NotRuledOut], content: Content, locale: str) -> list[Line]:
    """Each danger not ruled out yet, why, and the test that would settle it."""
    return [
        _item(content.message("not_ruled_out_line", locale,
                              name=content.text(content.conditions[d.condition].name, locale),
                              because="; ".join(d.because_in(content, locale)), test=d.settle_with_in(content, locale)))
        for d in dangers
    ]


def _item(text: str) -> Line:
    return Line(text=text, mark="item")


def _plain(*texts: str) -> list[Line]:
    return [Line(text=text) for text in texts]


def cause_line(content: Content, ranked: Ranked, locale: str = "en", assessment: Assessment | None = None) -> str:
    """"Transient thinning of the hip bone: very likely (over 95%)"; "A growth in the bone:
    needs checking soon" for a cause whose estimate is said as what it needs (`said_as`);
    "Infection in the joint: not ruled out yet" for a danger still open whose estimate is
    low, neither "unlikely" nor a small number beside the list of what is not ruled out
    (the report for the doctor keeps the number); and what alone can
    confirm a cause not yet confirmed ("...; only an MRI can confirm it")."""
    name = content.text(content.conditions[ranked.condition].name, locale)
    said = said_as(content, ranked.condition, ranked.probability, locale)
    if said is None and _open_and_low(content, ranked, assessment):
        said = content.message("open_band", locale)  # no number beside "not ruled out yet"
    if said is not None:
        return content.message("cause_line_said", locale, name=name, said=said)
    words = band_of(content, ranked, locale, assessment)
    note = content.conditions[ranked.condition].unconfirmed_note
    if not ranked.confirmed and note is not None and ranked.probability >= content.evidence.unconfirmed_noted_from:
        # "...: the most likely so far (83%); only an MRI can confirm it"
        return content.message("cause_line_unconfirmed", locale, name=name, band=words,
                               percent=percent(ranked.probability, content, locale), note=content.text(note, locale))
    return content.message("cause_line", locale, name=name, band=words,
                           percent=percent(ranked.probability, content, locale))


def band_of(content: Content, ranked: Ranked, locale: str = "en", assessment: Assessment | None = None) -> str:
    """The words for a cause's estimate: its band ("unlikely"), "not ruled out yet" for a
    danger still open whose estimate is low, or "the most likely so far" for a leading cause
    whose confirming test is not done. The same in the summary and the report."""
    if _open_and_low(content, ranked, assessment):
        return content.message("open_band", locale)
    if ranked.probability >= content.evidence.unconfirmed_said_from and (
            not ranked.confirmed or _leads_beside_an_open_danger(ranked, assessment)):
        return content.message("unconfirmed_band", locale)  # before its test: no "very likely"
    return band(content, ranked.probability, locale)


def _leads_beside_an_open_danger(ranked: Ranked, assessment: Assessment | None) -> bool:
    """A leading cause while another, dangerous one is not ruled out yet: "the most likely so
    far", not "likely" (user test en 22: "transient osteoporosis: likely (66%)" beside a CRP
    of 87 and an infection not ruled out)."""
    return assessment is not None and any(d.condition != ranked.condition for d in assessment.not_ruled_out)


def _open_and_low(content: Content, ranked: Ranked, assessment: Assessment | None) -> bool:
    """A dangerous cause not ruled out yet whose estimate is low: said "not ruled out yet"
    rather than by its band, and in the person's summary with no number (a low number
    beside an open danger reads as a reason not to go)."""
    return assessment is not None and ranked.probability < content.evidence.open_said_below and any(
        d.condition == ranked.condition for d in assessment.not_ruled_out)


def said_as(content: Content, condition: str, probability: float, locale: str = "en") -> str | None:
    """What the person is told for this cause instead of its estimate, if anything: from
    the condition's `said_as.from`, a growth in the bone "needs checking soon" rather than
    "very likely (over 95%)" (a number from a few answers is no way to hear it)."""
    wording = content.conditions[condition].said_as
    if wording is None or probability < wording.from_:
        return None
    return content.text(wording.text, locale)


def estimate_text(content: Content, condition: str, probability: float, locale: str = "en") -> str:
    """The estimate as the person sees it: "87%", "over 95%", or what it needs (`said_as`)."""
    return said_as(content, condition, probability, locale) or percent(probability, content, locale)


def band(content: Content, probability: float, locale: str = "en") -> str:
    """The words for an estimate: "very likely", "possible", "unlikely"."""
    chosen = next(b for b in content.evidence.bands if probability >= b.at_least)
    return content.text(chosen.label, locale)


def percent(probability: float, content: Content, locale: str = "en") -> str:
    """A probability as shown: never more certain than the evidence carries (no "100%")."""
    ceiling = content.evidence.shown_at_most
    if probability > ceiling:
        return content.message("percent_at_most", locale, percent=percent_text(ceiling, content, locale))
    if probability < 0.005:
        return "<" + percent_text(0.01, content, locale)
    return percent_text(probability, content, locale)


def _reasons(case: Case, assessment: Assessment, content: Content, locale: str,
             skipped: list[Question] | None, someone_else: bool = False,
             not_known: list[Question] | None = None) -> list[Line]:
    """Why these causes: the estimates, what the most likely cause is, the points for and
    against the leading ones, what is not ruled out and why, what was told and what was not
    asked."""

    def msg(key: str, **values: object) -> str:
        return content.message(key, locale, **values)

    group = content.text(assessment.prior_group.label, locale)
    lines = _plain(msg("prior_note", group=group), "")
    for rank, ranked in enumerate(assessment.shown[:FIRST_CAUSES]):
        lines.append(Line(text=cause_line(content, ranked, locale, assessment)))
        if rank == 0:  # what the most likely cause is, and what helps
            lines.append(Line(text=content.about(ranked.condition, case, locale), mark="about"))
        if rank == 0 and not ranked.reasons_for:
            # A leading estimate with no point for it reads as arbitrary (user test pt 24b):
            # say that it leads on the starting point alone.
            # ...as common there only if it is: a cause that leads because the answers made the
            # others less likely is not "common at this starting point" (session 29, d29: a
            # growth in the bone, 10% of the over-60s' starting point, first after a week's pain)
            possible = [r.condition for r in assessment.ranking if r.probability > 0]
            start = assessment.prior_group.probabilities
            first_at_start = max(possible, key=lambda c: start.get(c, 0.0)) == ranked.condition
            key = "leads_on_starting_point" if first_at_start else "leads_as_others_fell"
            lines.append(Line(text=msg(key, group=group), mark="for"))
        lines += [Line(text=r.text_in(content, locale), mark="for") for r in ranked.reasons_for[:MAX_REASONS]]
        lines += [Line(text=r.text_in(content, locale), mark="against")
                  for r in ranked.reasons_against[:MAX_REASONS]]
    others = [cause_line(content, r, locale, assessment) for r in assessment.shown[FIRST_CAUSES:]]
    if others:
        lines += _plain("", msg("other_causes_title") + ": " + "; ".join(others))
    if assessment.not_ruled_out:
        lines += _plain("", msg("not_ruled_out_title") + ":")
        lines += _not_ruled_out_lines(assessment.not_ruled_out, content, locale)
    told = [
        msg("answered", question=content.text(q.short, locale),
            answer=describe(content, q.id, recorded(case, q), locale, someone_else, case))
        for q in content.questions.values() if recorded(case, q) is not None or q in (not_known or [])
    ]
    lines += _plain("", msg("findings_title") + ":")
    lines += [_item(line) for line in told or [msg("not_answered")]]
    if skipped:
        lines += _plain("", msg("skipped_note", questions=", ".join(content.text(q.short, locale) for q in skipped)))
    lines += _plain("", msg("estimate_note_plain"), msg("reasons_version_line", version=content.version))
    return lines
