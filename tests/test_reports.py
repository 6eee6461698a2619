"""The report for the clinician (issue 17): a PDF of one or two A4 pages with every required
part, and a FHIR Bundle that validates; both from `itoh-bot assess` as a user runs it."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.questionnaire import Questionnaire
from pypdf import PdfReader

from bot.reply_text import lines_text
from bot.reports.fhir import bundle, questionnaire
from bot.reports.pdf import render_pdf
from flows.assessment import assess
from flows.case import Case
from flows.case_files import read_vignettes
from flows.clinician_report import build_report, clinical_first
from flows.content import get_content
from flows.locale_format import date_text
from flows.summary import level_words

ROOT = Path(__file__).resolve().parents[1]
CONTENT = get_content()
SEEDS = {v.id: v.case for v in read_vignettes(ROOT / "tests/vignettes/seeds.yaml")}
CASES = {
    **SEEDS,
    "pregnancy-no-scan": Case(sex="female", age=31, pregnancy="trimester_3", side="both", trauma=False),
    "fracture": Case(sex="female", age=79, trauma=True, unable_to_bear_weight=True, xray=["fracture_line"],
                     known_osteoporosis=True, glucocorticoids=True),
    "infection": Case(sex="male", age=58, fever=True, hot_swollen_joint=True, immunosuppressed=True,
                      inflammatory_markers="markedly_raised", white_cell_count="raised", duration_weeks=0.4),
}
DAY = date(2026, 12, 1)


def pdf_text(case: Case, language: str = "en") -> tuple[str, int]:
    reader = PdfReader(io.BytesIO(render_pdf(build_report(case, assess(case, CONTENT), CONTENT, DAY, language))))
    return "\n".join(page.extract_text() for page in reader.pages), len(reader.pages)


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("language", list(CONTENT.languages))
@pytest.mark.parametrize("name", sorted(CASES))
def test_the_pdf_has_every_part_on_at_most_two_pages(name: str, language: str) -> None:
    case = CASES[name]
    assessment = assess(case, CONTENT)
    text, pages = pdf_text(case, language)
    shown = flat(text)
    assert pages <= 2
    for heading in ("who", "findings", "differential", "level", "guidance", "disclaimer"):
        assert flat(CONTENT.message(f"report_{heading}", language)) in shown, heading
    assert flat(CONTENT.text(level_words(CONTENT, assessment, case).label, language)) in shown
    for ranked in assessment.shown:  # the differential (the causes possible for the person), clinical terms first
        assert flat(CONTENT.text(CONTENT.conditions[ranked.condition].clinical_term, language)) in shown
    if assessment.red_flags:
        assert flat(CONTENT.message("report_red_flags", language)) in shown
    if assessment.not_ruled_out:
        assert flat(CONTENT.message("report_not_ruled_out", language)) in shown
    assert CONTENT.version in shown and date_text(DAY, CONTENT, language) in shown
    assert flat(CONTENT.message("disclaimer", language))[:80] in shown
    assert "LR " in shown  # the findings behind the estimates, with their strength


def test_the_pdf_names_pregnancy_and_the_findings_for_a_clinician() -> None:
    text = flat(pdf_text(SEEDS["seed-003"])[0])
    assert "Postpartum" in text and "Bone marrow oedema" in text


def test_clinical_terms_come_first() -> None:
    assert clinical_first("Fluid in the joint (joint effusion)") == "Joint effusion (fluid in the joint)"
    assert clinical_first("MRI scan") == "MRI scan"
    example = "Blood tests (such as CRP, ESR or a blood count)"
    assert clinical_first(example) == example
    assert clinical_first("MRI shows fluid (joint effusion)") == "Joint effusion (MRI shows fluid)"
    # In Portuguese too: brackets of examples stay; a clinical term comes first.
    exemplo = "Análises ao sangue (como PCR, VS ou hemograma)"
    assert clinical_first(exemplo) == exemplo
    assert clinical_first("Líquido na articulação (derrame articular)") == "Derrame articular (líquido na articulação)"


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_fhir_bundle_validates_and_carries_the_answers_and_the_estimates(name: str) -> None:
    case = CASES[name]
    assessment = assess(case, CONTENT)
    built = bundle(case, assessment, CONTENT, DAY.isoformat())
    parsed = Bundle.model_validate(built)  # a resource that is not valid FHIR fails here
    assert parsed.type == "collection"
    response, risk = (entry.resource for entry in parsed.entry)
    asked = {question["linkId"] for question in questionnaire(CONTENT)["item"]}
    assert {item.linkId for item in response.item} <= asked
    assert response.questionnaire.endswith(CONTENT.version)
    predictions = {p.outcome.coding[0].code: p.probabilityDecimal for p in risk.prediction}
    # Every condition possible for the person (pregnancy-related pain is not, for a man or
    # a woman known not to be pregnant), and together they make 1.
    assert set(predictions) == {r.condition for r in assessment.shown}
    assert sum(float(v) for v in predictions.values()) == pytest.approx(1, abs=0.001)
    assert risk.basis[0].reference == parsed.entry[0].fullUrl
    assert built["meta"]["tag"][0]["code"] == CONTENT.version


def test_the_questionnaire_validates_with_every_question_and_option() -> None:
    built = Questionnaire.model_validate(questionnaire(CONTENT))
    assert [item.linkId for item in built.item] == list(CONTENT.questions)
    mri = next(item for item in built.item if item.linkId == "mri")
    assert mri.repeats and {o.valueCoding.code for o in mri.answerOption} >= {"bone_marrow_oedema", "not_done"}


def run(*args: str) -> subprocess.CompletedProcess[str]:
    itoh_bot = Path(sys.executable).parent / "itoh-bot"
    return subprocess.run([str(itoh_bot), *args], capture_output=True, text=True, timeout=60, cwd=ROOT)


def test_assess_writes_the_pdf_and_the_fhir_bundle(tmp_path: Path) -> None:
    case_file = tmp_path / "case.yaml"
    case_file.write_text("sex: female\nage: 33\npregnancy: postpartum\nside: both\nmri: [bone_marrow_oedema]\n")
    result = run("assess", str(case_file), "--pdf", str(tmp_path / "r.pdf"), "--fhir", str(tmp_path / "r.json"),
                 "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["content_version"] == CONTENT.version
    assert len(PdfReader(tmp_path / "r.pdf").pages) <= 2
    Bundle.model_validate(json.loads((tmp_path / "r.json").read_text()))
    unwritable = run("assess", str(case_file), "--pdf", str(tmp_path / "missing" / "r.pdf"))
    assert unwritable.returncode == 2 and "cannot write" in unwritable.stderr and "Traceback" not in unwritable.stderr


def test_questionnaire_command_prints_the_fhir_questionnaire() -> None:
    result = run("questionnaire", "--fhir")
    assert result.returncode == 0, result.stderr
    Questionnaire.model_validate(json.loads(result.stdout))


# --- the fit review (user test): numbers the locale's way, sources explained, no file paths ----


@pytest.mark.parametrize(("ratio", "en", "pt"), [(2.8, "2.8", "2,8"), (0.452, "0.45", "0,45"), (12.3, "12", "12"),
                                                 (150.0, "150", "150"), (0.0451, "0.045", "0,045")])
def test_likelihood_ratios_are_written_the_locales_way(ratio: float, en: str, pt: str) -> None:
    from flows.clinician_report import ratio_text

    assert ratio_text(ratio, CONTENT, "en") == en
    assert ratio_text(ratio, CONTENT, "pt") == pt


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_portuguese_pdf_writes_no_decimal_point_in_a_likelihood_ratio(name: str) -> None:
    import re

    text, _ = pdf_text(CASES[name], "pt")
    assert not re.search(r"LR \d+\.\d", flat(text)), name
    assert re.search(r"LR \d+(,\d+)?;", flat(text))


@pytest.mark.parametrize("language", list(CONTENT.languages))
def test_the_pdf_says_what_a_seed_is(language: str) -> None:
    text, _ = pdf_text(CASES["seed-000"], language)
    shown = flat(text)
    assert "seed 00" in shown
    assert flat(CONTENT.message("report_sources_note", language)) in shown


@pytest.mark.parametrize("language", list(CONTENT.languages))
@pytest.mark.parametrize("name", sorted(CASES))
def test_the_persons_summary_names_no_file(name: str, language: str) -> None:
    from flows.summary import build_summary

    case = CASES[name]
    summary = build_summary(case, assess(case, CONTENT), CONTENT, language)
    shown = lines_text(summary.first + [line for section in summary.sections for line in section.lines])
    assert ".md" not in shown and "content/" not in shown and ".yaml" not in shown


def test_the_report_cites_in_full_every_paper_its_reasons_name_and_no_seed_description() -> None:
    """A clinician cannot open references.yaml: each paper or guideline named after a reason
    ("Margaretten 2007") is cited in full under Sources (user test round 12)."""
    from flows.clinician_report import build_report, short_source

    case = Case(sex="male", age=45, side="left", fever=True, onset="sudden")
    assessment = assess(case, CONTENT)
    report = build_report(case, assessment, CONTENT, date(2026, 12, 2))
    named = {name.strip() for estimate in report.differential
             for reason in estimate.reasons_for + estimate.reasons_against
             for name in reason.rsplit(";", 1)[-1].rstrip(")").split(",") if name.strip() not in ("...", "")}
    cited = {source.split(":", 1)[0] for source in report.sources}
    papers = {short_source(r.id, r.kind) for r in CONTENT.references.values() if r.kind != "seed"}
    assert named & papers and named & papers <= cited
    assert not any(source.startswith("seed ") for source in report.sources)
    assert "Margaretten 2007: Margaretten ME" in "\n".join(report.sources)
