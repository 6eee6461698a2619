"""Text marks that the terminal and Telegram put on replies the same way.

Who calls it: bot/terminal.py and bot/telegram/render.py when they render a reply,
`itoh-bot assess`, and the script drivers that read or write what those channels show.
flows/ says what a reply is (its kind and id) and what each summary line is (an item,
a point for or against); the signs that show it are the channels' to draw, decided by
the reply's kind and the line's mark, never found in the text.
"""

from __future__ import annotations

from flows.messages import Line, LineMark, Reply

WARNING_SIGN = "⚠️"
# What starts a summary line of each mark: a plain-text layout that reads the same in a
# terminal, a Telegram message and a transcript.
LINE_LEADS: dict[LineMark, str] = {"": "", "item": "• ", "for": "  + ", "against": "  - ", "about": "  "}


def warning_heading(heading: str) -> str:
    """A red-flag warning's first line as shown: "⚠️ Important: Fever"."""
    return f"{WARNING_SIGN} {heading}"


def warning_lines(reply: Reply) -> list[str]:
    """A red-flag warning's lines as shown: its heading marked with the warning sign."""
    heading, *rest = reply.text.split("\n")
    return [warning_heading(heading), *rest]


def line_text(line: Line) -> str:
    """One summary line as shown: "• Rest the hip", "  + Pain at night"."""
    return LINE_LEADS[line.mark] + line.text


def lines_text(lines: list[Line]) -> str:
    return "\n".join(line_text(line) for line in lines)


def body_text(reply: Reply) -> str:
    """A reply's text as shown: a summary drawn from its lines, any other as it is."""
    return lines_text(reply.lines) if reply.lines else reply.text
