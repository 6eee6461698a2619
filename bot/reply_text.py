"""Text marks that the terminal and Telegram put on replies the same way.

Who calls it: bot/terminal.py and bot/telegram_render.py when they render a reply, and
the script drivers that read or write what those channels show. flows/ says what a
reply is (its kind and id); the sign that marks a warning is the channels' to draw,
decided by the reply's kind, never found in its text.
"""

from __future__ import annotations

from flows.messages import Reply

WARNING_SIGN = "⚠️"


def warning_heading(heading: str) -> str:
    """A red-flag warning's first line as shown: "⚠️ Important: Fever"."""
    return f"{WARNING_SIGN} {heading}"


def warning_lines(reply: Reply) -> list[str]:
    """A red-flag warning's lines as shown: its heading marked with the warning sign."""
    heading, *rest = reply.text.split("\n")
    return [warning_heading(heading), *rest]
