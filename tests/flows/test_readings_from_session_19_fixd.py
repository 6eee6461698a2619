"""Session 19 (fixd): the ends before the summary (a replaced hip, a child). A report made
after one says why the assessment stopped and what to rule out, not a natural hip's or an
adult's differential, open dangers and guidance; the child's end fits a child (no pregnancy
for a boy of 13; a limp or a knee's pain seen today); a later message meets a line, not the
whole end again. Each rule both ways."""

from __future__ import annotations

from datetime import date

import pytest

from flows.assessment import assess
from flows.case import Case
from flows.clinician_report import ClinicianReport, build_report
from flows.dialogue import get_engine
from tests.support.conversation import Conversation, talk

ENGINE = get_engine()
CONTENT = ENGINE.content
DAY = date(2026, 12, 3)


def report_of(conv: Conversation, language: str = "en") -> ClinicianReport:
    session = conv.session
    assert session is not None
    return build_report(session.case, assess(session.case, CONTENT), CONTENT, DAY, language,
                        session.for_someone_else, session.before_the_summary, session.state)


def end_text(conv: Conversation) -> str:
    assert conv.session is not None
    return " ".join(r.text for _, replies in conv.transcript for r in replies if r.kind == "end")


# --- the report after an early end ----------------------------------------------------------


DAD = ("for my dad, 81", "he had his left hip replaced 2 yrs ago. last 3 days its really sore and he's a bit "
       "confused today, 38.4 this morning", "yes")


def test_a_replaced_hip_s_report_says_why_it_stopped_and_gives_no_natural_hip_differential() -> None:
    conv = talk(*DAD)
    assert conv.state == "replaced_hip"
    report = report_of(conv)
    assert report.ended_early == CONTENT.message("report_ended_replaced_hip")
    assert "periprosthetic joint infection" in report.ended_early and "periprosthetic fracture" in report.ended_early
    assert report.differential == [] and report.not_ruled_out == [] and report.guidance == []
    # kept: the red flags, the level of care and what was reported
    assert {"Fever with hip pain", "New confusion"} <= set(report.red_flags)
    assert report.level == CONTENT.text(CONTENT.triage.levels["emergency"].label, "en")
    assert any("hip replacement" in finding for finding in report.findings)
    assert any(source.startswith("Mushtaq 2019") for source in report.sources)


def test_a_natural_hip_s_report_still_has_its_differential() -> None:
    conv = talk("for my dad, 81", "left hip. last 3 days its really sore and he's a bit confused today, "
                "38.4 this morning", "yes")
    assert conv.state not in ("replaced_hip", "out_of_scope")
    report = report_of(conv)
    assert report.ended_early == ""
    assert report.differential and report.not_ruled_out and report.guidance


def test_a_replaced_hip_s_pdf_says_so_and_lists_no_differential() -> None:
    from pypdf import PdfReader

    from bot.reports.files import report_pdf

    conv = talk(*DAD)
    assert conv.session is not None
    _, pdf = report_pdf(conv.session.case, CONTENT, "en", DAY, someone_else=True, before_the_end=True,
                        at=conv.session.state)
    import io
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(pdf)).pages)
    assert CONTENT.message("report_ended") in text and "periprosthetic" in text
    assert CONTENT.message("report_differential") not in text and "Femoral neck fracture" not in text
    assert CONTENT.message("report_guidance") not in text and "Fever with hip pain" in text


def test_a_case_file_with_a_replaced_hip_gives_the_end_in_its_report_and_fhir() -> None:
    from bot.reports.fhir import bundle

    case = Case(sex="female", age=75, artificial_hip=True, fever=True)
    report = build_report(case, assess(case, CONTENT), CONTENT, DAY)
    assert report.ended_early and report.differential == []
    risk = bundle(case, assess(case, CONTENT), CONTENT, DAY.isoformat())["entry"][1]["resource"]
    assert "prediction" not in risk and risk["note"][0]["text"] == CONTENT.message("report_ended_replaced_hip")
    natural = Case(sex="female", age=75, fever=True)
    assert build_report(natural, assess(natural, CONTENT), CONTENT, DAY).ended_early == ""
    assert bundle(natural, assess(natural, CONTENT), CONTENT, DAY.isoformat())["entry"][1]["resource"]["prediction"]


def test_a_child_s_report_says_why_it_stopped_even_when_the_age_was_not_recorded() -> None:
    conv = talk("male", "8", "he has a fever of 39 and cant walk")  # under 12: nothing recorded
    assert conv.state == "out_of_scope" and conv.session is not None and conv.session.case.age is None
    report = report_of(conv)
    assert report.ended_early == CONTENT.message("report_ended_out_of_scope")
    assert "slipped upper femoral epiphysis" in report.ended_early
    assert report.differential == [] and report.guidance == [] and report.red_flags
    assert any(source.startswith("Peck 2017") for source in report.sources)
    adult = talk("male", "38", "he has a fever of 39 and cant walk")
    assert report_of(adult).ended_early == "" and report_of(adult).differential


def test_a_replaced_hip_s_report_in_portuguese_and_brazilian() -> None:
    conv = talk("Escrevo pela minha mãe, tem 72 anos, prótese na anca direita há 2 anos. Desde ontem tem "
                "muitas dores e febre 38.5", "2", language="pt")
    assert conv.state == "replaced_hip"
    assert "infeção periprotésica" in report_of(conv, "pt").ended_early
    assert "infecção periprotética" in report_of(conv, "pt-BR").ended_early


# --- the child's end --------------------------------------------------------------------------


def test_a_boy_of_13_limping_is_told_to_be_seen_today_and_nothing_of_pregnancy() -> None:
    conv = talk("asking for my son hes 13")
    assert conv.state == "out_of_scope"
    said = end_text(conv)
    assert "seen by a doctor today" in said and "knee" in said and "slipped upper femoral epiphysis" in said
    assert "pregnan" not in said.lower() and "midwife" not in said and "{also}" not in said


@pytest.mark.parametrize("first", ["asking for my daughter shes 15", "im 16 and 30 weeks pregnant"])
def test_a_girl_or_a_pregnant_teenager_is_told_of_the_maternity_team(first: str) -> None:
    conv = talk(first)
    assert conv.state == "out_of_scope"
    assert CONTENT.message("out_of_scope_pregnancy") in end_text(conv)


def test_a_brazilian_boy_is_not_told_of_pregnancy_and_a_girl_is() -> None:
    boy = talk("meu filho tem 13 anos", language="pt-BR")
    girl = talk("minha filha tem 15 anos", language="pt-BR")
    assert boy.state == girl.state == "out_of_scope"
    assert "pré-natal" not in end_text(boy) and "quadril" in end_text(boy)
    assert "pré-natal" in end_text(girl)


def test_the_pregnancy_guard_both_ways() -> None:
    guard = CONTENT.guards["could_be_pregnant_young"]
    assert guard(Case(sex="female", age=15)) and guard(Case(age=14)) and guard(Case(sex="male", pregnancy="postpartum"))
    assert not guard(Case(sex="male", age=13)) and not guard(Case(sex="female"))


# --- after the end: a line, not the whole end again -----------------------------------------


@pytest.mark.parametrize("later", ["thanks", "hes been limping for about 3 weeks, says his knee hurts mostly, "
                                   "left side. hes a big lad", "ok", "cheers mate"])
def test_a_message_after_the_child_s_end_meets_a_line(later: str) -> None:
    conv = talk("asking for my son hes 13")
    assert [r.code for r in conv.say(later)] == ["ended_again"]


@pytest.mark.parametrize(("language", "later"), [("en", "so what now"), ("en", "what should i do"),
                                                 ("pt", "e agora?"), ("pt-BR", "e agora o que eu faço")])
def test_asking_what_now_after_the_end_is_told_the_end_again(language: str, later: str) -> None:
    first = {"en": "asking for my son hes 13", "pt": "é para o meu filho de 13 anos",
             "pt-BR": "meu filho tem 13 anos"}[language]
    conv = talk(first, language=language)
    assert conv.state == "out_of_scope"
    assert [r.code for r in conv.say(later)] == ["out_of_scope"]


def test_a_warning_sign_after_the_end_is_warned_of_and_the_end_leads_with_go_today() -> None:
    conv = talk("asking for my son hes 13")
    codes = [r.code for r in conv.say("he has a fever of 39 now")]
    assert "ended_go_today" in codes and codes[-1] == "out_of_scope" and "ended_again" not in codes


def test_a_message_after_an_end_with_a_warning_still_leads_with_go_today() -> None:
    conv = talk(*DAD)
    assert [r.code for r in conv.say("thanks")] == ["ended_go_today", "ended_again"]
    calm = talk("I had a hip replacement on the right 3 years ago, it aches when I walk, 71 female")
    assert [r.code for r in calm.say("thanks")] == ["ended_again"]
