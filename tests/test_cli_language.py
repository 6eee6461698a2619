"""Issue 18 at the command line: `itoh-bot demo --lang pt`, the terminal's LANG and
LC_ALL, and `itoh-bot assess --lang pt` with its PDF and FHIR.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader

from flows.content import get_content

ROOT = Path(__file__).resolve().parents[1]
ITOH_BOT = Path(sys.executable).parent / "itoh-bot"
DONT_KNOW_THROUGHOUT = "não sei\n" * 25


def run(*args: str, stdin: str | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    command = [str(ITOH_BOT)] if ITOH_BOT.exists() else [sys.executable, "-m", "bot.cli"]
    environment = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL")}
    environment.update(env or {})
    return subprocess.run([*command, *args], input=stdin, capture_output=True, text=True, timeout=60, cwd=ROOT,
                          env=environment)


def test_demo_lang_pt_answered_nao_sei_throughout_reaches_a_portuguese_summary() -> None:
    content = get_content()
    result = run("demo", "--lang", "pt", stdin=DONT_KNOW_THROUGHOUT)
    assert result.returncode == 0, result.stderr
    assert content.message("welcome", "pt") in result.stdout
    assert content.message("disclaimer", "pt") in result.stdout
    # (every answer "não sei": the common causes are named without estimates, session 22)
    assert content.message("first_causes_title_little_known", "pt") in result.stdout
    assert content.message("disclaimer", "en") not in result.stdout
    assert "Traceback" not in result.stderr


def test_the_terminals_locale_chooses_when_no_flag_is_given() -> None:
    content = get_content()
    portuguese = run("demo", stdin="/quit\n", env={"LANG": "pt_PT.UTF-8"})
    assert content.message("welcome", "pt") in portuguese.stdout
    overridden = run("demo", stdin="/quit\n", env={"LANG": "pt_PT.UTF-8", "LC_ALL": "en_GB.UTF-8"})
    assert content.message("welcome", "en") in overridden.stdout
    flag_wins = run("demo", "--lang", "en", stdin="/quit\n", env={"LANG": "pt_PT.UTF-8"})
    assert content.message("welcome", "en") in flag_wins.stdout


def test_assess_lang_pt_writes_the_summary_pdf_and_fhir_in_portuguese(tmp_path: Path) -> None:
    content = get_content()
    case = tmp_path / "case.yaml"
    case.write_text("sex: female\nage: 33\npregnancy: trimester_3\nside: left\nmri: [bone_marrow_oedema]\n")
    pdf, fhir = tmp_path / "report.pdf", tmp_path / "report.json"
    result = run("assess", str(case), "--lang", "pt", "--pdf", str(pdf), "--fhir", str(fhir))
    assert result.returncode == 0, result.stderr
    assert content.text(content.conditions["itoh"].name, "pt") in result.stdout
    assert content.message("disclaimer", "pt") in result.stdout
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    assert content.message("report_title", "pt") in text
    assert re.search(r"\d{1,2} de [a-zç]+ de 20\d\d", text)  # the date in words, in Portuguese
    bundle = json.loads(fhir.read_text())
    risk = bundle["entry"][1]["resource"]
    assert risk["language"] == "pt-PT"
    assert risk["prediction"][0]["outcome"]["text"] == content.text(content.conditions["itoh"].name, "pt")


def test_a_brazilian_terminal_gets_brazilian_portuguese_and_its_report_says_so(tmp_path: Path) -> None:
    content = get_content()
    brazilian = run("demo", stdin="/quit\n", env={"LANG": "pt_BR.UTF-8"})
    assert content.message("welcome", "pt-BR") in brazilian.stdout
    assert content.message("welcome", "pt-BR") != content.message("welcome", "pt")  # the test can tell them apart
    case = tmp_path / "case.yaml"
    case.write_text("sex: female\nage: 33\npregnancy: trimester_3\nside: left\nmri: [bone_marrow_oedema]\n")
    pdf, fhir = tmp_path / "report.pdf", tmp_path / "report.json"
    result = run("assess", str(case), "--lang", "pt-BR", "--pdf", str(pdf), "--fhir", str(fhir))
    assert result.returncode == 0, result.stderr
    itoh = content.text(content.conditions["itoh"].name, "pt-BR")
    assert "quadril" in itoh and itoh in result.stdout
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    assert content.message("report_title", "pt-BR") in text
    assert not re.search(r"(?<!\w)anca(?!\w)", text + result.stdout)
    risk = json.loads(fhir.read_text())["entry"][1]["resource"]
    assert risk["language"] == "pt-BR"
    assert risk["prediction"][0]["outcome"]["text"] == itoh
