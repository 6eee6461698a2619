"""What one turn of a conversation showed, in the same shape for every channel.

Who calls it: the channel drivers (bot/script_engine.py, script_terminal.py,
script_telegram.py) build a `TurnView` after each thing the person does; the checks
(bot/script_check.py) compare it with the script's `expect`. The engine fills it from
the structured replies; the terminal and Telegram only have what they displayed, so
`TextReader` recognises questions, red-flag warnings and the summary in displayed text
using the wording in content/ — a channel that garbles a message fails the check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from bot.script_model import CHANGE_MENU, DANGER_OFFER
from flows.content import get_content

TEXT_RESOLUTION = 0.005  # displayed percentages are rounded to whole points
# The replies that say a typed answer could not be used as it was (not understood, not a
# number, out of range, a clarifying question...): content/ui.yaml message ids.
NOT_UNDERSTOOD = ("choose_one", "choose_several", "number_fits_no_option", "need_number", "vague_number",
                  "number_out_of_range", "clarify", "exclusive_alone", "nothing_selected", "empty_answer",
                  "danger_offer_again")
_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
_PERCENT = re.compile(r"(<1|\d+)%")
_BAR_LINE = re.compile(r"^[█░]+\s+(?:[^\d<\s]+\s+)?(<1|\d+)%\s+(.+?)\s*$")  # "over 95%" reads as 95%


_LOOKALIKES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "‑": "-"})


def norm(text: str) -> str:
    """Case-, spacing-, quote- and dash-insensitive form for "contains" and label checks.

    So an author may type "weeks 1-13" and "Don't know" for "weeks 1–13" and "Don’t know".
    """
    return " ".join(text.translate(_LOOKALIKES).split()).casefold()


@dataclass(frozen=True)
class SummaryView:
    """The summary's facts as shown: condition ids, probabilities 0-1, triage level id."""

    top: str | None
    probabilities: dict[str, float]
    triage: str | None
    red_flags: list[str]
    disclaimer: bool
    resolution: float = 0.0  # how far a displayed probability may be from the true one


@dataclass
class TurnView:
    """One turn: what the person did and everything the bot showed in reply."""

    user: str  # the action as shown in the transcript, e.g. `> 34` or `[press] Yes`
    said: list[str] = field(default_factory=list)  # each message as displayed
    question: str | None = None  # id of the question shown last (or "change"); None if none
    buttons: list[str] = field(default_factory=list)  # that question's choices, by label
    warnings: list[str] = field(default_factory=list)  # red flag ids warned in this turn
    summary: SummaryView | None = None
    ended: bool = False  # an end message (out of scope, or "assessment complete")
    not_understood: int = 0  # replies saying an answer could not be used (NOT_UNDERSTOOD)

    @property
    def text(self) -> str:
        return "\n".join(self.said)

    def transcript(self) -> str:
        lines = [self.user]
        for message in self.said:
            lines += [f"    {line}" if line else "" for line in message.strip("\n").split("\n")]
        return "\n".join(lines)


def merge_turns(views: list[TurnView], shown: str) -> TurnView:
    """Several presses that make one step (a multi-select) as one turn: all said, last state."""
    last = views[-1]
    return TurnView(shown, said=[text for view in views for text in view.said], question=last.question,
                    buttons=last.buttons, warnings=[w for view in views for w in view.warnings],
                    summary=last.summary, ended=last.ended,
                    not_understood=sum(view.not_understood for view in views))


class TextReader:
    """Recognises the dialogue's messages in displayed text, by content wording."""

    def __init__(self) -> None:
        content = get_content()
        self.questions = {qid: content.text(q.text) for qid, q in content.questions.items()}
        self.questions[CHANGE_MENU] = content.message("change_choose")
        self.questions[DANGER_OFFER] = content.message("danger_offer")
        self.headers = {f.id: content.message("red_flag_header", title=content.text(f.title))
                        for f in content.triage.red_flags}
        self.flag_lines = {f"⚠️ {content.text(f.title)}": f.id for f in content.triage.red_flags}
        self.names = {content.text(c.name): cid for cid, c in content.conditions.items()}
        self.top_prefixes = {
            cid: content.message("most_likely_text", name=content.text(c.name), term=content.text(c.clinical_term),
                                 percent="\x00").split("\x00")[0]
            for cid, c in content.conditions.items()
        }
        self.levels = {norm(content.text(level.label)): lid for lid, level in content.triage.levels.items()}
        self.disclaimer = norm(content.message("disclaimer"))
        self.disclaimer_text = content.message("disclaimer")
        self.endings = [norm(content.message("out_of_scope")), norm(content.message("finished"))]
        self.not_understood_patterns = [_pattern(content.message(key)) for key in NOT_UNDERSTOOD]

    def question_at(self, text: str) -> tuple[str, int] | None:
        """The question whose wording appears last in `text`, and where it starts."""
        found = [(text.rfind(wording), -len(wording), qid) for qid, wording in self.questions.items()]
        position, _, qid = max(found)
        return (qid, position) if position >= 0 else None

    def question_after_summary(self, text: str) -> tuple[str, int] | None:
        """The question shown after everything else, even after a summary (as after "See what
        to do now": the short emergency summary, then the question pending). A summary ends
        with the disclaimer; a question's wording found before it is not a question shown."""
        found = self.question_at(text)
        if found is None or self.summary(text) is None:
            return found
        end = text.rfind(self.disclaimer_text)
        return found if end >= 0 and found[1] > end else None

    def not_understood(self, text: str) -> int:
        """How many replies in `text` say that an answer could not be used."""
        return sum(len(pattern.findall(text)) for pattern in self.not_understood_patterns)

    def warnings(self, text: str) -> list[str]:
        """The red flags whose header is a whole line of `text` (one title can begin another)."""
        lines = {line.strip().removeprefix("!!").strip() for line in text.split("\n")}  # the terminal marks "!!"
        return [flag for flag, header in self.headers.items() if header in lines]

    def ended(self, text: str) -> bool:
        shown = norm(text)
        return any(ending in shown for ending in self.endings)

    def summary(self, text: str) -> SummaryView | None:
        """The summary's facts, or None when no summary was shown."""
        top = None
        for cid, prefix in self.top_prefixes.items():
            if prefix in text:
                top = cid
                break
        probabilities: dict[str, float] = {}
        for line in text.split("\n"):
            match = _BAR_LINE.match(line.strip())
            if match and match.group(2) in self.names:
                probabilities[self.names[match.group(2)]] = _percent(match.group(1))
        if top is not None and top not in probabilities:
            match = _PERCENT.search(text, text.find(self.top_prefixes[top]))
            if match:
                probabilities[top] = _percent(match.group(1))
        shown = norm(text)
        triage = self.triage(text)
        if top is None and triage is None:
            return None
        flags = [self.flag_lines[line.strip()] for line in text.split("\n") if line.strip() in self.flag_lines]
        return SummaryView(top, probabilities, triage, list(dict.fromkeys(flags)), self.disclaimer in shown,
                           TEXT_RESOLUTION)

    def triage(self, text: str) -> str | None:
        """The level of care: the first line that begins with a level's label."""
        for line in text.split("\n"):
            shown = norm(line)
            for label, level in self.levels.items():
                if shown.startswith(label):
                    return level
        return None


def _pattern(message: str) -> re.Pattern[str]:
    """A message template as a regular expression: each {placeholder} matches any text."""
    parts = _PLACEHOLDER.split(message)
    return re.compile(".*?".join(re.escape(part) for part in parts))


def _percent(shown: str) -> float:
    return 0.0 if shown == "<1" else int(shown) / 100


@cache
def text_reader() -> TextReader:
    """One reader per process (content is loaded once)."""
    return TextReader()
