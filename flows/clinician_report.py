"""The report for the clinician, as a typed object: what the PDF and FHIR outputs say.

Who calls it: the channels, when a person asks for "Report for your doctor" (Telegram
sends it as a PDF, the terminal writes the file), and `itoh-bot assess --pdf/--fhir`.
Pure: the date is given by the caller; nothing is stored. It is written for a GP,
obstetrician, physiotherapist or radiologist: clinical terms first, the plain words the
person saw in brackets, the estimates with the findings and sources behind them.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date

from flows.answers import describe
from flows.assessment import Assessment, Reason
from flows.case import Case
from flows.content import Content
from flows.guidance import select_guidance
from flows.locale_format import date_text, number_text
from flows.recording import recorded
from flows.summary import band_of, level_reasons, level_words, percent

MAX_REASONS = 4
MAX_CITED = 3  # sources named after a reason; the rest are ", ..."
_PLAIN_THEN_TERM = re.compile(r"^(?P<plain>.+?)\s*\((?P<term>[^()]+)\)(?P<rest>[.:]?)$")


@dataclass(frozen=True)
class Estimate:
    condition: str
    term: str  # the clinical term
    probability: float
    shown: str  # "very likely (over 95%)"
    reasons_for: list[str]  # "finding text (LR 2.3; sources)"
    reasons_against: list[str]


@dataclass(frozen=True)
class OpenDanger:
    term: str
    because: list[str]
    settle_with: str


@dataclass(frozen=True)
class ClinicianReport:
    title: str
    made_on: str  # the date, formatted for the locale
    content_version: str
    who: list[str]  # "Sex at birth: female", "Age group: 30-39", "Pregnancy: third trimester"
    findings: list[str]  # the answers, clinical terms first
    differential: list[Estimate]
    red_flags: list[str]
    not_ruled_out: list[OpenDanger]
    level: str
    level_advice: str
    guidance: list[str]
    disclaimer: str
    headings: dict[str, str]  # section headings, in the locale
    # The full citation of every source named in the reasons ("Margaretten 2007: ..."), so a
    # clinician can look them up without the project's files (user test round 12).
    sources: list[str] = field(default_factory=list)
    # An end before the summary (a child, a replaced hip): why the assessment stopped and
    # what to rule out, in place of the differential, the dangers not ruled out and the
    # guidance, which are an adult's natural hip's (user test en 19). Empty: no such end.
    ended_early: str = ""
    # Why the level, when no warning sign or danger listed here sets it: a dangerous cause
    # likely enough on its own (the summary's "Why this level"; session 29, d29: AVN at 95%
    # was "Urgent" in the report with no reason given).
    level_why: str = ""


def clinical_first(text: str) -> str:
    """"Swelling inside the bone (bone marrow oedema)" -> "Bone marrow oedema (swelling inside the bone)".

    Content writes plain words first with the clinical term in brackets; a report for a
    clinician reads the other way round. Brackets that give examples ("such as CRP") are
    not a term and stay where they are.
    """
    match = _PLAIN_THEN_TERM.match(text.strip())
    if match is None or match["term"].lower().startswith(_EXAMPLES):
        return text
    term, plain = match["term"], match["plain"]
    return f"{_capital(term)} ({_lower(plain)}){match['rest']}"


# Words that open brackets giving examples, in every language offered.
_EXAMPLES = ("such as", "for example", "e.g.", "like ", "including", "como ", "por exemplo", "p. ex.", "incluindo")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lower(text: str) -> str:
    """Lower the first letter, unless the word is an abbreviation ("MRI", "X-ray" keeps its X)."""
    first = text.split(" ")[0]
    return text if first[:2].isupper() or "-" in first else text[:1].lower() + text[1:]


def clinical_answer(content: Content, question_id: str, value: object, locale: str, someone_else: bool = False,
                    case: Case | None = None) -> str:
    """An answer for the clinician: each chosen option, clinical term first, with the
    measurement it was read from (the temperature typed)."""
    values = value if isinstance(value, list) else [value]
    return ", ".join(clinical_first(describe(content, question_id, item, locale, someone_else, case))
                     for item in values)


ACRONYM_LETTERS = 5  # NICE, RCOG, SOGC, ASBMR: a guideline body's name this short is an acronym


def short_source(reference_id: str, kind: str = "") -> str:
    """"asadipooya_2017" -> "Asadipooya 2017"; a guideline body's short name in capitals
    ("nice_cg124_hip_fracture" -> "NICE", not "Nice"); a seed file -> "seed 000"."""
    if reference_id.endswith(".txt"):
        return f"seed {reference_id[:3]}"
    parts = reference_id.split("_")
    year = next((part for part in parts if part.isdigit() and len(part) == 4), "")
    name = parts[0].upper() if kind == "guideline" and len(parts[0]) <= ACRONYM_LETTERS else parts[0].capitalize()
    return f"{name} {year}".strip()


def build_report(
    case: Case, assessment: Assessment, content: Content, made_on: date, locale: str = "en",
    someone_else: bool = False, before_the_end: bool = False, at: str | None = None,
) -> ClinicianReport:
    """The report for a clinician; `someone_else`: a relative or a clinician gave the answers;
    `before_the_end`: made after an emergency warning, from the answers so far (said so, as
    what was not asked is not known); `at`: the conversation's state, which may be an end
    before the summary that the case does not show (a child's age of 8 is not recorded)."""

    def msg(key: str, **values: object) -> str:
        return content.message(key, locale, **values)

    who = []
    if case.sex is not None:
        who.append(msg("report_sex", sex=describe(content, "sex", case.sex, locale)))
    if case.age is not None:
        low = case.age // 10 * 10
        who.append(msg("report_age_group", low=low, high=low + 9))
    if case.pregnancy is not None:
        who.append(msg("report_pregnancy", status=clinical_answer(content, "pregnancy", case.pregnancy, locale,
                                                                          someone_else)))
    if case.breastfeeding is not None:
        who.append(msg("report_breastfeeding", answer=describe(content, "breastfeeding", case.breastfeeding, locale)))
    skipped = {"sex", "age", "pregnancy", "breastfeeding"}
    findings = [
        f"{content.text(q.short, locale)}: "
        f"{clinical_answer(content, q.id, recorded(case, q), locale, someone_else, case)}"
        for q in content.questions.values()
        if q.id not in skipped and recorded(case, q) is not None
    ]
    differential = [
        Estimate(
            condition=r.condition,
            term=content.text(content.conditions[r.condition].clinical_term, locale),
            probability=r.probability,
            shown=f"{band_of(content, r, locale, assessment)} ({percent(r.probability, content, locale)})",
            reasons_for=[_reason(content, reason, locale) for reason in r.reasons_for[:MAX_REASONS]],
            reasons_against=[_reason(content, reason, locale) for reason in r.reasons_against[:MAX_REASONS]],
        )
        for r in assessment.shown  # not the conditions impossible for the person
    ]
    open_dangers = [
        OpenDanger(content.text(content.conditions[d.condition].clinical_term, locale), d.because_in(content, locale),
                   d.settle_with_in(content, locale))
        for d in assessment.not_ruled_out
    ]
    level = level_words(content, assessment, case)
    set_by_listed = any(flag.level == assessment.triage for flag in assessment.red_flags) or any(
        danger.level == assessment.triage for danger in assessment.not_ruled_out)
    level_why = "" if set_by_listed else " ".join(level_reasons(case, assessment, content, locale))
    guidance = [_first_sentence(content.text(item.text, locale))
                for _, items in select_guidance(case, assessment, content) for item in items]
    sources = _sources_cited(content, assessment)
    # A child or a replaced hip ended the questions: the red flags, the level of care and
    # the findings are kept; a natural hip's differential, its open dangers and its
    # guidance give way to the end's own words (user test en 19).
    reached = content.flow_states.get(at) if at is not None else None
    end = reached if reached is not None and reached.report else content.early_end(case)
    ended_early = msg(end.report) if end is not None and end.report else ""
    if ended_early and end is not None:
        differential, open_dangers, guidance = [], [], []
        sources = _sources_of_the_end(content, end.id)
    headings = {key: msg(f"report_{key}") for key in (
        "who", "findings", "differential", "red_flags", "not_ruled_out", "level", "guidance", "disclaimer",
        "for", "against", "settle", "none", "sources_note", "sources", "ended")}
    made = date_text(made_on, content, locale)
    # Answered for the patient by a relative or a clinician: said where the report says whose answers
    headings["made"] = msg("report_made_for_someone_else" if someone_else else "report_made", date=made,
                           version=content.version)
    if before_the_end:
        headings["made"] += " " + msg("report_made_early")
    if someone_else:
        headings["findings"] = msg("report_findings_for_someone_else")
    return ClinicianReport(
        title=msg("report_title"), made_on=made, content_version=content.version, who=who,
        findings=findings, differential=differential,
        red_flags=[content.text(flag.title, locale) for flag in assessment.red_flags], not_ruled_out=open_dangers,
        level=content.text(level.label, locale), level_advice=content.text(level.advice, locale), guidance=guidance,
        disclaimer=msg("disclaimer"), headings=headings, sources=sources, ended_early=ended_early,
        level_why=level_why,
    )


def _sources_of_the_end(content: Content, end: str) -> list[str]:
    """The full citation of each paper or guideline behind the guards that lead to `end`."""
    cited = dict.fromkeys(source for transition in content.flow.transitions
                          if transition.dest == end and transition.guard is not None
                          for source in content.flow.guards[transition.guard].source)
    return _citations(content, list(cited))


def _sources_cited(content: Content, assessment: Assessment) -> list[str]:
    """Each paper or guideline the shown reasons cite (the first MAX_CITED of each, as
    `_reason` names them), once, as "Short name: full citation". A citation is given as
    published, in the language of the paper, in every language of the report."""
    cited = dict.fromkeys(source for r in assessment.shown for reason in (r.reasons_for[:MAX_REASONS]
                                                                         + r.reasons_against[:MAX_REASONS])
                          for source in list(dict.fromkeys(reason.source))[:MAX_CITED])
    return _citations(content, list(cited))


def _citations(content: Content, cited: list[str]) -> list[str]:
    """"Short name: full citation" of each source. The project's seed documents are
    explained by the sources note; they have no citation."""
    return [f"{short_source(source, content.references[source].kind)}: "
            f"{' '.join(content.references[source].citation.split())}"
            for source in cited if source in content.references and content.references[source].kind != "seed"]


def _reason(content: Content, reason: Reason, locale: str) -> str:
    sources = list(dict.fromkeys(short_source(s, content.references[s].kind if s in content.references else "")
                                 for s in reason.source))
    cited = ", ".join(sources[:MAX_CITED]) + (", ..." if len(sources) > MAX_CITED else "")
    basis = content.message(f"basis_{reason.basis}", locale)
    ratio = ratio_text(reason.likelihood_ratio, content, locale)
    return f"{clinical_first(reason.text_in(content, locale))} (LR {ratio}; {basis}; {cited})"


def ratio_text(ratio: float, content: Content, locale: str) -> str:
    """A likelihood ratio to 2 significant figures, written the locale's way: 2.8 is "2,8" in
    Portuguese, 0.45 "0,45", 12 "12" (never "1.5e+02")."""
    decimals = max(0, 1 - math.floor(math.log10(abs(ratio)))) if ratio else 0
    return number_text(round(ratio, decimals), content, locale, decimals=decimals)


def _first_sentence(text: str) -> str:
    """Guidance in the report is listed by its first sentence; the person has the full text."""
    match = re.match(r"(.+?[.!?])(\s|$)", text)
    return match.group(1) if match else text
