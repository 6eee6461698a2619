"""Reply -> Telegram layout: callback data, keyboards, escaping, splitting at 4096."""

from __future__ import annotations

import html
import re

import pytest

from bot.chat_turn import Turn
from bot.telegram.delivery import Delivery
from bot.telegram.render import (
    MAX_TEXT,
    callback_data,
    parse_callback_data,
    render,
    render_answered_then_question,
    split_lines,
    utf16_len,
)
from flows.content import get_content
from flows.messages import Choice, Reply
from tests.telegram.harness import Harness, sent

CONTENT = get_content()

TAG = re.compile(r"</?b>")


def shown(text: str) -> str:
    """What Telegram displays for our HTML: tags stripped, entities decoded."""
    return html.unescape(TAG.sub("", text))


@pytest.mark.parametrize(("data", "parsed"), [
    ("12|a:0", (12, "a:0")),
    ("1700000000000|done", (1700000000000, "done")),
    ("3|", (3, "")),
    ("3|a|b", (3, "a|b")),
    ("x|a:0", None),
    ("-1|a:0", None),
    ("", None),
    ("a:0", None),
    (None, None),
])
def test_callback_data_round_trip_and_rejects(data: str | None, parsed: tuple[int, str] | None) -> None:
    assert parse_callback_data(data) == parsed


def test_callback_data_fits_telegram_limit() -> None:
    assert parse_callback_data(callback_data(1_700_000_000_000, "t:12")) == (1_700_000_000_000, "t:12")
    with pytest.raises(ValueError):
        callback_data(1, "x" * 64)


def test_text_is_escaped_for_html() -> None:
    [out] = render(Reply(kind="notice", text="pain < 6 weeks & <b>not</b> bold"))
    assert out.text == "pain &lt; 6 weeks &amp; &lt;b&gt;not&lt;/b&gt; bold"


def test_long_labels_are_numbered_in_text_and_on_buttons() -> None:
    long = "A very long option label that a phone would cut off"
    reply = Reply(kind="question", text="Q?", step=5,
                  choices=[Choice(label="Short", payload="a:0"), Choice(label=long, payload="a:1")])
    [out] = render(reply)
    assert "1. Short" in out.text and f"2. {long}" in out.text
    assert out.keyboard is not None
    assert [[b.text for b in row] for row in out.keyboard.inline_keyboard] == [["1. Short"], [f"2. {long}"]]


def test_summary_title_bold_and_its_lines_plain_whatever_they_begin_with() -> None:
    # Bold is decided by what a line is (the title), never by a glyph found in the text.
    [out] = render(Reply(kind="summary", title="Level <care>", text="advice\n⚠️ Fever"))
    assert out.text == "<b>Level &lt;care&gt;</b>\nadvice\n⚠️ Fever"


def test_warning_reply_gets_the_sign_when_missing() -> None:
    [out] = render(Reply(kind="warning", text="Fever\nGo now"))
    assert out.text == "<b>⚠️ Fever</b>\nGo now"


def test_the_warning_sign_comes_from_the_reply_kind_not_its_text() -> None:
    # A notice that reads like a warning is not drawn as one; a warning always is, once.
    [notice] = render(Reply(kind="notice", text="⚠️ Fever"))
    assert notice.text == "⚠️ Fever"
    [warning] = render(Reply(kind="warning", code="fever", text="Important: Fever\nGo now"))
    assert warning.text == "<b>⚠️ Important: Fever</b>\nGo now"


def test_split_at_line_boundaries_keeps_every_line() -> None:
    lines = [(f"line {i} " + "x" * 90, i % 7 == 0) for i in range(200)]  # ~20 000 characters
    chunks = split_lines(lines)
    assert len(chunks) > 4
    assert [line for chunk in chunks for line in chunk] == lines  # nothing lost, order kept
    for chunk in chunks:
        assert utf16_len("\n".join(text for text, _ in chunk)) <= MAX_TEXT


def test_a_single_huge_line_is_broken_at_spaces() -> None:
    words = " ".join(["word"] * 3000)  # 14 999 characters, one line
    chunks = split_lines([(words, False)])
    assert all(utf16_len(text) <= MAX_TEXT for chunk in chunks for text, _ in chunk)
    assert " ".join(text for chunk in chunks for text, _ in chunk) == words


def test_emoji_count_twice_towards_the_limit() -> None:
    line = "😀" * 3000  # 6000 UTF-16 units, no spaces: hard split
    chunks = split_lines([(line, False)])
    assert len(chunks) == 2
    assert all(utf16_len(text) <= MAX_TEXT for chunk in chunks for text, _ in chunk)


async def test_long_summary_section_is_sent_as_several_valid_messages(harness: Harness) -> None:
    body = "\n".join(f"• finding {i}: " + "<detail> & more " * 12 for i in range(120))  # ~24 000 chars
    reply = Reply(kind="summary", title="What you told me", text=body)
    before = len(harness.rec.calls())
    await Delivery(harness.app.bot, harness.chat, CONTENT)(Turn("stepped", [reply]))
    messages = sent(harness.rec.calls()[before:])
    assert len(messages) >= 6
    for message in messages:
        assert message.status == 200  # the fake enforces 4096 and Telegram's HTML rules
        assert utf16_len(message.response["text"]) <= MAX_TEXT
    assert messages[0].params["text"].startswith("<b>What you told me</b>\n")
    assert "\n".join(shown(m.params["text"]) for m in messages) == f"What you told me\n{body}"


KEYBOARDS = [
    Reply(kind="question", text="Sex?", step=3, choices=[Choice(label="Female", payload="a:0"),
                                                         Choice(label="Male", payload="a:1"),
                                                         Choice(label="Prefer not to say", payload="a:2")]),
    Reply(kind="selection", text="MRI?", step=9, multi=True, selected=[1],
          choices=[Choice(label="Oedema", payload="t:0"), Choice(label="Fracture <line>", payload="t:1"),
                   Choice(label="Done", payload="done")]),
    Reply(kind="question", text="Q?", step=5, choices=[Choice(label="Short", payload="a:0"),
                                                       Choice(label="x" * 40, payload="a:1")]),
]


@pytest.mark.parametrize("reply", KEYBOARDS, ids=["short", "multi", "numbered"])
def test_the_keyboard_sent_is_what_ptb_would_send(reply: Reply) -> None:
    [out] = render(reply)
    assert out.keyboard is not None
    assert out.reply_markup() == out.keyboard.to_dict()  # PTB's own serialisation of the same keys


def test_an_answer_confirmation_heads_the_next_question() -> None:
    echo = Reply(kind="answered", text="Age: 34 <years>", question_id="age", step=4)
    question = KEYBOARDS[0].model_copy(update={"step": 4})
    [out] = render_answered_then_question(echo, question)
    [alone] = render(question)
    assert out.text == "✅ Age: 34 &lt;years&gt;\n\n" + alone.text
    assert out.rows == alone.rows


def test_a_long_question_with_its_confirmation_still_splits_with_the_keys_last() -> None:
    echo = Reply(kind="answered", text="Age: 34", question_id="age", step=4)
    question = KEYBOARDS[0].model_copy(update={"text": "word " * 1500})
    messages = render_answered_then_question(echo, question)
    assert len(messages) >= 2 and messages[0].text.startswith("✅ Age: 34")
    assert [m.rows is not None for m in messages] == [False] * (len(messages) - 1) + [True]
    assert all(utf16_len(m.text) <= MAX_TEXT for m in messages)
    assert " ".join(m.text for m in messages).split() == ["✅", "Age:", "34", *["word"] * 1500]
