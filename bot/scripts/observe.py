"""What one turn of a conversation showed, in the same shape for every channel.

Who calls it: the channel drivers (bot/scripts/drivers/: engine.py, terminal.py,
telegram.py) build a `TurnView` after each thing the person does; the checks
(bot/scripts/check.py) compare it with the script's `expect`. The engine fills it from
the structured replies; the terminal and Telegram only have what they displayed, so
`TextReader` recognises questions, red-flag warnings and the summary in displayed text
using the wording in content/ — a channel that garbles a message fails the check.

The summary opens with a first block; its sections and the report for the doctor are
shown on request (issue 17). Whenever a turn shows the first block, the runner asks for
them on the same channel (`/more`, then `/report`) and reads them as part of that turn
(`TurnView.followups`): guidance is read from the sections, the whole ranking from "Why
these causes", and the warning signs from the report for the doctor, the one place the
summary lists them.
"""

from __future__ import annotations

import io
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from bot.reply_text import warning_heading
from bot.reports.pdf import latin1
from bot.scripts.model import CHANGE_MENU, DANGER_OFFER, LANGUAGE_MENU
from flows.content import Content
from flows.content_models import Text

TEXT_RESOLUTION = 0.005  # displayed percentages are rounded to whole points
# The replies that say a typed answer could not be used as it was (not understood, not a
# number, out of range, a clarifying question...): content/ui.yaml message ids.
NOT_UNDERSTOOD = ("choose_one", "choose_several", "number_fits_no_option", "need_number", "vague_number",
                  "number_out_of_range", "clarify", "which_of_them", "exclusive_alone", "nothing_selected",
                  "empty_answer", "danger_offer_again")
_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
_NUMBER = re.compile(r"<1|\d+")


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
    # The warning signs listed (red flag ids): the report for the doctor lists them; None
    # when none was read, as with the short emergency summary, which does not list them.
    red_flags: list[str] | None
    disclaimer: bool
    not_ruled_out: list[str] = field(default_factory=list)  # condition ids, as listed
    full: bool = False  # the first block with its sections offered (not the emergency summary)
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
    report_red_flags: list[str] | None = None  # the warning signs in a report for the doctor given
    report: str | None = None  # the text of that report (the PDF's, or as built on the engine)
    locale: str = ""  # the language the conversation was in after this turn (/language can change it)
    # What the runner asked for after the summary's first block, read as part of this turn:
    # every section (/more) and the report for the doctor (/report).
    followups: list[TurnView] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join([*self.said, *(view.text for view in self.followups)])

    def everything(self) -> list[tuple[str, str]]:
        """(language, text) for everything the person was shown in this turn, the language
        being the one the conversation was in: every message (with its buttons), the text
        of a report for the doctor given, and what the runner asked for after a first
        block (the sections, the report)."""
        shown = [(self.locale, text) for text in self.said]
        if self.report is not None:
            shown.append((self.locale, self.report))
        return shown + [item for view in self.followups for item in view.everything()]

    def transcript(self) -> str:
        lines = [self.user]
        for message in self.said:
            lines += [f"    {line}" if line else "" for line in message.strip("\n").split("\n")]
        lines += [view.transcript() for view in self.followups]
        return "\n".join(lines)


FOLLOWUPS = (("more", "every section"), ("report", "the report for the doctor"))  # asked after a first block


def followup_shown(command: str, what: str) -> str:
    """How a request the runner makes itself appears in the transcript."""
    return f"> /{command}    (asked by the runner: {what})"


async def ask_followups(view: TurnView, command: Callable[[str], Awaitable[TurnView]]) -> TurnView:
    """Ask for every section and the report for the doctor after `view`'s first block (the
    same commands a person would send), and keep what they showed in `view.followups`."""
    for name, what in FOLLOWUPS:
        followup = await command(name)
        followup.user = followup_shown(name, what)
        view.followups.append(followup)
    return view


def merge_turns(views: list[TurnView], shown: str) -> TurnView:
    """Several presses that make one step (a multi-select) as one turn: all said, last state."""
    last = views[-1]
    return TurnView(shown, said=[text for view in views for text in view.said], question=last.question,
                    buttons=last.buttons, warnings=[w for view in views for w in view.warnings],
                    summary=last.summary, ended=last.ended,
                    not_understood=sum(view.not_understood for view in views), locale=last.locale)


class TextReader:
    """Recognises the dialogue's messages in displayed text, by content wording in one
    language (the conversation's: a script's `language`, or the one chosen with /language)."""

    def __init__(self, content: Content, locale: str | None = None) -> None:
        self.locale = locale = locale or content.default_language

        def message(key: str, **values: object) -> str:
            return content.message(key, locale, **values)

        def text(value: Text) -> str:
            return content.text(value, locale)

        # Each question's wordings: as asked of the writer, and of someone else they answer for.
        self.questions = [(qid, text(wording)) for qid, q in content.questions.items()
                          for wording in (q.text, q.text_for_someone_else) if wording is not None]
        self.questions += [(CHANGE_MENU, message("change_choose")), (DANGER_OFFER, message("danger_offer")),
                           (LANGUAGE_MENU, message("language_choose"))]
        self.headers = {f.id: warning_heading(message("red_flag_header", title=text(f.title)))
                        for f in content.triage.red_flags}
        self.names = {text(c.name): cid for cid, c in content.conditions.items()}
        self.flag_titles = {norm(_latin1(text(f.title))): f.id for f in content.triage.red_flags}
        self.causes_title = message("first_causes_title") + ":"
        self.open_title = message("not_ruled_out_title") + ":"
        self.cause_line = _cause_pattern(content, list(self.names), locale)
        self.cause_said = _cause_said_pattern(content, list(self.names), locale)
        self.version_line = _pattern(message("content_version_line"))
        self.report_headings = {norm(message(f"report_{key}")) for key in (
            "who", "findings", "differential", "red_flags", "not_ruled_out", "level", "guidance", "disclaimer")}
        self.report_flags_heading = norm(message("report_red_flags"))
        self.report_written = _pattern(message("report_written"), capture=True)
        # each level's label, the words it is said with when a warning needs help now, and
        # its words for some people (late in pregnancy: the maternity unit)
        self.levels = {norm(text(words.label)): lid for lid, level in content.triage.levels.items()
                       for words in (level, level.at_once, *level.for_person) if words is not None}
        self.disclaimer = norm(message("disclaimer"))
        self.disclaimer_text = message("disclaimer")
        # Every end but the summary has its message under its state's id (out_of_scope, replaced_hip),
        # and some a second one for after an emergency warning (`<id>_after_a_warning`)
        ends = [state.id for state in content.flow.states if state.final and state.id != "summary"]
        ends += [f"{end}_after_a_warning" for end in ends if f"{end}_after_a_warning" in content.ui.messages]
        # ...and one said to the person themself (`<id>_to_themself`: a teenager typing for himself)
        ends += [f"{end}_to_themself" for end in ends if f"{end}_to_themself" in content.ui.messages]
        # (an end with sentences said for some people only says `{also}` where: what comes
        # before it is always said; a message after the end meets `ended_again`, user test en 19)
        self.endings = [*(norm(message(end).split("{also}")[0]) for end in ends), norm(message("finished")),
                        norm(message("ended_again"))]
        self.not_understood_patterns = [_pattern(message(key)) for key in NOT_UNDERSTOOD]

    def question_at(self, text: str) -> tuple[str, int] | None:
        """The question whose wording appears last in `text`, and where it starts."""
        found = [(text.rfind(wording), -len(wording), qid) for qid, wording in self.questions]
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

    def summary(self, text: str, red_flags: list[str] | None = None) -> SummaryView | None:
        """The summary's facts, or None when no summary was shown.

        `text` may hold the first block followed by its sections: the top cause is the first
        listed under "Most likely causes" (the last such list, if the short emergency summary
        came first), the estimates are every "name: band (percent)" shown, what is not ruled
        out every condition listed under "Not ruled out yet". `red_flags`: the warning signs
        read from the report for the doctor, if one was given.
        """
        triage = self.triage(text)
        start = text.rfind(self.causes_title)
        if start < 0 and triage is None:
            return None
        causes = [(self.names[m.group("name")], _percent(m.group("percent"))) for m in self.cause_line.finditer(text)]
        top = None
        if start >= 0:
            # The first cause listed, with a number or said as what it needs (`said_as`).
            found = [m for m in (self.cause_line.search(text, start), self.cause_said.search(text, start)) if m]
            first = min(found, key=lambda m: m.start(), default=None)
            top = self.names[first.group("name")] if first else None
        probabilities: dict[str, float] = {}
        for condition, probability in causes:
            probabilities.setdefault(condition, probability)
        return SummaryView(top, probabilities, triage, red_flags, self.disclaimer in norm(text),
                           self.not_ruled_out(text), self.version_line.search(text) is not None, TEXT_RESOLUTION)

    def not_ruled_out(self, text: str) -> list[str]:
        """The conditions listed under each "Not ruled out yet:" (first block and sections)."""
        found: list[str] = []
        listing = False
        for line in text.split("\n"):
            shown = line.strip()
            if shown == self.open_title:
                listing = True
            elif listing and shown.startswith("• "):
                name = shown.removeprefix("• ").split(": ", 1)[0]
                if name in self.names:
                    found.append(self.names[name])
            else:
                listing = False
        return list(dict.fromkeys(found))

    def report_red_flags(self, pdf: bytes) -> list[str]:
        """The warning signs listed in the report for the doctor (a PDF), as red flag ids."""
        return self.red_flags_in_report(report_text(pdf))

    def red_flags_in_report(self, text: str) -> list[str]:
        """The warning signs listed in the report for the doctor's text, as red flag ids.

        An item that is no known warning sign is kept as "?<text>", so that a garbled
        report fails the check instead of passing it.
        """
        lines = [line.strip() for line in text.split("\n")]
        items: list[str] = []
        listing = False
        for line in lines:
            if norm(line) in self.report_headings:
                listing = norm(line) == self.report_flags_heading
            elif listing and line.startswith("- "):
                items.append(line.removeprefix("- "))
            elif listing and items and line:
                items[-1] += " " + line  # a long item wrapped onto the next line
        return [self.flag_titles.get(norm(item), f"?{item}") for item in items]

    def report_path(self, text: str) -> str | None:
        """Where the terminal says it saved the report for the doctor."""
        match = self.report_written.search(" ".join(text.split()))  # as if no line were wrapped
        return match.group(1) if match else None

    def triage(self, text: str) -> str | None:
        """The level of care: the first line that begins with a level's label."""
        for line in text.split("\n"):
            shown = norm(line)
            for label, level in self.levels.items():
                if shown.startswith(label):
                    return level
        return None


def _pattern(message: str, capture: bool = False) -> re.Pattern[str]:
    """A message template as a regular expression: each {placeholder} matches any text."""
    parts = _PLACEHOLDER.split(message)
    return re.compile(("(.*?)" if capture else ".*?").join(re.escape(part) for part in parts))


def _cause_pattern(content: Content, names: list[str], locale: str) -> re.Pattern[str]:
    """ "<name>: <band> (<percent>)", from the content's own cause_line and percent wording."""

    def alternatives(words: list[str]) -> str:
        return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))

    bands = [content.text(b.label, locale) for b in content.evidence.bands] + [
        content.message(said, locale) for said in ("open_band", "unconfirmed_band")]
    at_most = re.escape(content.message("percent_at_most", locale, percent="\x00")).replace("\x00", r"\d+%")
    marked = re.escape(content.message("cause_line", locale, name="\x01", band="\x02", percent="\x03"))
    return re.compile(marked.replace("\x01", f"(?P<name>{alternatives(names)})")
                      .replace("\x02", f"(?:{alternatives(bands)})")
                      .replace("\x03", rf"(?P<percent><1%|\d+%|{at_most})"))


def _cause_said_pattern(content: Content, names: list[str], locale: str) -> re.Pattern[str]:
    """ "<name>: <what it needs>", for causes shown without a number (conditions.yaml `said_as`,
    and a danger not ruled out yet with a low estimate)."""
    said = [content.text(c.said_as.text, locale) for c in content.conditions.values() if c.said_as is not None]
    said.append(content.message("open_band", locale))  # a danger not ruled out yet, with a low estimate

    def alternatives(words: list[str]) -> str:
        return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))

    marked = re.escape(content.message("cause_line_said", locale, name="\x01", said="\x02"))
    return re.compile(marked.replace("\x01", f"(?P<name>{alternatives(names)})")
                      .replace("\x02", f"(?:{alternatives(said)})"))


def _percent(shown: str) -> float:
    """ "12%" -> 0.12, "<1%" -> 0, "over 95%" -> 0.95 (read as its number)."""
    number = _NUMBER.search(shown)
    assert number is not None
    return 0.0 if number.group() == "<1" else int(number.group()) / 100


def _latin1(text: str) -> str:
    """A text as the PDF report prints it (its typographic characters made plain)."""
    return latin1(text)


def report_text(pdf: bytes) -> str:
    """The text of the report for the doctor (a PDF), line by line. Needs pypdf (the
    `test` extra)."""
    from pypdf import PdfReader  # lazy: pypdf is the `test` extra, needed only to read a report

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


class TextReaders:
    """One `TextReader` per language, each built on first use and kept (a driver holds one)."""

    def __init__(self, content: Content) -> None:
        self.content = content
        self._readers: dict[str, TextReader] = {}

    def __call__(self, locale: str | None = None) -> TextReader:
        locale = locale or self.content.default_language
        if locale not in self._readers:
            self._readers[locale] = TextReader(self.content, locale)
        return self._readers[locale]


def language_switched(content: Content, text: str) -> str | None:
    """The language the conversation was switched to in `text` (/language: "From now on,
    in English."), the last one if several; None if it was not switched."""
    found = [(text.rfind(content.message("language_set", language)), language) for language in content.languages]
    position, language = max(found)
    return language if position >= 0 else None


def labels_in_every_language(content: Content, key: str) -> set[str]:
    """A ui.yaml message (a button label) in each language offered, normalised for matching."""
    return {norm(content.message(key, language)) for language in content.languages}
