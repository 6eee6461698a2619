"""Compare a step's `expect` with what the turn showed; say what differs, as a diff.

Who calls it: bot/scripts/runner.py after every step. Each failed expectation becomes a
`Mismatch` whose `render()` reads like a diff: `- expected` lines, then `+ said` lines,
so an author sees at once what the script wanted and what the bot actually said.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from bot.scripts.model import Expect, Range, SummaryExpect
from bot.scripts.observe import SummaryView, TurnView, labels_in_every_language, norm
from flows.content import Content


@dataclass(frozen=True)
class Mismatch:
    """One expectation that did not hold."""

    what: str  # e.g. "question", "says", "summary.top"
    expected: str | list[str]
    said: str | list[str]

    def render(self) -> str:
        if isinstance(self.expected, list) and isinstance(self.said, list):
            diff = difflib.unified_diff(self.expected, self.said, "expected", "said", lineterm="", n=len(self.said))
            return "\n".join([f"{self.what}:", *(f"  {line}" for line in diff)])
        said = self.said if isinstance(self.said, str) else "\n".join(self.said)
        expected = self.expected if isinstance(self.expected, str) else ", ".join(self.expected)
        said_lines = said.split("\n") or [""]
        lines = [f"{self.what}:", f"  - expected: {expected}", f"  + said:     {said_lines[0]}"]
        lines += [f"  +           {line}" for line in said_lines[1:]]
        return "\n".join(lines)


def check(expect: Expect, view: TurnView, content: Content) -> list[Mismatch]:
    """Every expectation of the step that the turn does not meet (empty: all good); `content`
    words the controls that only some channels show as buttons."""
    found: list[Mismatch] = []
    if expect.question is not None and view.question != expect.question:
        found.append(Mismatch("question", expect.question, _where(view)))
    for wanted in expect.says:
        if norm(wanted) not in norm(view.text):
            found.append(Mismatch("says", f"text containing {wanted!r}", view.text or "(nothing)"))
    for unwanted in expect.not_says:
        if norm(unwanted) in norm(view.text):
            lines = [line for line in view.text.split("\n") if norm(unwanted) in norm(line)]
            found.append(Mismatch("not_says", f"no text containing {unwanted!r}", lines or [view.text]))
    if expect.buttons is not None:
        wanted_buttons, offered = _controls_dropped(content, expect.buttons), _controls_dropped(content, view.buttons)
        if [norm(b) for b in wanted_buttons] != [norm(b) for b in offered]:
            found.append(Mismatch("buttons", wanted_buttons, offered))
    missing = [b for b in expect.buttons_include if norm(b) not in {norm(o) for o in view.buttons}]
    if missing:
        found.append(Mismatch("buttons_include", f"buttons including {missing}", view.buttons or ["(no buttons)"]))
    if expect.warns is not None and sorted(expect.warns) != sorted(view.warnings):
        found.append(Mismatch("warns", sorted(expect.warns), sorted(view.warnings)))
    if expect.ends is not None and expect.ends != view.ended:
        found.append(Mismatch("ends", "the conversation ends" if expect.ends else "the conversation goes on",
                              "it ended" if view.ended else _where(view)))
    if expect.summary is not None:
        found += _check_summary(expect.summary, view)
    return found


def check_not_understood(at_most: int | None, views: list[TurnView]) -> list[Mismatch]:
    """The script's `not_understood_at_most`, once the turns so far say more than that."""
    count = sum(view.not_understood for view in views)
    if at_most is None or count <= at_most:
        return []
    turns = [view.user for view in views if view.not_understood]
    return [Mismatch("not_understood_at_most", f"at most {at_most} not understood",
                     [f"{count} not understood, at: {', '.join(turns)}"])]


def _check_summary(expect: SummaryExpect, view: TurnView) -> list[Mismatch]:
    shown = view.summary
    if shown is None:
        return [Mismatch("summary", "a summary", _where(view))]
    found: list[Mismatch] = []
    if expect.top is not None and shown.top != expect.top:
        found.append(Mismatch("summary.top", expect.top, _ranking(shown)))
    if expect.top_probability is not None:
        top = shown.top
        probability = shown.probabilities.get(top) if top is not None else None
        if probability is None or not _within(probability, expect.top_probability, shown.resolution):
            found.append(Mismatch("summary.top_probability", f"{top}: {expect.top_probability.describe()}",
                                  _ranking(shown)))
    for condition, wanted in expect.probabilities.items():
        probability = shown.probabilities.get(condition)
        if probability is None or not _within(probability, wanted, shown.resolution):
            found.append(Mismatch(f"summary.probabilities.{condition}", wanted.describe(), _ranking(shown)))
    if expect.triage is not None and shown.triage != expect.triage:
        found.append(Mismatch("summary.triage", expect.triage, str(shown.triage)))
    if expect.red_flags is not None and shown.red_flags is None:
        found.append(Mismatch("summary.red_flags", sorted(expect.red_flags) or "no warning signs",
                              "(this summary lists no warning signs: only the report for the doctor, "
                              "read after the first block, does)"))
    elif expect.red_flags is not None and sorted(expect.red_flags) != sorted(shown.red_flags or []):
        found.append(Mismatch("summary.red_flags", sorted(expect.red_flags), sorted(shown.red_flags or [])))
    if expect.not_ruled_out is not None and sorted(expect.not_ruled_out) != sorted(shown.not_ruled_out):
        found.append(Mismatch("summary.not_ruled_out", sorted(expect.not_ruled_out), sorted(shown.not_ruled_out)))
    if expect.disclaimer is not None and expect.disclaimer != shown.disclaimer:
        found.append(Mismatch("summary.disclaimer", "shown" if expect.disclaimer else "not shown",
                              "shown" if shown.disclaimer else "not shown"))
    return found


def _within(probability: float, wanted: Range, tolerance: float) -> bool:
    low = wanted.at_least if wanted.at_least is not None else 0.0
    high = wanted.at_most if wanted.at_most is not None else 1.0
    return low - tolerance <= probability <= high + tolerance


def _ranking(shown: SummaryView) -> str:
    ranked = sorted(shown.probabilities.items(), key=lambda item: -item[1])
    listed = ", ".join(f"{condition} {probability:.0%}" for condition, probability in ranked)
    return f"top {shown.top} ({listed or 'no percentages shown'})"


def _where(view: TurnView) -> str:
    if view.question is not None:
        return f"question {view.question}"
    if view.summary is not None:
        return "no question (the summary was shown)"
    return "no question (the conversation ended)" if view.ended else "no question"


def _controls_dropped(content: Content, labels: list[str]) -> list[str]:
    # A multi-select's "Done" is a Telegram button but not a terminal option (there one
    # types "1,3"), and "Why am I asked this?" is a Telegram button under every question
    # that the terminal offers as the typed word "why": both are left out of `buttons`.
    controls = labels_in_every_language(content, "done_label") | labels_in_every_language(content, "why_label")
    return [label for label in labels if norm(label) not in controls]
