"""The clinician report as an A4 PDF, made in memory with fpdf2 and never written by the bot.

Who calls it: Telegram's "Report for the doctor" (sent as a document), the terminal's
/report and `itoh-bot assess --pdf`. One to two pages: the built-in Helvetica keeps the
file small and needs no font file, so text is brought to Latin-1 first (typographic
dashes, arrows and bullets become their ASCII forms; Portuguese letters are Latin-1).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from flows.clinician_report import ClinicianReport

if TYPE_CHECKING:
    from fpdf import FPDF

_ASCII = str.maketrans({"–": "-", "—": "-", "→": "->", "≥": ">=", "≤": "<=", "•": "-", "’": "'", "‘": "'",
                        "“": '"', "”": '"', "…": "...", "⚠": "!", "️": "", "✅": "", "█": "#", "░": "."})
BODY, SMALL, HEADING = 9, 7.5, 10.5
WIDTH = 180  # mm of text across an A4 page with 15 mm margins


def latin1(text: str) -> str:
    text = text.translate(_ASCII)
    return text.encode("latin-1", "replace").decode("latin-1")


def render_pdf(report: ClinicianReport) -> bytes:
    from fpdf import FPDF  # lazy: fpdf2 takes a fifth of a second to import, and only a report needs it

    pdf = FPDF(format="A4")
    pdf.set_margins(15, 12, 15)
    pdf.set_auto_page_break(auto=True, margin=12)
    pdf.set_title(latin1(report.title))
    pdf.set_creator("itoh-bot")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 13)
    pdf.multi_cell(WIDTH, 6, latin1(report.title), new_x="LMARGIN", new_y="NEXT")
    _text(pdf, report.headings.get("made", ""), SMALL)

    def heading(key: str) -> None:
        pdf.ln(1.5)
        pdf.set_font("Helvetica", "B", HEADING)
        pdf.multi_cell(WIDTH, 5, latin1(report.headings[key]), new_x="LMARGIN", new_y="NEXT")

    heading("level")
    _text(pdf, report.level, BODY, bold=True)
    _text(pdf, report.level_advice, BODY)
    if report.level_why:
        _text(pdf, report.level_why, BODY)
    if report.red_flags:
        heading("red_flags")
        for flag in report.red_flags:
            _text(pdf, f"- {flag}", BODY)
    if report.not_ruled_out:
        heading("not_ruled_out")
        for danger in report.not_ruled_out:
            _text(pdf, f"- {danger.term}: {'; '.join(danger.because)}. "
                       f"{report.headings['settle'].capitalize()}: {danger.settle_with}.", BODY)
    if report.ended_early:  # a child, a replaced hip: why it stopped, in place of the differential
        heading("ended")
        _text(pdf, report.ended_early, BODY)
    heading("who")
    _text(pdf, "; ".join(report.who) or report.headings.get("none", "-"), BODY)
    heading("findings")
    for finding in report.findings:
        _text(pdf, f"- {finding}", BODY)
    if report.differential:
        heading("differential")
    for estimate in report.differential:
        _text(pdf, f"{estimate.term}: {estimate.shown}", BODY, bold=True)
        for reason in estimate.reasons_for:
            _text(pdf, f"   + ({report.headings['for']}) {reason}", SMALL)
        for reason in estimate.reasons_against:
            _text(pdf, f"   - ({report.headings['against']}) {reason}", SMALL)
    if report.differential and "sources_note" in report.headings:  # what "LR", a basis and "seed 000" mean
        _text(pdf, report.headings["sources_note"], SMALL)
    if report.guidance:
        heading("guidance")
    for item in report.guidance:
        _text(pdf, f"- {item}", SMALL)
    if report.sources:
        heading("sources")
        for source in report.sources:
            _text(pdf, source, SMALL)
    heading("disclaimer")
    _text(pdf, report.disclaimer, SMALL)
    return bytes(pdf.output())


def _text(pdf: FPDF, text: str, size: float, bold: bool = False) -> None:
    pdf.set_font("Helvetica", "B" if bold else "", size)
    pdf.multi_cell(WIDTH, size * 0.45, latin1(text), new_x="LMARGIN", new_y="NEXT")
