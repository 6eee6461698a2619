"""Replies as Telegram messages: HTML text, inline keyboards, messages split to fit.

Who calls it: bot/telegram/handlers.py, for every reply of a turn. Pure functions, no
network, so the layout rules are tested on their own. All text from the dialogue is
escaped with html.escape before it is wrapped in Telegram's few HTML tags; Telegram
rejects a whole message over one stray "<" (as in "pain < 6 weeks").

Layout rules (the "native" feel):
* choices are inline buttons; short labels share a row (Yes | No | Don't know), long
  ones get a row each; when a label is too long for a phone's button the options are
  also listed, numbered, in the message and the buttons carry the numbers;
* multi-select options are toggles marked ✅ when selected, with Done on its own row;
* a typed answer's confirmation ("✅ Age: 34") heads the next question's message
  rather than being a message of its own;
* each summary section is its own message with its title in bold; a warning's heading
  is bold, marked ⚠️ (bot/reply_text.py); no message exceeds Telegram's 4096 characters (split at line ends).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.reply_text import body_text, warning_lines
from flows import payloads
from flows.messages import Choice, Reply
from flows.numerals import whole_number

MAX_TEXT = 4096  # Telegram's limit, counted in UTF-16 code units after entity parsing
MAX_CALLBACK_DATA = 64  # bytes
MAX_ALERT = 200  # answerCallbackQuery text
SHORT_LABEL = 12  # labels up to this many characters may share a row
PER_ROW = 3
LONG_LABEL = 32  # longer labels are cut off on a phone's button: list them in the text
SELECTED = "✅ "
SEPARATOR = "|"

Line = tuple[str, bool]  # plain text, bold?
Button = tuple[str, str]  # label, callback data
Rows = tuple[tuple[Button, ...], ...]


@dataclass(frozen=True)
class Outgoing:
    """One Telegram message to send: HTML text and an optional inline keyboard.

    The keyboard is kept as plain (label, callback data) rows and sent as JSON
    (`reply_markup`): one is built for every question, and PTB's button objects (built,
    then walked by its generic `to_dict`) cost more than the rest of rendering.
    """

    text: str
    rows: Rows | None = None

    @property
    def keyboard(self) -> InlineKeyboardMarkup | None:
        """The keyboard as PTB objects (for code that wants them; sending uses `reply_markup`)."""
        if self.rows is None:
            return None
        return InlineKeyboardMarkup([[InlineKeyboardButton(t, callback_data=d) for t, d in row] for row in self.rows])

    def reply_markup(self) -> dict[str, Any] | None:
        """The keyboard as the Bot API's `reply_markup` JSON: what `keyboard.to_dict()` gives."""
        if self.rows is None:
            return None
        return {"inline_keyboard": [[{"text": t, "callback_data": d} for t, d in row] for row in self.rows]}


# callback data ---------------------------------------------------------------------


def callback_data(step: int, payload: str) -> str:
    """`step|payload`: the step lets the dialogue recognise a press from an old question."""
    data = f"{step}{SEPARATOR}{payload}"
    if len(data.encode()) > MAX_CALLBACK_DATA:
        raise ValueError(f"callback data over {MAX_CALLBACK_DATA} bytes")  # a content/dialogue bug
    return data


def parse_callback_data(data: object) -> tuple[int, str] | None:
    """(step, payload), or None when the data is not ours (forged or from an old version)."""
    if not isinstance(data, str):
        return None
    step, separator, payload = data.partition(SEPARATOR)
    number = whole_number(step)  # at most 18 digits: a forged 5,000-digit step is not read
    if not separator or number is None:
        return None
    return number, payload


def pressed_kind(data: object) -> payloads.Kind | None:
    """What the pressed button's callback data does ("answer", "done", "language"...), if it is ours."""
    parsed = parse_callback_data(data)
    pressed = payloads.parse(parsed[1]) if parsed is not None else None
    return pressed.kind if pressed is not None else None


# replies ---------------------------------------------------------------------------


def render(reply: Reply) -> list[Outgoing]:
    """One reply as one or more messages; a keyboard goes on the last of them."""
    if reply.kind in ("question", "selection"):
        return _question(reply)
    if reply.kind == "warning":
        head, *rest = warning_lines(reply)
        return _messages([(head, True), *((line, False) for line in rest)])
    if reply.kind == "summary":
        title = [(reply.title, True)] if reply.title else []
        return _messages(title + _plain(body_text(reply)), _keyboard(reply))  # the first block offers its sections
    if reply.kind == "answered":
        return _messages([(SELECTED + reply.text, False)])
    return _messages(_plain(reply.text))


def render_answered_then_question(answered: Reply, question: Reply) -> list[Outgoing]:
    """An answer's confirmation and the next question as one message: "✅ Age: 34", then the question."""
    return _question(question, lead=[(SELECTED + answered.text, False), ("", False)])


def _question(reply: Reply, lead: list[Line] | None = None) -> list[Outgoing]:
    lines = [*(lead or []), *_plain(reply.text)]
    if _numbered(reply):
        lines.append(("", False))
        lines += [(f"{number}. {choice.label}", False) for number, choice in _options(reply)]
    return _messages(lines, _keyboard(reply))


def answered_text(question: str, reply: Reply) -> str:
    """The pressed question message once answered: the question and the answer, no keys."""
    return _fit(f"{html.escape(question, quote=False)}\n\n<b>{html.escape(SELECTED + reply.text, quote=False)}</b>")


def chosen_text(shown: str, label: str) -> str:
    """A pressed menu (e.g. /change) once used: what it said and which button was chosen."""
    return _fit(f"{html.escape(shown, quote=False)}\n\n<b>{html.escape(SELECTED + label, quote=False)}</b>")


def alert_text(text: str) -> str:
    """Text for answerCallbackQuery, which allows at most 200 characters."""
    return text if len(text) <= MAX_ALERT else text[: MAX_ALERT - 1] + "…"


# splitting -------------------------------------------------------------------------


def utf16_len(text: str) -> int:
    """Length as Telegram counts it (emoji outside the BMP count twice)."""
    return len(text.encode("utf-16-le")) // 2


def split_lines(lines: list[Line], limit: int = MAX_TEXT) -> list[list[Line]]:
    """Group lines into chunks whose displayed length (with newlines) fits `limit`.

    Splits only between lines; a single line longer than `limit` is first broken at
    spaces (or, for a space-less run, hard). Bold applies per line, so every chunk's
    HTML stays balanced.
    """
    if 2 * sum(len(text) + 1 for text, _ in lines) <= limit:
        # Fits whatever it contains (no character is more than two UTF-16 units): the
        # common case, a question or a notice, needs no measuring.
        return [chunk] if (chunk := _trim(list(lines))) else []
    chunks: list[list[Line]] = []
    current: list[Line] = []
    size = 0
    for text, bold in lines:
        for piece in _break_line(text, limit):
            extra = utf16_len(piece) + (1 if current else 0)
            if current and size + extra > limit:
                chunks.append(current)
                current, size, extra = [], 0, utf16_len(piece)
            current.append((piece, bold))
            size += extra
    if current:
        chunks.append(current)
    return [chunk for chunk in (_trim(c) for c in chunks) if chunk]


def _break_line(text: str, limit: int) -> list[str]:
    pieces: list[str] = []
    while utf16_len(text) > limit:
        cut = _prefix_within(text, limit)
        space = text.rfind(" ", 0, cut + 1)
        if space > 0:
            cut = space
        pieces.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    pieces.append(text)
    return pieces


def _prefix_within(text: str, limit: int) -> int:
    """The longest prefix length (in characters) whose UTF-16 length is within `limit`."""
    used = 0
    for index, char in enumerate(text):
        used += utf16_len(char)
        if used > limit:
            return index
    return len(text)


def _trim(chunk: list[Line]) -> list[Line]:
    # A chunk must not start or end with blank lines: Telegram refuses empty text and
    # a split right at a paragraph break would leave one.
    while chunk and not chunk[0][0].strip():
        chunk = chunk[1:]
    while chunk and not chunk[-1][0].strip():
        chunk = chunk[:-1]
    return chunk


def _messages(lines: list[Line], keyboard: Rows | None = None) -> list[Outgoing]:
    chunks = split_lines(lines)
    texts = ["\n".join(_html(text, bold) for text, bold in chunk) for chunk in chunks]
    return [Outgoing(text, keyboard if i == len(texts) - 1 else None) for i, text in enumerate(texts)]


def _html(text: str, bold: bool) -> str:
    escaped = html.escape(text, quote=False)
    return f"<b>{escaped}</b>" if bold and text.strip() else escaped


def _plain(text: str) -> list[Line]:
    return [(line, False) for line in text.split("\n")]


def _fit(text: str) -> str:
    # Edits carry a question of a few lines; this only guards the impossible.
    return text if utf16_len(text) <= MAX_TEXT else text[: MAX_TEXT // 2]


# keyboards -------------------------------------------------------------------------


def _options(reply: Reply) -> list[tuple[int, Choice]]:
    """The numbered choices, from 1 as in the terminal and as typed answers read them.

    Answers ("a:N", "t:N") and the /change menu's entries ("c:N"); not Done or Cancel.
    """
    options = [c for c in reply.choices if _parsed_kind(c.payload) in ("answer", "toggle", "change")]
    return list(enumerate(options, start=1))


def _parsed_kind(payload: str) -> str | None:
    parsed = payloads.parse(payload)
    return parsed.kind if parsed is not None else None


def _numbered(reply: Reply) -> bool:
    return any(utf16_len(choice.label) > LONG_LABEL for _, choice in _options(reply))


def _keyboard(reply: Reply) -> Rows | None:
    if not reply.choices and not reply.actions:
        return None
    numbers = {choice.payload: number for number, choice in _options(reply)} if _numbered(reply) else {}
    rows: list[list[Button]] = []
    packed = False  # is the last row a row of short buttons that may take one more?
    for choice in reply.choices:
        label = choice.label
        if choice.payload in numbers:
            label = f"{numbers[choice.payload]}. {label}"
        pressed = payloads.parse(choice.payload)
        if reply.multi and pressed is not None and pressed.kind == "toggle" and pressed.index in reply.selected:
            label = SELECTED + label
        button = (label, callback_data(reply.step, choice.payload))
        short = not reply.multi and utf16_len(label) <= SHORT_LABEL
        if short and packed and len(rows[-1]) < PER_ROW:
            rows[-1].append(button)
        else:
            rows.append([button])
        packed = short
    rows += [[(action.label, callback_data(reply.step, action.payload))] for action in reply.actions]
    return tuple(tuple(row) for row in rows)
