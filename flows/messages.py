"""What goes into the dialogue and what comes out: channel-neutral and serialisable.

Channels (terminal, Telegram, scripts) translate their own events into a UserInput and
render Replies their own way; the dialogue knows nothing of either.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

# "edited": a message already sent was changed (Telegram), which is not read again.
InputKind = Literal["text", "button", "command", "unsupported", "edited"]

ReplyKind = Literal[
    "notice",  # welcome, help, undo confirmations
    "question",  # a new question with its choices
    "selection",  # the current multi-select question, re-drawn with what is selected so far
    "answered",  # echo of the answer just recorded: channels may show it on the pressed message
    "warning",  # a red flag, said at once
    "error",  # the input could not be used; the question follows again
    "summary",  # the summary's first block, its disclaimer, or one section asked for
    "report",  # the person asked for the clinician report: the channel makes it (PDF)
    "end",  # the conversation is over (out of scope, or finished)
]


class UserInput(BaseModel):
    """One thing the person did: typed text, pressed a button, used a command, sent a photo."""

    model_config = ConfigDict(frozen=True)

    kind: InputKind
    text: str = ""  # typed text, or the command name without slash
    step: int | None = None  # for buttons: the session step the button was drawn at
    payload: str = ""  # for buttons
    # The language the channel knows the person uses (Telegram's language_code, the
    # terminal's --lang or locale): it chooses the language of a conversation that has not
    # started yet, and nothing after that (the session keeps its language; /language changes it).
    language: str | None = None
    # The day it was sent (Telegram's message date, the terminal's today): "since March" is
    # counted to it. None: such an answer is asked again as a number.
    sent_on: date | None = None
    # The words came with a photo, file or voice message (Telegram's caption), which is not
    # seen: a photo of a scan report "here is my MRI, it says bone oedema" is read by its words.
    attachment: bool = False

    @classmethod
    def typed(cls, text: str) -> UserInput:
        return cls(kind="text", text=text)

    @classmethod
    def captioned(cls, text: str) -> UserInput:
        return cls(kind="text", text=text, attachment=True)

    @classmethod
    def button(cls, step: int, payload: str) -> UserInput:
        return cls(kind="button", step=step, payload=payload)

    @classmethod
    def command(cls, name: str) -> UserInput:
        return cls(kind="command", text=name)

    @classmethod
    def unsupported(cls) -> UserInput:
        return cls(kind="unsupported")

    @classmethod
    def edited(cls) -> UserInput:
        return cls(kind="edited")


class Choice(BaseModel):
    """A button: its label and the payload that comes back when pressed."""

    model_config = ConfigDict(frozen=True)

    label: str
    payload: str


LineMark = Literal[
    "",  # a line of its own: a heading, a cause with its estimate, a note
    "item",  # one of a list: a cause, a danger not ruled out, an advice, a finding
    "for",  # under a cause: a point for it
    "against",  # under a cause: a point against it
    "about",  # under a cause: what it is
]


class Line(BaseModel):
    """One line of a summary: its words and what it is in the layout. Channels draw the
    marks (bullets, signs, indents); flows/ says only which kind of line it is."""

    model_config = ConfigDict(frozen=True)

    text: str
    mark: LineMark = ""


class Cause(BaseModel):
    """One condition of the ranking and its probability (0-1, rounded as `itoh-bot assess --json` gives it)."""

    model_config = ConfigDict(frozen=True)

    condition: str
    probability: float


class Assessed(BaseModel):
    """What a summary reply says, by ids: channels and the script checks read these, never its text."""

    model_config = ConfigDict(frozen=True)

    ranking: list[Cause]  # every condition, most likely first
    triage: str  # the level of care's id
    red_flags: list[str]  # the warning signs that hold, by flag id
    not_ruled_out: list[str]  # condition ids, in the order the summary names them
    sections: list[str] = Field(default_factory=list)  # the ids of the sections offered, as the choices are


class Reply(BaseModel):
    """One message to show. `step` is the session step that its buttons belong to."""

    model_config = ConfigDict(frozen=True)

    kind: ReplyKind
    text: str
    code: str | None = None  # the content id of what it says (a message, question, flag or section id)
    title: str | None = None
    question_id: str | None = None
    choices: list[Choice] = Field(default_factory=list)
    multi: bool = False
    selected: list[int] = Field(default_factory=list)  # indices into choices
    step: int = 0
    actions: list[Choice] = Field(default_factory=list)  # secondary buttons ("Why am I asked this?")
    assessed: Assessed | None = None  # on the first summary block and the emergency summary
    # A summary's lines with their layout, for channels to draw; `text` then holds their words.
    lines: list[Line] = Field(default_factory=list)
