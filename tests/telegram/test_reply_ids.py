"""Channels decide by the ids replies carry, never by their wording (issue 15).

Each test changes or removes what a channel could have sniffed (a message's wording, a
warning's title, a glyph) and checks that the channel still does the same thing.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from bot.chat_turn import RECENT_UPDATES, ChatSession, take_turn
from bot.scripts.drivers.engine import EngineDriver
from bot.scripts.record import record
from bot.storage import open_memory
from bot.telegram.delivery import is_stale_notice
from bot.telegram.handlers import chat_key
from bot.telegram.render import render as telegram_render
from bot.terminal import render as terminal_render
from flows.content import get_content
from flows.content_models import Text
from flows.dialogue import get_engine, step
from flows.messages import Line, Reply, UserInput
from flows.session import Session
from tests.telegram.harness import Harness, sent

CONTENT = get_content()
ENGINE = get_engine()

REPO = Path(__file__).resolve().parents[2]


async def test_a_stale_press_is_recognised_whatever_its_notice_says(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    messages = get_content().ui.messages
    monkeypatch.setitem(messages, "stale_button", Text(en="Reworded: an old button.", pt="Reescrito."))
    await harness.command("/start")
    first = harness.question()
    await harness.press("Female")
    stale = first.buttons()[1][1]
    assert stale is not None
    calls = await harness.press_data(first.message_id, stale)
    answer = next(c for c in calls if c.method == "answerCallbackQuery")
    assert answer.params["text"] == "Reworded: an old button."  # said as a toast...
    assert all("Reworded" not in c.params["text"] for c in sent(calls))  # ...not as a message


def test_the_stale_notice_is_known_by_its_code_not_its_text() -> None:
    wording = get_content().message("stale_button")
    assert is_stale_notice(Reply(kind="notice", code="stale_button", text="anything at all"))
    assert not is_stale_notice(Reply(kind="notice", code="help", text=wording))


async def test_the_engine_channel_names_a_warning_by_its_flag_id_in_portuguese() -> None:
    driver = EngineDriver(ENGINE)
    await driver.start("pt")
    for _ in range(40):
        assert driver.session is not None
        view = await driver.say("sim" if driver.session.state == "fever" else "não sei")
        if view.warnings:
            assert view.warnings == ["fever"]
            return
    raise AssertionError("no warning was given")


def test_record_names_warnings_by_flag_id_in_portuguese(tmp_path: Path) -> None:
    path = tmp_path / "pt.yaml"
    answers = "/language\nportuguês\n" + (REPO / "tests" / "demo" / "seed-003.txt").read_text()
    assert record(path, ENGINE, stdin=io.StringIO(answers), stdout=io.StringIO()) == 0
    assert "warns: [cannot_bear_weight_after_birth]" in path.read_text()
    assert "warns: [?" not in path.read_text()


async def test_a_session_stored_with_update_ids_in_it_still_loads_and_deduplicates() -> None:
    # Sessions saved when the ids were a field of flows' Session: the same flat JSON.
    store = open_memory()
    key = chat_key(77)
    turn = await take_turn(ENGINE, store, key, UserInput.command("start"), update_id=1)
    assert turn.session is not None
    old = json.loads(turn.session.to_json())
    old["recent_updates"] = [40, 41]
    await store.sessions.put(key, json.dumps(old), 1)
    assert (await take_turn(ENGINE, store, key, UserInput.command("help"), update_id=41)).outcome == "duplicate"
    assert (await take_turn(ENGINE, store, key, UserInput.command("help"), update_id=42)).outcome == "stepped"
    stored = await store.sessions.get(key)
    assert stored is not None
    assert ChatSession.from_json(stored.payload).recent_updates == [40, 41, 42]


async def test_a_session_stored_without_update_ids_loads() -> None:
    store = open_memory()
    key = chat_key(78)
    await store.sessions.put(key, Session(state="sex", started=True, step=3).to_json(), 0)
    turn = await take_turn(ENGINE, store, key, UserInput.typed("female"), update_id=9)
    assert turn.outcome == "stepped" and turn.session is not None and turn.session.case.sex == "female"


def test_the_conversation_knows_nothing_of_update_ids() -> None:
    assert "recent_updates" not in Session.model_fields
    assert RECENT_UPDATES > 0


def test_every_reply_of_a_whole_conversation_carries_its_id() -> None:
    said = (REPO / "tests" / "demo" / "seed-003.txt").read_text().splitlines()
    session, replies = step(None, UserInput.command("start"), ENGINE)
    seen = list(replies)
    for text in [*said, "/more", "/report", "/change", "1", "/back", "/language", "banana", "/help", "now"]:
        session, replies = step(session, UserInput.typed(text), ENGINE)
        seen += replies
    seen += step(session, UserInput.button(session.step - 1, "a:0"), ENGINE)[1]  # a stale press
    assert {r.kind for r in seen} >= {"notice", "question", "answered", "warning", "summary", "report", "error"}
    assert [r for r in seen if not r.code] == []


def test_flows_draws_no_marks() -> None:
    """Bullets, signs and bars are the channels' to draw (bot/reply_text.py), never flows'."""
    for path in sorted((REPO / "flows").glob("*.py")):
        source = path.read_text(encoding="utf-8")
        assert not [mark for mark in ("•", "⚠", "█", "░", "✅", "✓", "!!") if mark in source], path.name


def test_summary_lines_are_drawn_by_their_mark_the_same_in_the_terminal_and_telegram() -> None:
    lines = [Line(text="Causes:"), Line(text="A", mark="item"), Line(text="what A is", mark="about"),
             Line(text="fits", mark="for"), Line(text="does not", mark="against")]
    reply = Reply(kind="summary", code="why", title="Why", text="\n".join(line.text for line in lines), lines=lines)
    drawn = "Causes:\n• A\n  what A is\n  + fits\n  - does not"
    assert terminal_render(reply, CONTENT) == f"\n== Why ==\n{drawn}"
    [message] = telegram_render(reply)
    assert message.text == f"<b>Why</b>\n{drawn}"
