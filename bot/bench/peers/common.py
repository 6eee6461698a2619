"""What both peers share with the bot: the questions, the parsing, the branching, the summary.

Who uses it: the peers in this folder, once at start (`Questions(engine)`), then per update.
A peer is what a PTB or aiogram user would write for the same product, so it asks the
same questions, parses typed answers the same way (flows.answers), branches with the
same flow (flows.machine), passes over the same questions that could not change anything
(flows.lookahead) and ends with the same summary (flows.assessment, flows.report). What
differs is where the conversation's state lives: the framework's own per-user dict
instead of this bot's session store. (It makes no offer after an emergency warning: the
bench's conversations have none, bot/bench/stream.py.)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flows.answers import AnswerReader, describe
from flows.assessment import assess
from flows.case import Case
from flows.content import Content
from flows.dialogue import Engine
from flows.lookahead import could_matter
from flows.machine import SUMMARY_STATE, FlowMachine
from flows.recording import record
from flows.report import summary_replies


@dataclass
class Step:
    """What to do after one typed answer."""

    ok: bool
    texts: list[str]  # messages to send, in order
    next_state: str | None = None  # None: stay (bad answer) or the conversation is over
    keyboard: list[str] | None = None  # option labels for the next question
    finished: bool = False
    echo: str = ""  # "Question: answer", for a peer that confirms each answer as this bot does


class Questions:
    """Built once per peer from the bench's engine, as the bot builds its own once."""

    def __init__(self, engine: Engine) -> None:
        self.content: Content = engine.content
        self.machine: FlowMachine = engine.machine
        self.reader: AnswerReader = engine.reader()
        self.initial = self.machine.initial
        self.states = list(self.machine.question_of)  # every question state
        self.welcome = [self.content.message("welcome"), self.content.message("short_disclaimer")]

    def question(self, state: str) -> tuple[str, list[str]]:
        """The question's text and its option labels (empty for a number)."""
        q = self.content.questions[self.machine.question_of[state]]
        text = self.content.text(q.text) + (("\n" + self.content.text(q.help)) if q.help is not None else "")
        return text, [self.content.text(o.label) for o in self.content.options[q.id]]

    def answer(self, state: str, text: str, answers: dict[str, Any]) -> Step:
        """Parse `text` for the question at `state`, record it in `answers`, pick what comes next."""
        question = self.content.questions[self.machine.question_of[state]]
        parsed = self.reader.read(question.id, text)
        if not parsed.ok:
            return Step(False, [self.content.message(parsed.error, **parsed.values)])
        probe = Case()
        record(probe, question, parsed.value)
        answers.update({name: getattr(probe, name) for name in question.fields})
        echo = self.content.message("answered", question=self.content.text(question.short),
                                    answer=describe(self.content, question.id, parsed.value))
        case = Case.model_construct(**answers)
        following = self.machine.next_state(state, case)
        while not self.machine.is_final(following) and following not in self.machine.always_ask and not (
                could_matter(self.content.questions[self.machine.question_of[following]], case, self.content)):
            following = self.machine.next_state(following, case)  # passed over, as the bot passes it
        if following == SUMMARY_STATE:
            replies = summary_replies(case, assess(case, self.content), self.content)
            texts = [f"{r.title}\n{r.text}" if r.title else r.text for r in replies]
            return Step(True, texts, finished=True, echo=echo)
        if self.machine.is_final(following):
            return Step(True, [self.content.message(following)], finished=True, echo=echo)
        question_text, labels = self.question(following)
        return Step(True, [question_text], following, labels, echo=echo)
