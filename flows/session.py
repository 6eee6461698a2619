"""The Session: one conversation's state, small and JSON-serialisable for every store."""

from __future__ import annotations

from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, Field

from flows.case import Case
from flows.machine import SUMMARY_STATE

SCHEMA_VERSION: Final = 1  # Final: its type is Literal[1], as the field below

Mode = Literal["asking", "changing", "choosing_change", "danger_offer", "choosing_language"]


class Session(BaseModel):
    """Where the conversation is and what it has learned.

    `answered` is the history: question ids in the order last answered, so /back undoes
    the last one. `step` grows with every change and never resets, even on /restart, so
    a button from an earlier step or an earlier conversation is recognised as stale.
    `draft` holds a multi-select in progress (toggled with buttons, submitted with Done).
    `announced` lists the red flags already said, so each is said once.
    `skipped` lists the questions the look-ahead passed over (flows/lookahead.py), said in
    the summary. `mode` "danger_offer": an emergency warning was just given and the
    person chooses between what to do now and carrying on; `danger_offered` says that
    choice was given, so it is given once; "choosing_language": the /language menu is
    open, and `mode_before_language` is the mode to return to. `locale` is the language
    chosen (ui.yaml `languages`): every reply is in it.
    A channel that stores more beside the conversation (bot/chat_turn.py's update ids)
    extends this model; the dialogue keeps what it does not know of as it is.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    schema_version: Literal[1] = SCHEMA_VERSION
    state: str
    case: Case = Field(default_factory=Case)
    answered: list[str] = Field(default_factory=list)
    step: int = Field(default=0, ge=0)
    mode: Mode = "asking"
    draft: list[int] = Field(default_factory=list)
    # Checklist items named in answers to earlier questions (question state -> option
    # indices): recorded at once, ticked when the checklist comes, and kept when it is answered.
    noted: dict[str, list[int]] = Field(default_factory=dict)
    # Numbers heard in answers to earlier questions, held for their question (state -> the
    # words said, "2 months"; "" when two different ones were heard): taken when it comes.
    held_numbers: dict[str, str] = Field(default_factory=dict)
    # A name several answers of a question not yet asked share, heard in passing ("I'm
    # pregnant": every stage of a pregnancy; state -> their option indices): none is taken and
    # the question asks which, but what they have in common is known meanwhile (an age under
    # 12 is doubted: `Question.below_minimum_doubted_when`).
    heard_among: dict[str, list[int]] = Field(default_factory=dict)
    # Answers in a row not understood at the current question: from the second, how to go
    # on is said as well (a user test met seven identical "sorry"s).
    missed: int = 0
    # Checklist items denied by name so far at `denied_at` ("no xray yet"), while the others are asked.
    denied: list[int] = Field(default_factory=list)
    denied_at: str | None = None
    # ...and denied by name in answers to earlier questions (checklist state -> option indices:
    # "no trauma" in a clinician's note, user test en 20): said when that checklist is asked.
    denied_early: dict[str, list[int]] = Field(default_factory=dict)
    # An answer at `pending_at` whose unit was asked ("PCR 12,4": mg/L or mg/dL?), completed
    # by a reply that names the unit (flows/answers.py `Parsed.pending`).
    pending: str = ""
    pending_at: str | None = None
    # A number read ahead ("female 42" gave the age) and the state asked after it: the same
    # number typed again there repeats that answer; it is not this question's (42 weeks pregnant).
    ahead_said: str = ""
    ahead_at: str | None = None
    # Answers taken from what was written earlier, not typed at their question (`answered_earlier`):
    # /back passes over them to the last answer the person gave (user test pt 23: "tive bebe faz
    # 3 meses", "32", /voltar undid the pregnancy taken from the first message, not the age).
    taken_unasked: list[str] = Field(default_factory=list)
    # A number below its question's minimum doubted there ("2" for the age of someone who
    # said she is pregnant): "<state> <number>"; the same number typed again is taken.
    doubted: str = ""
    announced: list[str] = Field(default_factory=list)
    skipped: list[str] = Field(default_factory=list)  # questions passed over by the look-ahead
    danger_offered: bool = False
    before_change: Case | None = None  # the case when /change began, to say what the change did
    locale: str = "en"
    # A relative or a clinician answers for someone else: the questions ask about "them"
    # (flows/answers.py `asks_for_someone_else`).
    for_someone_else: bool = False
    # ...a relative they named ("asking for my brother"): answers given since were that
    # person's, so "it's for me" starts the questions again (not after "42M L hip pain").
    relative_named: bool = False
    # ...a clinician writing for a patient ("GP here", "65F, R hip"): the summary says it is
    # written for the patient, and where the clinician's own report is.
    by_a_clinician: bool = False
    # ...and how many answers had been given when the writer said they write for someone else: the
    # answers before were the writer's own ("...minha mae falou q posso tomar ibuprofeno?" at
    # the third question, then "é pra mim": nothing to start again).
    someone_else_from: int = 0
    mode_before_language: Mode | None = None
    started: bool = False
    # A message opening the conversation ("oi", "my hip hurts") was thanked: the next one is
    # not thanked again, the question is asked (user test pt 28: "Obrigado..." twice in a row).
    opening_thanked: bool = False

    @property
    def before_the_summary(self) -> bool:
        """The questions are not all answered: a report asked for now (after an emergency
        warning) is made from the answers so far."""
        return self.state != SUMMARY_STATE

    def to_json(self) -> str:
        return self.model_dump_json()

    @classmethod
    def from_json(cls, payload: str) -> Session:
        return cls.model_validate_json(payload)
