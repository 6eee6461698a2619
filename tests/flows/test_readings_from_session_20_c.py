"""Session 20 (user test pt and pt-BR 20), language: the Portuguese texts name the Portuguese
commands ("/voltar", not "/back"), and each one named is understood as the English one is;
no text assumes that the person it speaks to is a man ("deixa-o continuar"); pt-PT's
"guardei isso para as perguntas a que responde" reads naturally. Each rule both ways."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import fields
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from bot.terminal import run_demo
from flows.content_models import Text, UiFile
from flows.dialogue import get_engine, is_forget, step
from flows.messages import UserInput
from flows.session import Session
from tests.support.conversation import Conversation, talk

ENGINE = get_engine()
CONTENT = ENGINE.content
PT = next(language for language in CONTENT.ui.languages if language.id == "pt")
ENGLISH_NAMES = ("back", "more", "report", "change", "restart", "quit", "help", "start", "delete", "forget",
                 "summary", "language")
# A command named in a text: a slash word after a space, an opening bracket or quote, or at the
# start (not "mg/L" nor "e/ou").
NAMED = re.compile(r"(?:^|(?<=[\s(\"«]))/([^\W\d]\w*)")


def texts(node: Any) -> Iterator[Text]:
    if isinstance(node, Text):
        yield node
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from texts(getattr(node, name))
    elif isinstance(node, list | tuple):
        for item in node:
            yield from texts(item)
    elif isinstance(node, dict):
        for value in node.values():
            yield from texts(value)


ALL_TEXTS = [text for field in fields(CONTENT) for text in texts(getattr(CONTENT, field.name))]


def shown(language: str) -> list[str]:
    return [CONTENT.text(text, language) for text in ALL_TEXTS]


# --- the texts name the Portuguese commands -------------------------------------------------


@pytest.mark.parametrize("language", ["pt", "pt-BR"])
def test_no_portuguese_text_names_an_english_command(language: str) -> None:
    # user test pt 20: "/back para corrigir", "/more", "/report" in Portuguese texts
    said = {name for text in shown(language) for name in NAMED.findall(text)}
    assert not said & set(ENGLISH_NAMES)
    assert {"voltar", "mais", "relatorio", "alterar", "recomecar", "ajuda"} <= said


def test_the_english_texts_still_name_the_english_commands() -> None:
    said = {name for text in shown("en") for name in NAMED.findall(text)}
    assert {"back", "more", "report", "change", "restart", "help"} <= said
    assert not said & set(PT.command_names.values())


@pytest.mark.parametrize("language", ["pt", "pt-BR"])
def test_every_command_a_portuguese_text_names_is_one_the_dialogue_understands(language: str) -> None:
    said = {name for text in shown(language) for name in NAMED.findall(text)}
    assert said <= set(PT.command_names.values())
    for command, name in PT.command_names.items():
        assert ENGINE.command_words[name] == command


def test_the_texts_name_them_without_accents_that_telegram_would_cut() -> None:
    # "/relatório" would be tappable only as "/relat"
    assert all(re.fullmatch(r"[a-z0-9_]+", name) for name in PT.command_names.values())
    assert not any("/relatório" in text or "/recomeçar" in text for text in shown("pt"))


def test_a_command_name_that_is_not_one_of_the_command_s_words_is_refused() -> None:
    raw = CONTENT.ui.model_dump()
    raw["languages"][1]["command_names"] = {"back": "voltr"}
    with pytest.raises(ValidationError, match="not one of"):
        UiFile.model_validate(raw)
    raw["languages"][1]["command_names"] = {"report": "relatório"}  # a command word, but not Telegram's
    with pytest.raises(ValidationError, match="a-z"):
        UiFile.model_validate(raw)


# --- and the dialogue understands them -------------------------------------------------------


def at_the_summary() -> Conversation:
    conv = talk("masculino", "45", language="pt")
    for _ in range(40):
        if conv.state == "summary":
            return conv
        conv.say("não sei")
    raise AssertionError(f"stuck at {conv.state}")


def same_step(session: Session, first: UserInput, second: UserInput) -> None:
    one, said_one = step(session, first, ENGINE)
    two, said_two = step(session, second, ENGINE)
    assert [(r.kind, r.code, r.text) for r in said_one] == [(r.kind, r.code, r.text) for r in said_two]
    assert one.model_dump_json() == two.model_dump_json()


@pytest.mark.parametrize("command", ["back", "restart", "help", "change", "summary", "language"])
def test_a_portuguese_command_does_what_the_english_one_does_during_the_questions(command: str) -> None:
    conv = talk("feminino", "30", language="pt")
    assert conv.session is not None
    name = PT.command_names[command]
    same_step(conv.session, UserInput.typed(f"/{name}"), UserInput.typed(f"/{command}"))
    same_step(conv.session, UserInput.command(name), UserInput.command(command))  # Telegram's menu


@pytest.mark.parametrize("command", ["more", "report", "change", "restart", "back"])
def test_a_portuguese_command_does_what_the_english_one_does_at_the_summary(command: str) -> None:
    conv = at_the_summary()
    assert conv.session is not None
    name = PT.command_names[command]
    same_step(conv.session, UserInput.typed(f"/{name}"), UserInput.typed(f"/{command}"))
    same_step(conv.session, UserInput.command(name), UserInput.command(command))


def test_voltar_goes_back_and_a_mistyped_voltr_is_no_command() -> None:
    conv = talk("feminino", "30", language="pt")
    assert conv.session is not None and conv.session.answered == ["sex", "age"]
    conv.say("/voltr")
    assert conv.session.answered == ["sex", "age"]  # the help, nothing undone
    conv.say("voltr")
    assert conv.session.answered == ["sex", "age"]
    replies = conv.say("/voltar")
    assert conv.session.answered == ["sex"] and replies[0].code == "back_done"


def test_apagar_deletes_as_delete_does_and_apaga_r_does_not() -> None:
    assert is_forget(UserInput.typed("/apagar"), ENGINE) and is_forget(UserInput.command("apagar"), ENGINE)
    assert not is_forget(UserInput.typed("/apagr"), ENGINE)


@pytest.mark.parametrize(("typed", "ends"), [("/sair", True), ("sair", True), ("/sai", False)])
def test_the_terminal_ends_at_sair_as_its_help_says(typed: str, ends: bool) -> None:
    out = io.StringIO()
    run_demo(ENGINE, io.StringIO(f"{typed}\nfeminino\n"), out, language="pt")
    asked_age = CONTENT.text(CONTENT.questions["age"].text, "pt") in out.getvalue()
    assert asked_age is not ends


# --- no masculine forms said to anyone --------------------------------------------------------


@pytest.mark.parametrize("language", ["pt", "pt-BR"])
def test_nothing_said_to_the_person_assumes_a_man(language: str) -> None:
    # user test pt 20: "\"Não sei\" deixa-o continuar" said to a pregnant woman
    said = shown(language)
    for wording in ("deixa-o continuar", "o que o tornaria", "Fica deitado", "Você fica deitado",
                    "elevar a perna deitado", "numa só perna, apoiado", "perna só, apoiado",
                    "mais baralhado do que", "mais desorientado do que", "mais confuso do que"):
        assert not any(wording in text for text in said), wording
    stuck = CONTENT.message("stuck_help", language)
    assert "permite continuar" in stuck and "/voltar" in stuck and "/ajuda" in stuck


def test_the_neutral_forms_keep_the_meaning_for_a_relative_too() -> None:
    # the red flag still names being more muddled, for a man or a woman
    assert any("mais baralhado ou baralhada do que o costume" in text for text in shown("pt"))
    assert any("mais confuso ou confusa do que o normal" in text for text in shown("pt-BR"))


def test_kept_for_later_reads_naturally_in_pt_pt_and_keeps_pt_br_s_wording() -> None:
    assert CONTENT.message("kept_for_later", "pt") == "Obrigado, fica registado para as perguntas seguintes."
    assert CONTENT.message("kept_for_later", "pt-BR") == "Obrigado, anotei isso para as próximas perguntas."
    assert "perguntas a que responde" not in CONTENT.message("kept_for_later", "pt")
