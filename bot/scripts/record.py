"""`itoh-bot record FILE`: have a conversation in the terminal and save it as a script.

Who calls it: bot/cli.py's `record` handler. The conversation is the terminal demo's
(the same `flows.dialogue.step`, shown with bot/terminal.py's `render`), interactive at
a terminal or fed from a pipe (`itoh-bot record case.yaml < answers.txt`). Every line
typed becomes a step (`say`, or `command` for /back, /restart...) with an expectation
of the question asked next, warnings said at once, and at the end the summary's top
condition, level of care, red flags and disclaimer. A comment shows how each answer was
understood, so the file reads like the conversation. The script is checked by loading it
back before it is written; an existing file is kept unless `force` is given.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TextIO

from bot.scripts.model import CHANGE_MENU, COMMANDS, DANGER_OFFER, ScriptError, load_script
from bot.terminal import run_demo
from flows.answers import normalise
from flows.dialogue import Engine
from flows.messages import Reply
from flows.summary import FIRST_OPEN


def record(
    path: Path, engine: Engine, *, force: bool = False, stdin: TextIO | None = None, stdout: TextIO | None = None
) -> int:
    """Run one conversation and write it to `path`; 0 written, 2 refused or invalid."""
    stdin, stdout = stdin or sys.stdin, stdout or sys.stdout
    if path.exists() and not force:
        print(f"itoh-bot: {path} exists; use --force to replace it", file=sys.stderr)
        return 2
    lines = _header(path)
    turns = 0

    def write_down(text: str | None, replies: list[Reply]) -> None:
        nonlocal turns
        if text is None:  # the greeting: check the first question asked
            lines.append("  - " + _expect(replies))
            return
        lines.extend(_step(text, replies))
        turns += 1

    run_demo(engine, stdin, stdout, on_turn=write_down)
    written = "\n".join(lines) + "\n"
    path.write_text(written, encoding="utf-8")
    try:
        load_script(path, engine.content)
    except ScriptError as exc:  # a bug here, not the tester's: say so plainly
        print(f"itoh-bot: the recorded script does not load: {exc}", file=sys.stderr)
        return 2
    stdout.write(f"\nrecorded {turns} steps to {path}\n")
    return 0


def _header(path: Path) -> list[str]:
    return [f"name: {json.dumps(path.stem)}",
            "description: Recorded with `itoh-bot record`; review the expectations before use.",
            "tags: [recorded]",
            "steps:"]


def _step(text: str, replies: list[Reply]) -> list[str]:
    word = normalise(text).lstrip("/").split(" ")[0]
    action = f"command: {word}" if text.strip().startswith("/") and word in COMMANDS else f"say: {json.dumps(text)}"
    understood = next((r.text for r in replies if r.kind == "answered"), None)
    if understood is None and any(r.kind == "error" for r in replies):
        understood = "not understood: asked again"
    comment = f"    # {understood}" if understood else ""
    return [f"  - {action}{comment}", "    " + _expect(replies)]


def _expect(replies: list[Reply]) -> str:
    """The `expect:` of one turn, on one line."""
    parts: list[str] = []
    questions = [r for r in replies if r.kind in ("question", "selection")]
    if questions:
        last = questions[-1]
        pseudo = DANGER_OFFER if last.code == DANGER_OFFER else CHANGE_MENU
        parts.append(f"question: {last.question_id or pseudo}")
    warned = [r.code or "?" for r in replies if r.kind == "warning"]  # a warning's code is its red flag's id
    if warned:
        parts.append(f"warns: [{', '.join(warned)}]")
    if any(r.kind == "end" for r in replies):
        parts.append("ends: true")
    shown = [r for r in replies if r.kind == "summary" and r.assessed is not None]
    if shown:  # the last: after the last question, "now" shows the emergency summary, then the full one
        last = shown[-1]
        summary, emergency = last.assessed, last.code == "emergency"
        assert summary is not None
        if emergency:  # it lists no warning signs; it names what is not ruled out yet
            listed = f"not_ruled_out: [{', '.join(summary.not_ruled_out[:FIRST_OPEN])}]"
        else:  # the warning signs are read from the report for the doctor
            listed = f"red_flags: [{', '.join(summary.red_flags)}]"
        parts.append(f"summary: {{top: {summary.ranking[0].condition}, triage: {summary.triage}, "
                     f"{listed}, disclaimer: true}}")
    return f"expect: {{{', '.join(parts)}}}"
