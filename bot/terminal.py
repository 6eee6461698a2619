"""The terminal demo: the whole conversation on stdin/stdout.

Numbered choices; free text accepted exactly as in Telegram ("yes", "y", "2", an
option's words); several answers as "1,3"; /back /restart /help /change /quit.
Works interactively and with piped input (`itoh-bot demo < answers.txt`), where each
answer is echoed so the transcript reads like the conversation. Exits 0 at the end.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import sys
import textwrap
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TextIO

from bot.reply_text import body_text, warning_lines
from bot.reports.files import report_pdf
from flows import payloads
from flows.answers import normalise, printable
from flows.content import Content
from flows.dialogue import Engine, is_forget, step
from flows.messages import Reply, UserInput
from flows.session import Session

PROMPT = "> "
# What starts a line that wraps with a hanging indent: "  3. [ ] ", "• ", "+ ", "!! ", "  ✓ ".
_LINE_MARKER = re.compile(r"^\s*(?:\d+\. (?:\[[ x]\] )?|[•+\-✓] |!! (?:[•\-] )?)?")


# Choices numbered at the terminal: answers, ticks, /change entries and the choice after an
# emergency warning; Done and Cancel are typed as words.
_NUMBERED = frozenset({"answer", "toggle", "change", "now", "go", "language"})


def render(reply: Reply, content: Content, locale: str | None = None) -> str:
    """One reply as plain text, decided by the reply's kind and code, never by its wording;
    the terminal's own words in the conversation's language."""
    locale = locale or content.default_language
    if reply.code == "help":  # the terminal has no buttons, and has /quit
        return "\n" + content.message("help_terminal", locale)
    if reply.kind == "summary":
        head = f"== {reply.title} ==\n" if reply.title else ""
        offered = [f"  {n}. {c.label}" for n, c in enumerate(reply.choices, start=1)]
        more = ["", content.message("sections_offer", locale), *offered] if offered else []
        return "\n" + head + "\n".join([body_text(reply), *more])
    if reply.kind == "warning":
        return "\n" + "\n".join(f"!! {line}" for line in warning_lines(reply))
    if reply.kind == "answered":
        return f"  ✓ {reply.text}"
    if reply.kind in ("question", "selection") and reply.choices:
        lines = [reply.text] if reply.kind == "question" else []
        numbered = [c for c in reply.choices if _kind(c.payload) in _NUMBERED]
        if len(numbered) > 1 or reply.multi:  # a lone "Don't know" (number questions) is typed, not numbered
            for number, choice in enumerate(numbered, start=1):
                mark = "[x] " if reply.multi and number - 1 in reply.selected else ("[ ] " if reply.multi else "")
                lines.append(f"  {number}. {mark}{choice.label}")
        else:
            lines.append("  " + content.message("or_type", locale, label=numbered[0].label) if numbered else "")
        extra = [c.label for c in reply.choices if _kind(c.payload) not in _NUMBERED]
        if extra and not reply.multi:
            lines.append("  " + content.message("or_choose", locale, choices=", ".join(extra)))
        return "\n" + "\n".join(lines)
    return "\n" + reply.text


def _kind(payload: str) -> str | None:
    parsed = payloads.parse(payload)
    return parsed.kind if parsed is not None else None


def after_summary(replies: list[Reply], content: Content, locale: str | None = None) -> list[Reply]:
    """At the end of the summary, the terminal says what can be done next."""
    if any(r.kind == "summary" and r.code == "disclaimer" for r in replies):
        text = content.message("after_summary_terminal", locale or content.default_language)
        return [Reply(kind="notice", code="after_summary_terminal", text=text)]
    return []


def write_reports(replies: list[Reply], session: Session, content: Content, folder: Path,
                  written: list[Path] | None = None) -> list[Reply]:
    """A report asked for is written to `folder` as a PDF, and the person told where. A
    second one the same day does not overwrite the first ("...-2.pdf"); `written` collects
    the paths, for /delete to remove them with the answers."""
    said = []
    for reply in replies:
        if reply.kind == "report":
            name, pdf = report_pdf(session.case, content, session.locale, someone_else=session.for_someone_else,
                                   before_the_end=session.before_the_summary,
                                   at=session.state)
            path = folder / name
            copy = 2
            while path.exists():
                path = folder / f"{Path(name).stem}-{copy}{Path(name).suffix}"
                copy += 1
            if written is not None:
                written.append(path)
            path.write_bytes(pdf)
            text = content.message("report_written", session.locale, path=str(path))
            said.append(Reply(kind="notice", code="report_written", text=text))
    return said


def wrap_for_terminal(text: str, width: int) -> str:
    """Lines longer than the terminal broken between words, continuing under their text.

    A terminal left to itself breaks a long line at the last column, often in the middle
    of a word. Lines that fit, and words longer than a whole line, are left as they are.
    """
    lines: list[str] = []
    for line in text.split("\n"):
        if len(line) <= width:
            lines.append(line)
            continue
        marker = _LINE_MARKER.match(line)
        indent = " " * (marker.end() if marker else 0)
        lines += textwrap.wrap(line, width, subsequent_indent=indent, break_long_words=False,
                               break_on_hyphens=False) or [line]
    return "\n".join(lines)


def terminal_width(stream: TextIO) -> int | None:
    """Columns of the terminal `stream` writes to; None if it is not one or does not say."""
    try:
        columns = os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, OSError, ValueError):
        return None
    return columns or None  # a terminal that reports no size (0) is left to wrap itself


Observer = Callable[[str | None, list[Reply]], None]


def run_demo(
    engine: Engine, stdin: TextIO | None = None, stdout: TextIO | None = None, on_turn: Observer | None = None,
    language: str | None = None,
) -> int:
    """Run one conversation until the input ends or the person types /quit, in `language`
    (ui.yaml `languages`; the person can change it with /language).

    `on_turn(text, replies)` sees every turn (text None for the greeting): `itoh-bot
    record` uses it to write the conversation down as a script.
    """
    stdin = stdin or _forgiving(sys.stdin)
    stdout = stdout or _forgiving(sys.stdout)
    content = engine.content
    quit_words = {normalise(w) for w in content.ui.commands.get("quit", [])}
    interactive = stdin.isatty() and stdout.isatty()
    width = terminal_width(stdout) if interactive else None  # piped output stays one line a paragraph
    if interactive:
        _enable_line_editing()
    session: Session | None = None
    reports: list[Path] = []  # the reports this run wrote: health data, removed by /delete
    session, replies = step(session, UserInput(kind="command", text="start", language=language), engine)
    _show(replies, content, stdout, width, session.locale)
    if on_turn is not None:
        on_turn(None, replies)
    while True:
        text = _read_line(stdin, stdout, interactive)
        if text is None or normalise(text).lstrip("/") in quit_words:
            break
        typed = UserInput.typed(text).model_copy(update={"sent_on": date.today()})  # "since March" counts to today
        if is_forget(typed, engine):  # "/delete", "delete my data": the answers held here are dropped
            for path in reports:  # ...and the reports written from them
                path.unlink(missing_ok=True)
            reports.clear()
            session, replies = step(None, UserInput(kind="command", text="start", language=session.locale), engine)
            replies = [Reply(kind="notice", code="forgotten", text=content.message("forgotten", session.locale)),
                       *replies]
        else:
            session, replies = step(session, typed, engine)
        shown = [r for r in replies if r.kind != "report"]
        written = write_reports(replies, session, content, Path.cwd(), reports)
        said = [*shown, *written, *after_summary(replies, content, session.locale)]
        _show(said, content, stdout, width, session.locale)
        if on_turn is not None:
            on_turn(text, replies)
    stdout.write("\n")
    stdout.flush()
    return 0


def _forgiving(stream: TextIO) -> TextIO:
    """The process's own stream, made to replace what its encoding cannot carry.

    With a locale that is not UTF-8 (EUC-JP, say), bytes that are not text in it, or a
    reply's ✓ or ≥, would raise UnicodeDecodeError / UnicodeEncodeError and end the demo
    with a traceback; "replace" shows them as U+FFFD or "?" instead.
    """
    if isinstance(stream, io.TextIOWrapper):
        stream.reconfigure(errors="replace")
    return stream


def _enable_line_editing() -> None:
    """Arrow keys, Home/End and the previous answers (up arrow) in input(), where available.

    Without it an arrow key arrives as an escape sequence inside the answer. Importing
    readline is what switches it on for input(); it is missing on some platforms. The
    history stays in memory: nothing is written to a history file (answers are health data).
    """
    with contextlib.suppress(ImportError):
        import readline  # noqa: F401


def _read_line(stdin: TextIO, stdout: TextIO, interactive: bool) -> str | None:
    if interactive:
        try:
            return input(PROMPT)
        except EOFError:
            return None
    line = stdin.readline()
    if not line:
        return None
    text = line.rstrip("\r\n")
    stdout.write(f"\n{PROMPT}{printable(text)}\n")  # echo, so a piped transcript shows both sides
    return text


def _show(replies: list[Reply], content: Content, stdout: TextIO, width: int | None, locale: str) -> None:
    for reply in replies:
        text = render(reply, content, locale)
        stdout.write((wrap_for_terminal(text, width) if width else text) + "\n")
    stdout.flush()
