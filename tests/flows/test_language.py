"""Issue 18: the language a conversation is in, how it is chosen and changed, and the
content check that no text lacks a language offered.
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from bot.reply_text import lines_text
from flows.content import ContentError, default_root, get_content, load_content
from flows.dialogue import get_engine, step
from flows.language import language_named, language_of_environment, language_of_tag
from flows.locale_format import date_text, number_text, percent_text
from flows.messages import UserInput
from flows.session import Session
from flows.summary import percent

ENGINE = get_engine()


@pytest.mark.parametrize(("tag", "language"), [
    ("pt", "pt"), ("pt-PT", "pt"), ("pt_PT.UTF-8", "pt"), ("pt-AO", "pt"), ("pt-MZ", "pt"),
    ("pt-BR", "pt-BR"), ("PT-br", "pt-BR"), ("pt_BR.utf8@euro", "pt-BR"), ("pt_BR.UTF-8", "pt-BR"),
    ("en", "en"), ("en-GB", "en"), ("de", "en"), ("es-ES", "en"), ("", "en"), (None, "en"), ("C", "en"),
    ("C.UTF-8", "en"), ("POSIX", "en"),
])
def test_a_tag_chooses_brazilian_portuguese_for_brazil_portuguese_for_the_rest_and_english_otherwise(
        tag: str | None, language: str) -> None:
    assert language_of_tag(tag, get_content()) == language


def test_lc_all_overrides_lang_and_an_empty_one_is_skipped() -> None:
    content = get_content()
    assert language_of_environment({"LANG": "pt_PT.UTF-8"}, content) == "pt"
    assert language_of_environment({"LANG": "pt_PT.UTF-8", "LC_ALL": "en_US.UTF-8"}, content) == "en"
    assert language_of_environment({"LANG": "en_GB.UTF-8", "LC_ALL": ""}, content) == "en"
    assert language_of_environment({"LC_ALL": "pt_BR.UTF-8", "LANG": "en_GB.UTF-8"}, content) == "pt-BR"
    assert language_of_environment({}, content) == "en"


@pytest.mark.parametrize(("typed", "language"), [
    ("Português", "pt"), ("portugues", "pt"), ("PT", "pt"), ("english", "en"), ("Inglês", "en"), ("klingon", None),
    ("português do Brasil", "pt-BR"), ("brasileiro", "pt-BR"), ("pt-br", "pt-BR"), ("Português (Brasil)", "pt-BR"),
])
def test_a_language_is_named_in_either_language(typed: str, language: str | None) -> None:
    assert language_named(typed, get_content()) == language


def test_numbers_percentages_and_dates_follow_the_locale() -> None:
    content = get_content()
    assert number_text(39.2, content, "pt") == "39,2"
    assert number_text(39.2, content, "en") == "39.2"
    assert number_text(3.0, content, "pt") == "3"
    assert percent_text(0.874, content, "pt") == "87%"
    assert date_text(date(2026, 12, 1), content, "pt") == "1 de dezembro de 2026"
    assert date_text(date(2026, 12, 1), content, "en") == "1 December 2026"
    assert percent(0.999, content, "pt").startswith("mais de ")  # never "100%", in words of the language


def talk(session: Session | None, *said: str, language: str | None = None) -> tuple[Session, list[str]]:
    texts: list[str] = []
    for text in said:
        user_input = UserInput(kind="command", text=text[1:], language=language) if text.startswith("/") else \
            UserInput(kind="text", text=text, language=language)
        session, replies = step(session, user_input, ENGINE)
        texts += [r.text for r in replies]
    assert session is not None
    return session, texts


def test_the_channels_language_chooses_only_at_the_first_message() -> None:
    content = get_content()
    session, texts = talk(None, "/start", language="pt-PT")
    assert session.locale == "pt" and texts[0] == content.message("welcome", "pt")
    # A later message with another language_code (the app switched) changes nothing.
    session, texts = talk(session, "female", language="pt-BR")
    assert session.locale == "pt" and session.case.sex == "female"
    assert content.text(content.questions["age"].text, "pt") in texts[-1]


def test_language_mid_conversation_keeps_the_answers_and_asks_again_in_the_new_one() -> None:
    content = get_content()
    session, _ = talk(None, "/start", "female", "34")
    before = session.case.model_copy()
    state = session.state
    session, texts = talk(session, "/language")
    assert session.mode == "choosing_language"
    assert texts[-1] == content.message("language_choose", "en")
    session, texts = talk(session, "português")
    assert session.locale == "pt" and session.mode == "asking"
    assert session.case == before and session.state == state
    assert texts[0] == content.message("language_set", "pt")
    question = content.questions[get_engine_question(state)]
    assert content.text(question.text, "pt") in texts[-1]
    # Answers are now read in Portuguese, and /restart keeps the language.
    session, _ = talk(session, "não estou grávida")
    assert session.case.pregnancy == "not_pregnant"
    session, texts = talk(session, "/restart")
    assert session.locale == "pt" and session.case.sex is None
    assert content.text(content.questions["sex"].text, "pt") in texts[-1]


def test_language_by_button_and_cancel_return_to_where_the_person_was() -> None:
    content = get_content()
    session, _ = talk(None, "/start", "male")
    session, _ = talk(session, "/language")
    menu_step = session.step
    session, replies = step(session, UserInput.button(menu_step, "l:1"), ENGINE)
    assert session.locale == "pt" and session.state == "age"
    assert content.text(content.questions["age"].text, "pt") in replies[-1].text
    session, _ = talk(session, "/language")
    session, replies = step(session, UserInput.button(session.step, "cancel"), ENGINE)
    assert session.locale == "pt" and session.mode == "asking" and session.state == "age"
    # A forged language index changes nothing.
    session, _ = talk(session, "/language")
    unchanged = session.model_copy(deep=True)
    after, _ = step(session, UserInput.button(session.step, "l:9"), ENGINE)
    assert after.locale == unchanged.locale and after.case == unchanged.case


def test_language_before_the_first_question_then_the_welcome_comes_in_it() -> None:
    content = get_content()
    session, texts = talk(None, "/language")
    assert texts[-1] == content.message("language_choose", "en")
    session, texts = talk(session, "2")
    assert session.locale == "pt" and session.started
    assert content.message("welcome", "pt") in texts


def test_an_error_is_in_the_language_with_the_unit_named_in_it() -> None:
    session, _ = talk(None, "/start", "feminino", language="pt")
    session, texts = talk(session, "200")
    assert "anos" in texts[0] and "years" not in texts[0]
    session, texts = talk(session, "muito velha")
    assert "34 anos" in texts[0]


def get_engine_question(state: str) -> str:
    return ENGINE.machine.question_of[state]


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(default_root(), target, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    return target


@pytest.mark.parametrize(("file", "pattern", "where"), [
    ("questions.yaml", r', pt: "Qual é a anca que dói\?"', r"questions\[\d+\]\(side\)\.text"),
    ("guidance.yaml", r"\n      pt: >-\n        Vá hoje a um serviço de urgência",
     r"items\[\d+\]\(care_emergency\)\.text"),
    ("ui.yaml", r', pt: "Nada foi alterado\."', r"messages\.change_cancelled"),
])
def test_the_loader_refuses_a_text_without_portuguese_naming_file_path_and_language(
    content_copy: Path, file: str, pattern: str, where: str
) -> None:
    path = content_copy / file
    text = path.read_text(encoding="utf-8")
    folded = r"[^\n]*(\n {8}[^\n]*)*" if file == "guidance.yaml" else ""  # a block: the key and its lines
    match = re.search(pattern + folded, text)
    assert match is not None, f"the content no longer has {pattern!r}"
    path.write_text(text[:match.start()] + text[match.end():], encoding="utf-8")
    with pytest.raises(ContentError, match=rf"{re.escape(file)}: {where}: missing `pt`"):
        load_content(content_copy)


def test_why_these_causes_and_the_clinician_report_give_their_reasons_in_the_conversations_language() -> None:
    # The assessment keeps its reasons in the default language (for `assess --json`); the
    # summary and the report for the doctor show them in the conversation's.
    from flows.assessment import assess
    from flows.case import Case
    from flows.clinician_report import build_report
    from flows.summary import build_summary
    from tests.support.english import english_in

    content = get_content()
    case = Case(sex="female", pregnancy="trimester_3", side="left", xray=["normal"])  # a fracture not ruled out
    assessment = assess(case, content)
    assert assessment.not_ruled_out, "the case no longer leaves anything open: choose another"
    reason = assessment.top.reasons_for[0]
    finding = next(f for f, _ in content.findings if f.id == reason.finding_id)
    assert reason.text == content.text(finding.text, "en")
    summary = build_summary(case, assessment, content, "pt")
    why = lines_text(summary.section("why").lines)
    assert f"+ {content.text(finding.text, 'pt')}" in why
    danger = assessment.not_ruled_out[0]
    assert danger.settle_short_in(content, "pt") in lines_text(summary.first)
    report = build_report(case, assessment, content, date(2026, 12, 1), "pt")
    texts = [line for estimate in report.differential for line in estimate.reasons_for + estimate.reasons_against]
    texts += [text for open_danger in report.not_ruled_out for text in [*open_danger.because, open_danger.settle_with]]
    assert texts and not english_in("\n".join(texts)), english_in("\n".join(texts))
    assert "estimativa" in " ".join(texts) or "literatura" in " ".join(texts)
    assert english_in(why) == [] and english_in(lines_text(summary.first)) == []
