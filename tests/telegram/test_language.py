"""Issue 18 in Telegram, in process: the app's language_code chooses Portuguese at the
first message; /language offers buttons; the command menu is registered per language.
"""

from __future__ import annotations

import re

import pytest

from flows.content import get_content
from tests.telegram.harness import Harness, keyboard_rows, plain, sent


@pytest.mark.parametrize(("app_language", "language"), [("pt-PT", "pt"), ("pt", "pt"), ("pt-BR", "pt-BR")])
async def test_a_portuguese_telegram_is_greeted_in_its_portuguese_and_can_finish_in_it(
        harness: Harness, app_language: str, language: str) -> None:
    content = get_content()
    harness.rec.set_user_language(harness.chat, app_language)
    messages = sent(await harness.command("/start"))
    assert messages[0].response["text"] == content.message("welcome", language)
    labels = [plain(t) for row in keyboard_rows(messages[-1]) for t, _ in row]
    assert content.text(content.options["sex"][0].label, language) in labels
    await harness.answer_until("summary", answer="não sei")
    every = sent(harness.rec.calls())
    assert content.message("disclaimer", language) in every[-1].response["text"]
    said = "\n".join(str(m.response.get("text", "")) for m in every)
    european = [w for w in content.languages["pt-BR"].not_said if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", said)]
    # Brazil is shown none of the European words; Portugal is (the check can fail).
    assert (european == []) == (language == "pt-BR"), european


async def test_language_command_offers_buttons_and_keeps_the_answers(harness: Harness) -> None:
    content = get_content()
    await harness.command("/start")
    await harness.say("female")
    menu = sent(await harness.command("/language"))[-1]
    labels = [plain(t) for row in keyboard_rows(menu) for t, _ in row]
    assert labels[:3] == ["English", "Português (Portugal)", "Português (Brasil)"]
    calls = await harness.press("Português (Portugal)", harness.question())
    texts = [c.params["text"] for c in sent(calls) + [c for c in calls if c.method == "editMessageText"]]
    assert any(content.message("language_set", "pt") in t for t in texts)
    assert any(content.text(content.questions["age"].text, "pt") in t for t in texts)
    session = await harness.session()
    assert session is not None and session.locale == "pt" and session.case.sex == "female"


async def test_the_command_menu_is_registered_in_each_language(harness: Harness) -> None:
    content = get_content()
    app = harness.app
    assert app.post_init is not None and app.post_stop is not None
    await app.post_init(app)
    try:
        english = harness.rec.commands()
        portuguese = harness.rec.commands(language_code="pt")
    finally:
        await app.post_stop(app)
    assert "language" in [c["command"] for c in english]
    # Portuguese lists the names its texts use (user test pt 20: "/voltar", not "/back")
    pt = next(language for language in content.ui.languages if language.id == "pt")
    assert [c["command"] for c in portuguese] == [pt.command_names.get(c["command"], c["command"]) for c in english]
    assert "voltar" in [c["command"] for c in portuguese] and "back" not in [c["command"] for c in portuguese]
    assert portuguese[0]["description"] == content.message("command_help_start", "pt")


async def test_a_portuguese_menu_command_tapped_reaches_the_same_command(harness: Harness) -> None:
    # user test pt 20: the Portuguese menu lists /voltar; tapped, it undoes the last answer as /back does
    await harness.command("/start")
    await harness.say("woman")
    before = await harness.session()
    assert before is not None and before.answered
    await harness.command("/voltar")
    after = await harness.session()
    assert after is not None and after.answered == before.answered[:-1]


async def test_the_language_menu_once_used_reads_in_the_language_chosen(harness: Harness) -> None:
    # The pressed menu is edited to show the choice: in the language now chosen, as every
    # message after it is, not in the one it was first shown in.
    content = get_content()
    await harness.command("/start")
    await harness.command("/language")
    calls = await harness.press("Português (Portugal)", harness.question())
    [edited] = [c for c in calls if c.method == "editMessageText"]
    assert edited.params["text"].startswith(content.message("language_choose", "pt"))
    assert "Português" in edited.params["text"]
    assert content.message("language_choose", "en") not in edited.params["text"]
