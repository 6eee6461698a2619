"""The conversation engine: `step(session, user_input) -> (session, replies)`.

Who calls it: every channel (terminal, Telegram, scripted tests) once per thing the
person does. It is pure: no I/O, no clock, no randomness, and it never changes the
session it is given (unless the caller hands it over with `owned=True`), so a channel
can save the new session before replying and a failed save loses nothing. Bad input
never raises; it yields an "error" reply and the same question again, with the session
unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from flows.answers import MAX_ANSWER_CHARS, AnswerReader, Parsed, describe, get_reader, normalise, quote
from flows.assessment import assess
from flows.content import Content, get_content
from flows.machine import FlowMachine, get_machine
from flows.messages import Choice, Reply, UserInput
from flows.numerals import whole_number
from flows.recording import clear, record, recorded
from flows.report import summary_replies
from flows.session import Session

SUMMARY_STATE = "summary"


@dataclass(frozen=True)
class Engine:
    """Everything built once per process that a step needs."""

    content: Content
    machine: FlowMachine
    reader: AnswerReader
    command_words: dict[str, str]  # normalised word -> command id


@cache
def get_engine() -> Engine:
    """Built once per process, like the content, machine and reader it holds (not per step)."""
    content = get_content()
    words = {normalise(word): command for command, ws in content.ui.commands.items() for word in ws}
    return Engine(content, get_machine(), get_reader(), words)


def new_session(step: int = 0) -> Session:
    """A fresh conversation; `step` continues from an earlier one so its buttons stay stale."""
    return Session(state=get_machine().initial, step=step)


def step(session: Session | None, user_input: UserInput, *, owned: bool = False) -> tuple[Session, list[Reply]]:
    """Apply one input to a copy of the session; return the new session and what to say.

    `owned=True` is for a caller that hands over a session nobody else holds and that it
    will not use again (bot/chat_turn.py parses a fresh one from the store for every
    update): that session is then changed in place and returned, saving the deep copy.
    Everyone else gets the default, and their session is never touched.
    """
    engine = get_engine()
    if session is None or not owned:
        current = session.model_copy(deep=True) if session is not None else new_session()
    else:
        current = session  # handed over: changed in place
    return current, _Turn(engine, current).handle(user_input)


class _Turn:
    """One step's work on a session copy that the caller will keep."""

    def __init__(self, engine: Engine, session: Session) -> None:
        self.e = engine
        self.s = session
        self.c = engine.content

    def msg(self, key: str, **values: Any) -> str:
        return self.c.message(key, self.s.locale, **values)

    # dispatch ----------------------------------------------------------------------

    def handle(self, user_input: UserInput) -> list[Reply]:
        if user_input.kind == "command":
            return self.command(normalise(user_input.text).lstrip("/").split("@")[0])
        if not self.s.started:
            return self.start()
        if user_input.kind == "unsupported":
            return [self.error("not_text"), *self.ask()]
        if user_input.kind == "button":
            return self.button(user_input)
        return self.typed(user_input.text)

    def typed(self, text: str) -> list[Reply]:
        if len(text) > MAX_ANSWER_CHARS:
            return [self.error("too_long", length=len(text)), *self.ask()]
        if not normalise(text):
            return [self.error("empty_answer", reminder=self.msg("dont_know_reminder")), *self.ask()]
        if normalise(text).startswith("/"):
            return self.command(normalise(text).lstrip("/").split("@")[0].split(" ")[0])
        if self.s.mode == "choosing_change":
            return self.choose_change(text)
        if self.e.machine.is_final(self.s.state):
            command = self.e.command_words.get(normalise(text))
            return self.command(command) if command else self.ended()
        question_id = self.question_id()
        parsed = self.e.reader.read(question_id, text)
        if not parsed.ok and normalise(text) in self.e.command_words:
            return self.command(self.e.command_words[normalise(text)])
        return self.apply(parsed)

    def button(self, user_input: UserInput) -> list[Reply]:
        if user_input.step != self.s.step:
            return [Reply(kind="notice", text=self.msg("stale_button"), step=self.s.step), *self.ask()]
        kind, _, argument = user_input.payload.partition(":")
        index = whole_number(argument)
        if self.s.mode == "choosing_change":
            if kind == "c" and index is not None:
                return self.choose_change(str(index + 1))
            return self.cancel_change() if kind == "cancel" else self.forged()
        if self.e.machine.is_final(self.s.state):
            return self.forged()
        options = self.c.options[self.question_id()]
        if kind in ("a", "t") and index is not None and index < len(options):
            if kind == "t" and self.is_multi():
                return self.toggle(index)
            if kind == "a" and not self.is_multi():
                return self.apply(Parsed(True, value=options[index].value))
        if kind == "done" and self.is_multi():
            return self.apply(self.e.reader.submit_selection(self.question_id(), self.s.draft))
        return self.forged()

    def command(self, name: str) -> list[Reply]:
        name = self.e.command_words.get(name, name)
        if name == "start" or not self.s.started:
            if name == "help":
                return [Reply(kind="notice", text=self.msg("help"), step=self.s.step)]
            return self.start()
        handlers = {
            "help": lambda: [Reply(kind="notice", text=self.msg("help"), step=self.s.step), *self.ask()],
            "back": self.back,
            "restart": self.restart,
            "change": self.offer_change,
            "summary": self.ask,
        }
        return handlers.get(name, handlers["help"])()

    # commands ----------------------------------------------------------------------

    def start(self) -> list[Reply]:
        first_time = not self.s.started
        self.s.started = True
        if first_time:
            self.s.step += 1
        intro = [
            Reply(kind="notice", text=self.msg("welcome"), step=self.s.step),
            Reply(kind="notice", text=self.msg("short_disclaimer"), step=self.s.step),
        ]
        return [*intro, *self.ask()] if first_time else self.ask()

    def restart(self) -> list[Reply]:
        fresh = new_session(step=self.s.step + 1)
        for name in Session.model_fields:
            setattr(self.s, name, getattr(fresh, name))
        self.s.started = True
        return [Reply(kind="notice", text=self.msg("restarted"), step=self.s.step), *self.ask()]

    def back(self) -> list[Reply]:
        if not self.s.answered:
            return [Reply(kind="notice", text=self.msg("back_nothing"), step=self.s.step), *self.ask()]
        last = self.s.answered[-1]
        question = self.c.questions[self.e.machine.question_of[last]]
        clear(self.s.case, question)
        self.s.answered = self.s.answered[:-1]
        self.s.state, self.s.mode, self.s.draft = last, "asking", []
        self.s.step += 1
        self.refresh_red_flags(announce=False)
        undone = self.msg("back_done", question=self.c.text(question.short, self.s.locale))
        return [Reply(kind="notice", text=undone, step=self.s.step), *self.ask()]

    def offer_change(self) -> list[Reply]:
        if self.s.state != SUMMARY_STATE:
            return [Reply(kind="notice", text=self.msg("change_unavailable"), step=self.s.step), *self.ask()]
        self.s.mode = "choosing_change"
        self.s.step += 1
        return self.ask()

    def choose_change(self, text: str) -> list[Reply]:
        changeable = self.changeable()
        number = normalise(text)
        if number in self.e.command_words and self.e.command_words[number] != "change":
            return self.command(self.e.command_words[number])
        if number in (normalise(self.msg("cancel_label")), "cancel"):
            return self.cancel_change()
        chosen = whole_number(number)
        if chosen is None or not 1 <= chosen <= len(changeable):
            options = ", ".join(f"{i}. {label}" for i, (_, label) in enumerate(changeable, start=1))
            return [self.error("choose_one", answer=quote(text), options=options), *self.ask()]
        self.s.state = changeable[chosen - 1][0]
        self.s.mode = "changing"
        self.s.step += 1
        return self.ask()

    def cancel_change(self) -> list[Reply]:
        self.s.mode = "asking"
        self.s.step += 1
        return [Reply(kind="notice", text=self.msg("change_cancelled"), step=self.s.step), *self.ask()]

    # answers -----------------------------------------------------------------------

    def toggle(self, index: int) -> list[Reply]:
        option = self.c.options[self.question_id()][index]
        if option.exclusive:  # "Not done" / "Don't know" end the question at once
            return self.apply(Parsed(True, value=option.value))
        self.s.draft = [i for i in self.s.draft if i != index] if index in self.s.draft else [*self.s.draft, index]
        self.s.step += 1
        return [self.question_reply(kind="selection")]

    def apply(self, parsed: Parsed) -> list[Reply]:
        """Record a parsed answer and move on, or say what was wrong and ask again."""
        if not parsed.ok:
            return [self.error(parsed.error, **parsed.values), *self.ask()]
        state = self.s.state
        question = self.c.questions[self.question_id()]
        record(self.s.case, question, parsed.value)
        self.s.answered = [*(q for q in self.s.answered if q != state), state]
        self.s.draft = []
        following = self.e.machine.next_state(state, self.s.case)
        if self.s.mode == "changing" or following in self.s.answered:
            self.follow_changed_path()
        else:
            self.s.state = following
        self.s.step += 1
        echo = self.msg("answered", question=self.c.text(question.short, self.s.locale),
                        answer=describe(self.c, question.id, parsed.value))
        return [Reply(kind="answered", text=echo, question_id=question.id, step=self.s.step),
                *self.refresh_red_flags(announce=True), *self.ask()]

    def follow_changed_path(self) -> None:
        """After a changed answer: drop answers no longer relevant, go to the first gap."""
        path = self.e.machine.path(self.s.case)
        for state in [q for q in self.s.answered if q not in path]:
            clear(self.s.case, self.c.questions[self.e.machine.question_of[state]])
            self.s.answered.remove(state)
        self.s.state = next(state for state in path if state not in self.s.answered)
        if self.e.machine.is_final(self.s.state):
            self.s.mode = "asking"

    def refresh_red_flags(self, announce: bool) -> list[Reply]:
        active = [flag for flag, test in self.c.red_flags if test(self.s.case)]
        new = [flag for flag in active if flag.id not in self.s.announced]
        kept = [flag_id for flag_id in self.s.announced if any(f.id == flag_id for f in active)]
        self.s.announced = kept + ([f.id for f in new] if announce else [])
        if not announce:
            return []
        return [
            Reply(kind="warning", title=self.c.text(f.title, self.s.locale),
                  text=self.msg("red_flag_header", title=self.c.text(f.title, self.s.locale))
                  + "\n" + self.c.text(f.message, self.s.locale), step=self.s.step)
            for f in new
        ]

    # what to show next -------------------------------------------------------------

    def ask(self) -> list[Reply]:
        if self.s.mode == "choosing_change":
            choices = [Choice(label=label, payload=f"c:{i}") for i, (_, label) in enumerate(self.changeable())]
            choices.append(Choice(label=self.msg("cancel_label"), payload="cancel"))
            return [Reply(kind="question", text=self.msg("change_choose"), choices=choices, step=self.s.step)]
        if self.s.state == SUMMARY_STATE:
            return summary_replies(self.s.case, assess(self.s.case), self.c, self.s.locale, self.s.step)
        if self.e.machine.is_final(self.s.state):
            return self.ended()
        return [self.question_reply(kind="question")]

    def ended(self) -> list[Reply]:
        key = "finished" if self.s.state == SUMMARY_STATE else self.s.state
        return [Reply(kind="end", text=self.msg(key), step=self.s.step)]

    def question_reply(self, kind: Any) -> Reply:
        question = self.c.questions[self.question_id()]
        options = self.c.options[question.id]
        multi = question.several
        prefix = "t" if multi else "a"
        choices = [Choice(label=self.c.text(o.label, self.s.locale), payload=f"{prefix}:{i}")
                   for i, o in enumerate(options)]
        text = self.c.text(question.text, self.s.locale)
        if question.help is not None:
            text += "\n" + self.c.text(question.help, self.s.locale)
        if multi:
            choices.append(Choice(label=self.msg("done_label"), payload="done"))
            chosen = ", ".join(self.c.text(options[i].label, self.s.locale) for i in self.s.draft)
            text += "\n" + self.msg("selected_so_far", selection=chosen or self.msg("none_selected"))
        return Reply(kind=kind, text=text, question_id=question.id, choices=choices, multi=multi,
                     selected=list(self.s.draft), step=self.s.step)

    # helpers -----------------------------------------------------------------------

    def question_id(self) -> str:
        return self.e.machine.question_of[self.s.state]

    def is_multi(self) -> bool:
        return self.c.questions[self.question_id()].several

    def changeable(self) -> list[tuple[str, str]]:
        """Answered questions on the current path, with "Question: answer" labels."""
        path = self.e.machine.path(self.s.case)
        result = []
        for state in path:
            if state in self.s.answered:
                question = self.c.questions[self.e.machine.question_of[state]]
                value = recorded(self.s.case, question)
                label = self.msg("answered", question=self.c.text(question.short, self.s.locale),
                                 answer=describe(self.c, question.id, value))
                result.append((state, label))
        return result

    def error(self, key: str, **values: Any) -> Reply:
        return Reply(kind="error", text=self.msg(key, **values), step=self.s.step)

    def forged(self) -> list[Reply]:
        """A button payload that cannot come from the current question: change nothing."""
        return [Reply(kind="notice", text=self.msg("stale_button"), step=self.s.step), *self.ask()]
