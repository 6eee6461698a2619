"""The clinician report as a file: its name and its PDF bytes, made on request, never stored."""

from __future__ import annotations

from datetime import date

from bot.reports.pdf import render_pdf
from flows.assessment import assess
from flows.case import Case
from flows.clinician_report import build_report
from flows.content import Content


def report_pdf(case: Case, content: Content, locale: str = "en", made_on: date | None = None,
               someone_else: bool = False, before_the_end: bool = False, at: str | None = None) -> tuple[str, bytes]:
    """("hip-pain-report-2026-12-01.pdf", the PDF) for this case, as of `made_on` (today);
    `someone_else`: a relative or a clinician gave the answers; `before_the_end`: asked for
    after an emergency warning, before the questions were all answered; `at`: the
    conversation's state (an end before the summary: a child, a replaced hip)."""
    day = made_on or date.today()
    report = build_report(case, assess(case, content), content, day, locale, someone_else, before_the_end, at)
    return f"{content.message('report_file_name', locale)}-{day.isoformat()}.pdf", render_pdf(report)
