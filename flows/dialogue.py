"""The conversation engine: `step(session, user_input, engine) -> (session, replies)`.

Who calls it: every channel (terminal, Telegram, scripted tests) once per thing the
person does, with the `Engine` its entry point built once at start (`get_engine`) and
handed down; nothing in here reaches for a process-wide one. It is pure: no I/O, no
clock, no randomness, and it never changes the session it is given (unless the caller
hands it over with `owned=True`), so a channel can save the new session before
replying and a failed save loses nothing. Bad input
never raises; it yields an "error" reply and the same question again, with the session
unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from typing import Any

from flows import payloads
from flows.answers import MAX_ANSWER_CHARS, AnswerReader, Parsed, describe, normalise, quote
from flows.assessment import Assessment, assess
from flows.case import Case
from flows.change_effect import change_effect
from flows.content import Content, get_content
from flows.content_models import TRIAGE_ORDER, Answer, Question, RedFlag
from flows.guidance import open_or_leading
from flows.language import language_named, language_of_tag
from flows.machine import SUMMARY_STATE, FlowMachine
from flows.messages import Choice, Reply, UserInput
from flows.navigation import Navigator
from flows.numerals import whole_number
from flows.recording import NONE_OF_THESE, clear, record, recorded
from flows.report import emergency_replies, section_replies, summary_replies
from flows.session import Session
from flows.summary import Summary, build_summary, level_reasons, level_words, words_of_level

# The answer readers' errors that mean nothing in the answer was read (not a vague number,
# a time since an event, a unit to name): only these may turn out to be an earlier answer
# typed again (`Conversation._answer_repeated`).
_NOTHING_READ = frozenset({"choose_one", "need_number", "choose_several", "not_a_yes_or_no"})
_OF_SOMETHING_ELSE = frozenset({"another_amount", "time_of_another_event"})  # a number read as another thing's
# ...or as a time it began: read, and no other language's reading of the same number is
# tried ("she's 72" at how long is an age in English, and was 72 weeks in Portuguese)
_READ_AS_SOMETHING_ELSE = _OF_SOMETHING_ELSE | {"since_an_event", "week_of_pregnancy_not_length"}


@dataclass(frozen=True)
class Engine:
    """Everything a step needs that is built once (by an entry point, then handed down), not per step."""

    content: Content
    machine: FlowMachine
    readers: dict[str, AnswerReader]  # language -> the reader of answers typed in it
    fallback_readers: dict[str, AnswerReader]  # the same without typo matching, for answers in another language
    navigator: Navigator
    command_words: dict[str, str]  # normalised word -> command id

    def reader(self, language: str | None = None, typos: bool = True) -> AnswerReader:
        """The reader of answers typed in `language` (the default one), with or without typo matching."""
        readers = self.readers if typos else self.fallback_readers
        return readers[language or self.content.default_language]


def build_engine(content: Content) -> Engine:
    """Build the machine, readers and navigator for `content`: milliseconds, so once per process, not per step."""
    words = {normalise(word): command for command, ws in content.ui.commands.items() for word in ws}
    machine = FlowMachine(content)
    readers = {language: AnswerReader(content, language, True) for language in content.languages}
    fallback = {language: AnswerReader(content, language, False) for language in content.languages}
    return Engine(content, machine, readers, fallback, Navigator(content, machine), words)


@cache
def get_engine() -> Engine:
    """The engine of the installed content, for an entry point to build once and hand down."""
    return build_engine(get_content())


def new_session(engine: Engine, step: int = 0) -> Session:
    """A fresh conversation; `step` continues from an earlier one so its buttons stay stale."""
    return Session(state=engine.machine.initial, step=step)


def step(
    session: Session | None, user_input: UserInput, engine: Engine, *, owned: bool = False
) -> tuple[Session, list[Reply]]:
    """Apply one input to a copy of the session; return the new session and what to say.

    `owned=True` is for a caller that hands over a session nobody else holds and that it
    will not use again (bot/chat_turn.py parses a fresh one from the store for every
    update): that session is then changed in place and returned, saving the deep copy.
    Everyone else gets the default, and their session is never touched.
    """
    if session is None or not owned:
        current = session.model_copy(deep=True) if session is not None else new_session(engine)
    else:
        current = session  # handed over: changed in place
    return current, _Turn(engine, current).handle(user_input)


def is_forget(user_input: UserInput, engine: Engine) -> bool:
    """True for /forget and its words from content/ui.yaml ("delete my data", "/delete"):
    each channel deletes what it holds of the conversation (the dialogue holds nothing)."""
    if user_input.kind not in ("command", "text"):
        return False
    text = normalise(user_input.text)
    if user_input.kind == "text" and text.startswith("/"):
        text = text.split(" ")[0]
    word = text.lstrip("/").split("@")[0]
    # The dialogue's command table, built once with the engine (not per update).
    return word == "forget" or engine.command_words.get(word) == "forget"


class _Turn:
    """One step's work on a session copy that the caller will keep."""

    def __init__(self, engine: Engine, session: Session) -> None:
        self.e = engine
        self.s = session
        self.c = engine.content
        self.reader = engine.readers.get(session.locale) or engine.readers[engine.content.default_language]
        self.told_who = False  # this message said who the answers are about (`who_is_asked`)
        self.answered_what_was_asked_back = False  # this message answers a question asked of the last one
        self.today: date | None = None  # the day the message was sent: "since March" counts to it
        # an earlier answer corrected by a message that also answers this question (correct_earlier_answer)
        self.corrected_and_going_on = False
        self._answering = ""  # while other questions hear an answer: the question it answered
        self._after_the_summary = False  # a message read after the summary: a checklist's additions are kept
        self._added_later: list[tuple[str, str]] = []  # "Added to Medical history: ..." (added_when_told_later)
        self.measured_now = False  # this message gave a measurement kept beside its answer (`keep_measured`)

    def msg(self, key: str, **values: Any) -> str:
        return self.c.message(key, self.s.locale, **values)

    def notice(self, key: str, **values: Any) -> Reply:
        return Reply(kind="notice", code=key, text=self.msg(key, **values), step=self.s.step)

    # dispatch ----------------------------------------------------------------------

    def handle(self, user_input: UserInput) -> list[Reply]:
        self.today = user_input.sent_on
        if not self.s.started and user_input.language is not None:
            self.use_language(language_of_tag(user_input.language, self.c))
        if user_input.kind == "command":
            return self.command(normalise(user_input.text).lstrip("/").split("@")[0])
        if not self.s.started and self.s.mode != "choosing_language":
            return self.start()
        if user_input.kind == "unsupported":
            return [self.error("not_text"), *self.ask()]
        if user_input.kind == "edited":
            # The answer it gave is kept: an edit is not seen as typed again, so the person is
            # told how to change an answer rather than left thinking it was taken.
            return [self.notice("edit_not_read"), *self.ask()]
        if user_input.kind == "button":
            return self.button(user_input)
        if user_input.attachment:
            return [self.notice("attachment_not_seen"), *self.typed(user_input.text)]
        return self.typed(user_input.text)

    def typed(self, text: str) -> list[Reply]:
        if len(text) > MAX_ANSWER_CHARS:
            return [self.error("too_long", length=len(text)), *self.ask()]
        said = normalise(text)
        if not said:
            return [self.error("empty_answer", reminder=self.msg("dont_know_reminder")), *self.ask()]
        if said.startswith("/"):
            return self.command(said.lstrip("/").split("@")[0].split(" ")[0])
        command = self.e.command_words.get(said)
        if self.s.mode == "choosing_change":
            return self.choose_change(text)
        if self.s.mode == "choosing_language":
            return self.choose_language(text)
        if self.s.mode == "danger_offer":
            choice = self.reader.read_offer(text, self.c, self.s.locale)
            if choice is None and self.asks_aside(text) and not self.read(text).ok:
                # "is this serious?", "what's a fracture?" at the offer: answered, and the
                # offer made again (user test en 20)
                return [*self.aside(text), *self.ask()]
            if choice is not None or not (self.read(text).ok or self.reader.says_something(text)):
                return self.answer_danger_offer(choice)
            # Numbers only ("3", "1,3"): a third choice there is not, and the question waiting
            # was never shown, so they are none of its items (user test en 24: "3" ticked a
            # medical history the person never saw).
            if self.reader.only_numbers(text):
                return self.answer_danger_offer(None)
            # Anything else is an answer, to the question waiting ("desde ontem") or to one
            # ahead ("gradual", "mobile, painful"): they carry on, and it is read and kept
            # (user tests pt-BR 16, en and pt 17: every answer met "choose 1 or 2" and was lost).
            # What neither reads nor keeps ("male" after the sex was given) is met by the
            # offer again, not by "did not catch" at a question not shown (user test en 24).
            self.s.mode = "asking"
            before = (self.s.state, self.s.noted, self.s.held_numbers, self.s.denied_early, self.s.answered)
            replies = self.typed(text)
            unread = bool(replies) and (replies[0].kind == "error" or replies[0].code == "already_noted")
            if unread and before == (self.s.state, self.s.noted, self.s.held_numbers, self.s.denied_early,
                                     self.s.answered):
                self.s.mode = "danger_offer"
                # ...but an answer given just before, said otherwise now ("nao tive febre" after
                # "sim" at the fever): how to change it, not "choose 1 or 2" alone (user test pt 29)
                return [*self._said_otherwise(text), *self.answer_danger_offer(None)]
            return replies
        if self.s.state == SUMMARY_STATE and self.s.mode == "asking":
            return self.summary_choice(said, command, text)
        if self.e.machine.is_final(self.s.state):
            return self.command(command) if command else self.after_an_early_end(text)
        if command == "why" or (command is None and self.reader.asks_why(text) and not self.asks_how_urgent(text)):
            return self.why()
        answer = self.reader.answer_before_why(text) if command is None and self.s.mode == "asking" else None
        if answer is not None and self.s.state in self.e.machine.question_of:
            return self.answered_then_why(answer)
        if self.emergency_active() and self.reader.asks_for_now(text, self.c, self.s.locale):
            return self.what_to_do_now()
        if self.s.ahead_at == self.s.state and self.reader.repeats(
                text, self.s.ahead_said, self.e.machine.question_of[self.s.answered[-1]]):
            return self.already_noted(self._answer_repeated(text))
        self.keep_measured(text)  # before the answer is said back: "Fever: No (37.9 °C, just under 38.0)"
        who = self.who_is_asked(text)  # before reading: "sorry, it's for my dad" starts the questions again
        corrected = [] if who else self.correct_earlier_answer(text) or self.correct_held_answer(text)
        if corrected and not self.corrected_and_going_on:
            return corrected
        first, self.corrected_and_going_on = corrected, False  # the correction said, then this answer read
        parsed = self.no_to_a_test_said_done(self.read(text), text)
        if not parsed.ok and command:
            return self.command(command)
        if not who and not parsed.ok and self.s.for_someone_else and self.reader.says_who_writes(text):
            # "pt is the patient, im his GP" said again: heard, and the question asked again
            # (a statement about the patient, "he hit his head too", is read as one)
            who = [self.notice("still_for_someone_else")]
        earlier = self.s.denied if self.s.denied_at == self.s.state else []
        parsed = self.worded_for_whom(self.reader.combine_denials(self.question_id(), earlier, parsed))
        self.s.denied, self.s.denied_at = (parsed.denied, self.s.state) if parsed.denied else ([], None)
        self.answered_what_was_asked_back = bool(self.s.pending) and self.s.pending_at == self.s.state
        self.s.pending, self.s.pending_at = (parsed.pending, self.s.state) if parsed.pending else ("", None)
        self.told_who = bool(who)
        replies = self.apply(parsed, typed=text)
        if self.e.machine.is_final(self.s.state):  # no more questions ("my son is 9"): nothing to say of them
            return [*first, *replies]
        return [*who, *first, *replies]

    def worded_for_whom(self, parsed: Parsed) -> Parsed:
        """The items a denial leaves asked ("So not: ...") as the question shows them: of them,
        when someone answers for them (user test en 27: a physiotherapist's "no night pain"
        was said back as "wakes me at night", "I have lost weight")."""
        if parsed.error != "others_unanswered" or not self.s.for_someone_else:
            return parsed
        options = self.c.options[self.question_id()]
        return replace(parsed, values={**parsed.values, "denied": "; ".join(self._labels(options, parsed.denied))})

    def no_to_a_test_said_done(self, parsed: Parsed, text: str) -> Parsed:
        """A plain no ("n", "nenhuma dessas") at a test's findings question after an earlier
        checklist said the test was done: which is meant, no finding or no test, is asked
        (`Question.plain_no_once_done`), not read as the "not done" that contradicts it."""
        if self.s.state not in self.e.machine.question_of or self.s.mode != "asking":
            return parsed
        question = self.c.questions[self.question_id()]
        if not question.plain_no_once_done or question.field is None or not self.reader.only_denies(text):
            return parsed
        not_done = self._unticked_value_of_a_ticked_item(question.field)
        if not_done is None:
            return parsed
        values = parsed.value if isinstance(parsed.value, list) else [parsed.value]
        if parsed.ok and not_done not in values:
            return parsed
        options = self.c.options[question.id]
        labels = [self.c.text(o.label, self.s.locale) for value in [*question.plain_no_once_done, not_done]
                  for o in options if o.value == value]
        return Parsed(ok=False, clarify=labels)

    def _unticked_value_of_a_ticked_item(self, field: str) -> Any:
        """What an answered checklist writes to `field` for an item not ticked ("not done"),
        where the item was ticked (the field is still open): None if no checklist said so."""
        for state in self.s.answered:
            question = self.c.questions[self.e.machine.question_of[state]]
            if question.kind != "checklist" or getattr(self.s.case, field, None) is not None:
                continue
            for option in self.c.options[question.id]:
                if option.unticked and field in option.unticked and field in (option.sets or {}):
                    return option.unticked[field]
        return None

    def keep_measured(self, text: str) -> None:
        """The measurement an answer is read from, in this message or in passing ("temp 37.9
        and the wound looks a bit red"), kept beside it (Question.measured_kept_in): a
        temperature just under fever level is still "No", but its number is not lost."""
        for question in self.c.questions.values():
            if question.measured_kept_in is not None:
                measured = self.reader.measured(question.id, text, self.question_id())
                if measured is not None:
                    setattr(self.s.case, question.measured_kept_in, measured)
                    # (one said again after its question was answered is "I have that already")
                    self.measured_now = self.measured_now or not any(
                        self.e.machine.question_of.get(state) == question.id for state in self.s.answered)

    def let_go_measured(self, question: Question, value: Any) -> None:
        """A measurement kept from an earlier message that the answer now given does not hold
        ("37.8 last night" in passing, then "yes, 38.6 on Sunday" or a plain "yes"): let go, so
        the answer is not said back with a reading that contradicts it."""
        if question.measured_kept_in is None:
            return
        measured = getattr(self.s.case, question.measured_kept_in)
        first = next((name for option in self.c.options[question.id] for name in option.measures), None)
        chosen = next((option for option in self.c.options[question.id] if option.value == value), None)
        if measured is not None and first is not None and chosen is not None and first in chosen.measures \
                and not chosen.measures[first].from_ <= measured < chosen.measures[first].below:
            setattr(self.s.case, question.measured_kept_in, None)

    def who_is_asked(self, text: str) -> list[Reply]:
        """Whether a relative or a clinician answers for someone else ("asking for my mum",
        "GP here", "she's 78"): said once, and from then on the questions ask about them;
        "it's for me" turns it back."""
        if not self.s.for_someone_else and self.reader.asks_for_someone_else(text):
            # "sorry, it's for my dad, not me": the answers so far were the writer's own. (A
            # late "he can walk but it hurts" says they were his all along: they are kept.)
            if self.s.answered and self.reader.corrects(text):
                self.start_questions_again(for_someone_else=True)
                self.s.relative_named = self.reader.names_a_relative(text)
                return [self.notice("asking_for_someone_else_again")]
            self.s.for_someone_else = True
            self.s.someone_else_from = len(self.s.answered)
            self.s.relative_named = self.reader.names_a_relative(text)
            self.s.by_a_clinician = self.reader.asks_as_a_clinician(text)
            return [self.notice("asking_for_someone_else")]
        if self.s.for_someone_else and self.reader.asks_for_themself(text):
            # Answers about a relative named ("asking for my brother": male) are not the
            # writer's; after a note or a role ("42M L hip pain", "nurse here") they were.
            if len(self.s.answered) > self.s.someone_else_from and self.s.relative_named:
                self.start_questions_again(for_someone_else=False)
                return [self.notice("asking_for_yourself_again")]
            self.s.for_someone_else = self.s.relative_named = self.s.by_a_clinician = False
            return [self.notice("asking_for_yourself")]
        return []

    def start_questions_again(self, for_someone_else: bool) -> None:
        """A new conversation in the same language, about the person now named: nothing of
        the answers given about the other one is kept."""
        fresh = new_session(self.e, step=self.s.step + 1)
        kept = {"locale": self.s.locale, "started": True, "for_someone_else": for_someone_else}
        for name in Session.model_fields:
            setattr(self.s, name, kept.get(name, getattr(fresh, name)))

    def read(self, text: str) -> Parsed:
        """The answer read in the conversation's language; failing that, in another one
        offered (a Portuguese speaker may type "ok" or "yes"): understand first, reject last.
        An answer understood but not complete ("no trauma" at a checklist) is not read again."""
        pending = self.s.pending if self.s.pending_at == self.s.state else ""  # a number whose unit was asked
        typed = text
        if self.reader.says_of_others(text):  # "im 45, my wife is pregnant and my hip aches": not her pregnancy
            text = self.reader.of_the_patient(text)
        parsed = self.reader.read(self.question_id(), text, pending, typed=typed, today=self.today)
        if parsed.ok or parsed.clarify or parsed.understood or parsed.error in _READ_AS_SOMETHING_ELSE:
            return parsed
        for reader in self.e.fallback_readers.values():
            if reader.reads != self.reader.reads:  # a variant reads as its base: no second try
                other = reader.read(self.question_id(), text, typed=typed, today=self.today)
                # (or understood, with nothing in its reply in the other language: "yes" at a
                # checklist in a Portuguese conversation is asked "which ones?")
                if other.ok or (other.understood and not other.values and not other.pending):
                    return other
        return parsed

    def button(self, user_input: UserInput) -> list[Reply]:
        if user_input.step != self.s.step:
            return [self.notice("stale_button"), *self.ask()]
        pressed = payloads.parse(user_input.payload)
        if pressed is None:
            return self.forged()
        if self.s.mode == "choosing_language":
            if pressed.kind == "language" and pressed.index is not None:
                return self.choose_language(str(pressed.index + 1))
            if pressed.kind == "cancel":
                return [self.notice("change_cancelled"), *self.close_language_menu()]
            return self.forged()
        if self.s.mode == "choosing_change":
            if pressed.kind == "change" and pressed.index is not None:
                return self.choose_change(str(pressed.index + 1))
            return self.cancel_change() if pressed.kind == "cancel" else self.forged()
        if self.s.mode == "danger_offer":
            return self.answer_danger_offer(pressed.kind) if pressed.kind in ("now", "go") else self.forged()
        if self.s.state == SUMMARY_STATE and pressed.kind in ("section", "more"):
            return self.sections(pressed.index)
        if self.e.machine.is_final(self.s.state):
            return self.forged()
        if pressed.kind == "why":
            return self.why()
        if pressed.kind == "now" and self.emergency_active():
            return self.what_to_do_now()
        options = self.c.options[self.question_id()]
        if pressed.index is not None and pressed.index < len(options):
            if pressed.kind == "toggle" and self.is_multi():
                return self.toggle(pressed.index)
            if pressed.kind == "answer" and not self.is_multi():
                return self.apply(Parsed(True, value=options[pressed.index].value))
        if pressed.kind == "done" and self.is_multi():
            return self.apply(self.reader.submit_selection(self.question_id(), self.s.draft))
        return self.forged()

    def command(self, name: str) -> list[Reply]:
        name = self.e.command_words.get(name, name)
        if name == "language":  # also before the first question: the welcome then comes in it
            return self.offer_language()
        if name == "start" or not self.s.started:
            if name == "help":
                return [self.notice("help")]
            return self.start()
        handlers = {
            "help": lambda: [self.notice("help"), *self.ask()],
            "back": self.back,
            "restart": self.restart,
            "change": self.offer_change,
            "summary": self.ask,
            "why": self.why,
            "more": lambda: self.sections(None),
            "report": self.report,
            "done": self.done_typed,
        }
        return handlers.get(name, handlers["help"])()

    # commands ----------------------------------------------------------------------

    def done_typed(self) -> list[Reply]:
        """"done" typed at a tick-all-that-apply question: what shows as selected (ticked, or
        named earlier) is the answer, as if Done were pressed."""
        if self.ended_early():
            # "ok" after an early end (a replaced hip): no help, no questions
            return self.go_today_first([self.over()])
        if self.s.mode != "asking" or self.e.machine.is_final(self.s.state):
            return [self.notice("help"), *self.ask()]
        if not self.is_multi():  # "pronto" at a one-answer question: which answer is still to come
            return [self.error("done_not_multi"), *self.ask()]
        selected = [*self.s.draft, *self.s.noted.get(self.s.state, [])]  # none: "nothing selected yet"
        return self.apply(self.reader.submit_selection(self.question_id(), selected))

    def start(self) -> list[Reply]:
        first_time = not self.s.started
        self.s.started = True
        if first_time:
            self.s.step += 1
        intro = [self.notice("welcome"), self.notice("short_disclaimer")]
        return [*intro, *self.ask()] if first_time else self.ask()

    def restart(self) -> list[Reply]:
        fresh = new_session(self.e, step=self.s.step + 1)
        kept = {"locale": self.s.locale, "started": True}  # a new conversation, in the same language
        for name in Session.model_fields:
            setattr(self.s, name, kept.get(name, getattr(fresh, name)))
        return [self.notice("restarted"), *self.ask()]

    def back(self) -> list[Reply]:
        # "a hip replacement" said in passing ended it: unsaid, and the question it ended at asked
        self.unsay(self.e.machine.back_clears.get(self.s.state, []))
        if self.ended_early():
            # "2" typed for an age ended it, recording nothing: /back asks that question again
            asked = self.question_that_ended_early()
            if asked is not None:
                self.s.state, self.s.mode, self.s.draft = asked, "asking", []
                self.s.step += 1
                question = self.c.questions[self.e.machine.question_of[asked]]
                return [self.notice("back_done", question=self.c.text(question.short, self.s.locale)), *self.ask()]
        if not self.s.answered:
            return [self.notice("back_nothing"), *self.ask()]
        # the answers taken after it from what was written earlier are undone with it and asked
        # again after it (what the words were read as may be what is being corrected)
        undone: list[Question] = []
        while len(self.s.answered) > 1 and self.s.answered[-1] in self.s.taken_unasked:
            undone.insert(0, self.c.questions[self.e.machine.question_of[self.s.answered[-1]]])
            clear(self.s.case, undone[0])
            self.s.answered = self.s.answered[:-1]
        last = self.s.answered[-1]
        question = self.c.questions[self.e.machine.question_of[last]]
        clear(self.s.case, question)
        self.s.answered = self.s.answered[:-1]
        self.s.taken_unasked = [q for q in self.s.taken_unasked if q in self.s.answered]
        self.e.navigator.back_to(last, self.s)
        self.s.mode, self.s.draft = "asking", []
        self.s.step += 1
        self.refresh_red_flags(announce=False)
        names = "; ".join(self.c.text(q.short, self.s.locale) for q in [question, *undone])
        return [self.notice("back_done", question=names), *self.ask()]

    def unsay(self, fields: list[str]) -> None:
        """Forget what was recorded of these case fields, and the checklist items noted for
        them: asked again when their question comes (`back_clears`)."""
        for name in fields:
            setattr(self.s.case, name, None)
            for state, noted in list(self.s.noted.items()):
                options = self.c.options[self.e.machine.question_of[state]]
                kept = [i for i in noted if options[i].field != name]
                self.s.noted = {**self.s.noted, state: kept} if kept else {
                    k: v for k, v in self.s.noted.items() if k != state}

    def why(self) -> list[Reply]:
        if self.s.state == SUMMARY_STATE and self.s.mode == "asking":
            # after the summary, "why?" asks why these causes (user tests en and pt 21: /why
            # and /porque met the help text)
            summary = self.summary()
            return section_replies(summary, [i for i, s in enumerate(summary.sections) if s.kind == "reasons"],
                                   self.s.step)
        if self.e.machine.is_final(self.s.state) or (self.s.mode != "asking" and self.s.mode != "changing"):
            return [self.notice("help"), *self.ask()]
        return [self.why_asked(self.c.questions[self.question_id()]), *self.ask()]

    def why_asked(self, question: Question) -> Reply:
        """Why `question` is asked, in the person's language."""
        assert question.why is not None  # the content check requires it
        return Reply(kind="notice", code=f"why:{question.id}", step=self.s.step,
                     text=self.msg("why_asked", reason=self.c.text(question.why, self.s.locale)))

    def answered_then_why(self, answer: str) -> list[Reply]:
        """An answer with a question about the question after it ("male why is that
        important"): the answer read as if typed alone, then why the question is asked, after
        the answer said back (or, not taken, before the question asked again), not "the
        summary at the end answers it" (user test en 27)."""
        question = self.c.questions[self.question_id()]
        replies = self.typed(answer)
        reason = self.why_asked(question)
        at = next((i + 1 for i, reply in enumerate(replies)
                   if reply.kind == "answered" and reply.question_id == question.id), None)
        if at is None:
            at = next((i for i, reply in enumerate(replies) if reply.kind in ("question", "selection")), len(replies))
        return [*replies[:at], reason, *replies[at:]]

    def offer_change(self) -> list[Reply]:
        """The answers given so far, to choose one to change: after the summary, or during the
        questions (user test en 20: "/change" there met "once the summary is shown"), when the
        questions go on from where they were once it is answered again."""
        # ...or while an answer is asked again after /change: the list is shown again, not the
        # next message read as this answer (user test pt 21: "/alterar" then "2" was an age of 2)
        changing = self.s.mode == "changing"
        if self.s.state != SUMMARY_STATE:
            if self.e.machine.is_final(self.s.state) or self.s.mode not in ("asking", "danger_offer", "changing"):
                return [self.notice("change_unavailable"), *self.ask()]
            if not self.changeable():
                return [self.notice("change_nothing_yet"), *self.ask()]
        self.s.mode = "choosing_change"
        # what the change did is said at the summary only, against the case before it (the
        # case before the first change, when another answer is chosen instead)
        if not changing:
            self.s.before_change = self.s.case.model_copy() if self.s.state == SUMMARY_STATE else None
        self.s.step += 1
        return self.ask()

    def choose_change(self, text: str) -> list[Reply]:
        changeable = self.changeable()
        said = normalise(text)
        if said in self.e.command_words and self.e.command_words[said] != "change":
            return self.command(self.e.command_words[said])
        if said in (normalise(self.msg("cancel_label")), "cancel"):
            return self.cancel_change()
        chosen = whole_number(said)
        if chosen is None:  # "walking", "the mri one": the answer's words
            shorts = [self.c.text(self.c.questions[self.e.machine.question_of[s]].short, self.s.locale)
                      for s, _ in changeable]
            # the questions not in the list are named too, so a word they share with one listed
            # picks nothing ("how it started", not answered yet, opened "How long": user test en 23)
            unlisted = [name for name in (self.c.text(q.short, self.s.locale) for q in self.c.questions.values())
                        if name not in shorts]
            picked = self.reader.choose_by_words(text, [*shorts, *unlisted])
            chosen = picked + 1 if picked is not None and picked < len(shorts) else None
        if chosen is None or not 1 <= chosen <= len(changeable):
            return [self.error("choose_one", answer=quote(text)), *self.ask()]
        self.s.state = changeable[chosen - 1][0]
        self.s.mode = "changing"
        self.s.step += 1
        return self.ask()

    def cancel_change(self) -> list[Reply]:
        if self.s.before_change is not None and self.s.state != SUMMARY_STATE:
            # the list was opened while an answer was being changed after the summary: that
            # answer is asked for again, and the summary then says what the change did
            self.s.mode = "changing"
        else:
            self.s.mode = "asking"
            self.s.before_change = None
        self.s.step += 1
        return [self.notice("change_cancelled"), *self.ask()]

    # the language ---------------------------------------------------------------------

    def use_language(self, language: str) -> None:
        self.s.locale = language
        self.reader = self.e.readers[language]

    def offer_language(self) -> list[Reply]:
        if self.s.mode != "choosing_language":
            self.s.mode_before_language = self.s.mode
            self.s.mode = "choosing_language"
        self.s.step += 1
        return self.ask()

    def language_menu(self) -> Reply:
        choices = [Choice(label=language.name, payload=payloads.language(i))
                   for i, language in enumerate(self.c.ui.languages)]
        choices.append(Choice(label=self.msg("cancel_label"), payload=payloads.CANCEL))
        return Reply(kind="question", code="language_choose", text=self.msg("language_choose"), choices=choices,
                     step=self.s.step)

    def choose_language(self, text: str) -> list[Reply]:
        """A language by number or name; the answers are kept and the question asked again in it."""
        said = normalise(text)
        number = whole_number(said)
        languages = self.c.ui.languages
        chosen = language_named(said, self.c, self.s.locale)
        if chosen is None and number is not None and 1 <= number <= len(languages):
            chosen = languages[number - 1].id
        if chosen is not None:
            self.use_language(chosen)
            return [self.notice("language_set"), *self.close_language_menu()]
        command = self.e.command_words.get(said)
        if command is not None and command != "language":  # another command: leave the menu, then do it
            self.close_language_menu()
            return self.command(command)
        if said in (normalise(self.msg("cancel_label")), "cancel"):
            return [self.notice("change_cancelled"), *self.close_language_menu()]
        return [self.error("choose_one", answer=quote(text)), *self.ask()]

    def close_language_menu(self) -> list[Reply]:
        """Back to where the person was, in the language now chosen."""
        self.s.mode = self.s.mode_before_language or "asking"
        self.s.mode_before_language = None
        self.s.step += 1
        return self.ask() if self.s.started else self.start()

    # the summary, section by section -----------------------------------------------

    def summary_choice(self, said: str, command: str | None, text: str = "") -> list[Reply]:
        """At the summary: a section's number, /more, /report, or a command; a question of
        the person's own ("can I take ibuprofen?") is told which sections answer it."""
        number = whole_number(said)
        if number is not None:
            return self.sections(number - 1)
        changed = self.warned_after_the_summary(text) if command is None and text else []
        if changed:
            return changed
        answered = self.each_question_answered(text) if command is None and text else []
        if answered:  # "what's ITOH?" after the summary (user test en 20), "can I run?"
            return answered
        if command is None and self.reader.asks_back(text):
            return self.care_after_the_summary() or [self.notice("asked_back_after")]
        told = self.told_at_once(text) if command is None else []
        if told:
            return [*told, *self.ended()]
        return self.command(command) if command else self.ended()

    def warned_after_the_summary(self, typed: str) -> list[Reply]:
        """A warning sign said after the summary ("ah esqueci, hj a noite comecei com febre
        38,5", "doi de noite tb, me acorda, e emagreci uns 5kg") is read as in passing
        (`note_early`), recorded, and warned of at once; the summary, now at the raised level
        of care, is shown again (user test pt-BR 19: it met "the assessment is complete",
        and the summary stayed "no urgency, 1 to 2 weeks"). A checklist's item named after
        it ("oh she takes rivaroxaban") is added (`_added_after_the_summary`) and the summary
        shown again. Nothing else changes: not a single answer, not what is held, and not
        anything that would lower the level of care or change which questions apply (those
        are sent to /change, `late_fact_by_change`)."""
        case, noted, held, announced = (self.s.case.model_copy(deep=True), self.s.noted, self.s.held_numbers,
                                        list(self.s.announced))
        before = self._active_flags()
        self._after_the_summary = True
        try:
            said = self.note_early(SUMMARY_STATE, typed)
        finally:
            self._after_the_summary = False
        # Only what the case itself now holds counts: the summary is made from the case, and
        # nothing held for a question is taken after it (held answers are let go).
        self.s.noted, self.s.held_numbers = noted, held
        warned = bool(self._active_flags() - before)
        # ...and a late message never lowers the level of care by itself ("she has rheumatoid
        # arthritis" beside a very high CRP): that goes through /change, where it is seen
        level_now, level_before = assess(self.s.case, self.c).triage, assess(case, self.c).triage
        lowered = TRIAGE_ORDER.index(level_now) < TRIAGE_ORDER.index(level_before)
        # ...nor changes which questions apply ("had a hip replacement" ends the questions
        # early): the answers given must stay the answers of the path
        machine = self.e.machine
        rerouted = machine.path(self.s.case, self.s.answered) != machine.path(case, self.s.answered)
        # (a new warning sign that changes the questions is taken all the same; one that comes
        # with a lower level, "known arthritis" beside a very high CRP, is not)
        held_back = lowered or (rerouted and not warned)
        if held_back or (not warned and (not said or self.s.case == case)):
            self.s.case, self.s.announced = case, announced
            return [self.notice("late_fact_by_change")] if held_back else []
        self.s.step += 1  # the summary drawn before (and its buttons) is of the case before
        warnings = self.refresh_red_flags(announce=True)
        heard = [self.notice("noted_early", items="; ".join(said))] if said else []
        return [*heard, *warnings, self.notice("summary_changed" if warned else "summary_added"), *self.ask()]

    def answered_at_once(self, typed: str) -> list[Reply]:
        """The answer given at once to a question of the person's own (guidance.yaml
        `quick_answers`): "is ibuprofen ok?" in pregnancy, with what is known and held."""
        held = self.case_with_held()
        warned = self.warned_of_care()
        after = self.s.state == SUMMARY_STATE
        for answer, holds in self.c.quick_answers:
            if answer.unless_warned and after and self.reader.asks_about(typed, answer.id):
                # after the summary its level answers "is it serious?", said, not "depends on
                # all your answers" (user tests en 25a, pt 25b); "why urgent?" its reasons
                if answer.with_reasons_for_level:
                    return self.level_explained()
                return self.care_after_the_summary() or self.lowest_level_said()
            if answer.unless_warned and warned:
                continue  # what the warning says to do now answers it (`warned_answer`)
            if holds(held) and self.reader.asks_about(typed, answer.id) and self.kept_open(held, answer.open_in):
                care = self.warned_answer() if answer.with_level_of_care else []
                if answer.with_reasons_for_level and after:
                    care = self.level_explained()
                return [Reply(kind="notice", code=f"quick_answer:{answer.id}",
                              text=self.c.text(answer.text, self.s.locale), step=self.s.step),
                        *care, *self.section_named(answer.section)]
        return []

    def asks_how_urgent(self, text: str) -> bool:
        """`text` asks how urgent this is, or why (a quick answer that a warning answers,
        `unless_warned`): "why is it urgent?" is no question about the question asked (user
        test 26), as "why do you need my age?" is."""
        return any(answer.unless_warned and self.reader.asks_about(text, answer.id)
                   for answer, _ in self.c.quick_answers)

    def lowest_level_said(self) -> list[Reply]:
        """After a summary at the lowest level of care: that it needs no urgent care, and its line."""
        lowest = words_of_level(self.c, TRIAGE_ORDER[0], [], self.s.case).now
        return [self.notice("asked_back_lowest_after", now=self.c.text(lowest, self.s.locale))]

    def level_explained(self) -> list[Reply]:
        """After the summary, why its level of care is what it is (`level_reasons`): the
        warning signs and the dangers not ruled out yet that set it, and what to do now;
        at the lowest level, that it needs no urgent care (user test 26: "why urgent?" met
        "the summary's level of care answers that")."""
        assessment = assess(self.s.case, self.c)
        reasons = level_reasons(self.s.case, assessment, self.c, self.s.locale)
        if not reasons:
            return self.lowest_level_said()
        words = level_words(self.c, assessment, self.s.case)
        return [self.notice("level_why", level=self.c.text(words.label, self.s.locale), reasons=" ".join(reasons),
                            now=self.c.text(words.now, self.s.locale))]

    def kept_open(self, case: Case, conditions: list[str] | None) -> bool:
        """One of `conditions` (None: any) leads or is not ruled out yet for `case`, as the
        summary's guidance reads `open_in`: a quick answer says what the summary would."""
        return conditions is None or bool(open_or_leading(assess(case, self.c)).intersection(conditions))

    def section_named(self, section_id: str | None) -> list[Reply]:
        """After the summary, the section that says more, by its number and title (user test
        en 22: "should I stop running?" was pointed to the pain relief section)."""
        if section_id is None or self.s.state != SUMMARY_STATE:
            return []
        summary = self.summary()
        for number, section in enumerate(summary.sections, start=1):
            if section.id == section_id:
                return [self.notice("quick_answer_section", number=number, title=section.title)]
        return []

    def warned_of_care(self) -> bool:
        """A warning given (and still holding) has raised the level of care."""
        return any(flag.level in TRIAGE_ORDER[1:] for flag, _ in self.c.red_flags if flag.id in self.s.announced)

    def asks_aside(self, typed: str) -> bool:
        """`typed` asks a question of the person's own, or what a condition is."""
        return self.reader.asks_back(typed) or bool(self.reader.conditions_asked(typed))

    def asides_in(self, typed: str | None, stock: bool = True) -> list[Reply]:
        """The answer to a question of the person's own in `typed`, if it asks one (`aside`)."""
        return self.aside(typed, stock) if typed and self.asks_aside(typed) else []

    def aside(self, typed: str, stock: bool = True) -> list[Reply]:
        """The answer to a question of the person's own during the questions: a quick answer
        (guidance.yaml), what a condition named is ("what's ITOH?"), what the warning given
        says to do now ("is this serious?" after a fall and not standing), or else (`stock`)
        that the summary at the end answers it. The caller asks the question again (after an
        emergency warning, the mode is then the offer of what to do now)."""
        said = self.each_question_answered(typed) or self.warned_answer()
        return said or ([self.notice("asked_back")] if stock else [])

    def each_question_answered(self, typed: str) -> list[Reply]:
        """What `typed` asks answered, then each question in it that asks more
        (`questions_apart`): what a condition named is, else a quick answer. (What a
        condition is comes first, as after the summary: "what's myeloma?" is no "is this
        cancer?") The whole comes first: "ibuprofen? is that ok?" asks one thing."""
        replies: list[Reply] = []
        typed = self.reader.asked_part(typed)  # what a long message asks, not what it tells
        asked = self.reader.questions_apart(typed)
        for question in [typed, *asked] if len(asked) > 1 else asked:
            explained = self.condition_explained(question)
            quick = self.answered_at_once(question) if not explained and self.reader.asks_back(question) else []
            replies += [reply for reply in explained or quick if reply.code not in {said.code for said in replies}]
        return replies

    def condition_explained(self, typed: str) -> list[Reply]:
        """What each condition `typed` asks about is, in plain words (conditions.yaml `about`)."""
        replies = []
        for condition_id in self.reader.conditions_asked(typed):
            condition = self.c.conditions[condition_id]
            replies.append(Reply(kind="notice", code=f"condition_explained:{condition_id}", step=self.s.step,
                                 text=self.msg("condition_explained",
                                               term=self.c.text(condition.clinical_term, self.s.locale),
                                               name=self.c.text(condition.name, self.s.locale),
                                               about=self.c.about(condition_id, self.s.case, self.s.locale))))
        return replies

    def warned_answer(self) -> list[Reply]:
        """After a warning that raised the level of care (emergency or urgent) and still
        holds, a question of the person's own ("is this serious?", "can it wait till
        tomorrow?", "preciso ir ao hospital?") is answered with what it says to do now: the
        warnings in full (user test en 23: "but i can walk") and the level's one line; after
        an emergency, what to do now is offered again (mode `danger_offer`), since the
        questions can wait (user test en 20). After the summary, see `care_after_the_summary`."""
        if self.s.state == SUMMARY_STATE:
            return self.care_after_the_summary()
        flags = [flag for flag, _ in self.c.red_flags if flag.id in self.s.announced]
        for level in reversed(TRIAGE_ORDER[1:]):  # emergency, then urgent
            warned = [flag for flag in flags if flag.level == level]
            if not warned:
                continue
            # the warnings in full: "even when walking is still possible" answers "but I can walk"
            said = self.said_in_full(warned)
            now = self.c.text(words_of_level(self.c, level, warned, self.s.case).now, self.s.locale)
            key = "asked_back_warned" if level == "emergency" else "asked_back_warned_soon"
            if level == "emergency" and self.s.mode in ("asking", "danger_offer") and self.s.state != SUMMARY_STATE \
                    and not self.e.machine.is_final(self.s.state):
                self.s.mode = "danger_offer"
            return [self.notice(key, warnings=said, now=now)]
        return []

    def care_after_the_summary(self) -> list[Reply]:
        """After a summary above the lowest level of care, a question of the person's own
        ("é mesmo preciso ir às urgências? ela não quer ir", "what should i do tonight?") is
        answered with the warnings behind that level in full, which say why ("even when
        walking is still possible"), and the level's one line; user tests pt and en 23 met
        "the sections above answer what they can". Nothing at the lowest level: the
        sections answer it."""
        level = assess(self.s.case, self.c).triage
        if level == TRIAGE_ORDER[0]:
            return []
        flags = [flag for flag, _ in self.c.red_flags if flag.id in self.s.announced and flag.level == level]
        now = self.c.text(words_of_level(self.c, level, flags, self.s.case).now, self.s.locale)
        if flags:
            return [self.notice("asked_back_warned_after", warnings=self.said_in_full(flags), now=now)]
        return [self.notice("asked_back_level_after", now=now)]

    def said_in_full(self, flags: list[RedFlag]) -> str:
        """The warnings' messages, one after the other, in the person's language."""
        return " ".join(self.c.text(flag.message, self.s.locale) for flag in flags)

    def told_at_once(self, typed: str) -> list[Reply]:
        """A quick answer given when the person tells of it, not asking (guidance.yaml
        `told_with`): "I'm crying all day" in the middle of the questions is not passed over
        with "sorry, I did not catch that" (pt-BR user test 16)."""
        told = [(answer, holds) for answer, holds in self.c.quick_answers
                if answer.told_with and self.reader.tells_of(typed, answer.id)]
        if not told:
            return []
        held = self.case_with_held()
        return [Reply(kind="notice", code=f"quick_answer:{answer.id}", text=self.c.text(answer.text, self.s.locale),
                      step=self.s.step)
                for answer, holds in told if holds(held)]

    def sections(self, index: int | None) -> list[Reply]:
        """Section `index` of the summary, or every section (None)."""
        if self.s.state != SUMMARY_STATE:
            return [self.notice("summary_not_yet"), *self.ask()]
        summary = self.summary()
        if index is not None and not 0 <= index < len(summary.sections):
            return [self.error("choose_section", count=len(summary.sections))]
        chosen = [index] if index is not None else [i for i, s in enumerate(summary.sections) if s.kind != "report"]
        return section_replies(summary, chosen, self.s.step)

    def report(self) -> list[Reply]:
        """The report for the doctor, at the summary; or at once after an emergency warning,
        with the answers so far, to take to the emergency department ("take this summary")."""
        if self.s.state != SUMMARY_STATE and not self.emergency_active():
            return [self.notice("report_unavailable"), *self.ask()]
        summary = self.summary()
        return section_replies(summary, [i for i, s in enumerate(summary.sections) if s.kind == "report"], self.s.step)

    def summary(self) -> Summary:
        return build_summary(self.s.case, assess(self.s.case, self.c), self.c, self.s.locale, self.not_asked(),
                             self.s.for_someone_else, self.not_known())

    def not_asked(self) -> list[Question]:
        """The questions passed over whose answer is still unknown: one answered in passing
        ("can barely walk") is not listed as not asked."""
        questions = [self.c.questions[self.e.machine.question_of[s]] for s in self.s.skipped]
        return [q for q in questions if recorded(self.s.case, q) is None]

    def not_known(self) -> list[Question]:
        """The questions answered "Don't know" ("X-ray: Don't know" after an X-ray was
        ticked): said so in "What you told me", not left out as if never asked."""
        questions = [self.c.questions[self.e.machine.question_of[s]] for s in self.s.answered]
        return [q for q in questions if q.field is not None and recorded(self.s.case, q) is None]

    # answers -----------------------------------------------------------------------

    def toggle(self, index: int) -> list[Reply]:
        option = self.c.options[self.question_id()][index]
        if option.exclusive:  # "Not done" / "Don't know" end the question at once
            return self.apply(Parsed(True, value=option.value))
        self.s.draft = [i for i in self.s.draft if i != index] if index in self.s.draft else [*self.s.draft, index]
        self.s.step += 1
        return [self.question_reply(kind="selection")]

    def apply(self, parsed: Parsed, typed: str | None = None, heard_earlier: bool = False) -> list[Reply]:
        """Record a parsed answer and move on, or say what was wrong and ask again.
        `heard_earlier`: the answer was held from an earlier message (`take_held`)."""
        if parsed.clarify:  # what the answer said of other questions is kept meanwhile
            heard = self.heard_in_passing(typed)
            if self.s.mode == "danger_offer":
                return heard
            answered = self.asides_in(typed)  # "...can she take ibuprofen?"
            if self.e.navigator.held_for(self.s.state, self.s):
                # "im her husband, my wife is 21 weeks pregnant": "Female or Male?" is not asked
                # just before "Sex at birth: Female, from what you wrote earlier" (user test en 22)
                return [*heard, *answered, *self.ask()]
            return [*heard, *answered, Reply(kind="error", code="clarify", step=self.s.step, text=self.msg(
                "clarify", options=self.msg("or").join(self.as_worded(parsed.clarify)))), *self.ask()]
        if not parsed.ok:
            # (a checklist's item denied in passing is kept too: "i dont take prednisolone" at
            # the tests is the steroids' no, user test en 21)
            held_before = (self.s.noted, self.s.held_numbers, self.s.denied_early)
            heard = self.heard_in_passing(typed)
            if self.s.mode == "danger_offer":  # a warning sign in it: what to do now comes first
                return heard
            # ...and a question of the person's own in it is answered at once ("to com 30
            # semanas ... posso tomar ibuprofeno?"; user test pt-BR 15: it waited for the end)
            # ...unless it denied this question's own items: "no heavy bleeding" at the list after
            # a loss is that item's no, asked on ("So not: ..."), whatever else it was kept for
            settled = self.held_for_a_question_settled(held_before[0], held_before[1])
            if settled and (self.s.noted, self.s.held_numbers) == held_before[:2] and not heard:
                # "she had an X-ray last month, normal" after "no tests": its question will not
                # come, so nothing is kept for it; how to change the answer that settled it is
                # said (user test pt-BR 27: "kept for later", then never asked)
                return [*(self.notice("correction_how", question=self.c.text(q.short, self.s.locale)) for q in settled),
                        *self.asides_in(typed), *self.ask()]
            # ...and so is a measurement kept for its answer ("temp 38,4 last night" after "i feel
            # hot", at another question; session 30: "did not catch", though it was kept)
            if ((self.s.noted, self.s.held_numbers, self.s.denied_early) != held_before
                    or (self.measured_now and parsed.error in _NOTHING_READ)) and not heard and not parsed.denied:
                # "im 19 weeks and my left hip hurts" at the sex question: not "sorry, I did
                # not catch that", since the week and the hip are kept for their questions.
                held_back = [self.error(parsed.error, **parsed.values)] if parsed.unread else []
                # a time only, kept for how long, at a question it does not answer: why it is
                # asked again (user test en 23a: "started last thursday" at how it started)
                only_a_time = self.s.held_numbers != held_before[1] and self.s.noted == held_before[0]
                why_asked = self.c.questions[self.question_id()].told_when_only_a_time
                kept = self.notice("kept_as_a_time", told=self.c.text(why_asked, self.s.locale)) \
                    if only_a_time and why_asked is not None else self.notice("kept_for_later")
                return [kept, *held_back, *self.asides_in(typed), *self.ask()]
            if heard:  # "tenho 82 anos e dei uma queda": "Also noted: a fall", not "did not catch" too
                return [*heard, *self.asides_in(typed), *(self.told_at_once(typed) if typed else []), *self.ask()]
            if typed and not self.s.answered and self.reader.tells_of_the_pain(typed):
                # "my hip hurts" before any answer: the opening of the conversation, not a
                # wrong answer to the first question; thanked once ("oi", then "tenho dor na anca").
                thanked, self.s.opening_thanked = self.s.opening_thanked, True
                return [*([] if thanked else [self.notice("opening_heard")]), *self.ask()]
            if self.told_who:  # "asking for a friend": said back, and the question asked again
                # (after the answer to a question of theirs in it: "...can she take ibuprofen?")
                return [*self.asides_in(typed), *self.ask()]
            if typed and self.asks_aside(typed):  # "is it serious?": answered now, or at the end
                return [*self.aside(typed), *self.ask()]
            told = self.told_at_once(typed) if typed else []
            if told:  # "choro o dia todo": heard, then the question again
                return [*told, *self.ask()]
            # (not a number the reader has said is of something else: "baby is 6 weeks" at how
            # long is the baby's age, no new answer to the pregnancy, user test en 26)
            corrected = self.corrected_earlier(typed) if typed and parsed.error not in _OF_SOMETHING_ELSE else None
            if corrected is not None:  # "wait, actually it's the right hip": how to change it
                return [self.notice("correction_how", question=corrected), *self.ask()]
            # Last before "did not catch", and only where nothing at all was read: "52" or
            # "masculino" typed again a question later (user test pt 24b). Sooner, it took
            # "ela tem q parar o alendronato?", "no scans, im pregnant" and "since the birth"
            # for the sex or the pregnancy said again.
            plain_miss = parsed.error in _NOTHING_READ and not (parsed.denied or parsed.pending)
            repeated = self._answer_repeated(typed) if plain_miss and typed else None
            if repeated is not None:
                return self.already_noted(repeated)
            agreeing = self._denials_repeated(typed) if plain_miss and typed else []
            if agreeing:
                return [*agreeing, *self.ask()]
            given_now = self._unknown_given_now(typed) if plain_miss and typed else []
            if given_now:
                return given_now
            # (what was asked back of an answer held to be completed is no miss: "steroids for
            # my asthma", asked "tablets or an inhaler?", then "inhaler"; a unit asked)
            self.s.missed += 0 if parsed.pending or self.answered_what_was_asked_back else 1
            stuck = [self.notice("stuck_help")] if self.s.missed >= 2 else []
            return [self.error(parsed.error, **parsed.values), *stuck, *self.ask()]
        if parsed.goto is not None and typed is not None and self.doubts_below_minimum(parsed.value):
            return [self.notice("below_minimum_doubted", number=parsed.value), *self.ask()]
        self.s.missed = 0
        state = self.s.state
        question = self.c.questions[self.question_id()]
        self.s.draft = []
        self.s.step += 1
        if parsed.goto is not None:  # a child's age: out of scope, nothing recorded
            self.s.state = parsed.goto
            return self.ask()
        if question.kind == "checklist" and self.s.noted.get(state):  # "not on chemo now": unsaid
            denied = {*parsed.denied, *(self.reader.denied_by_name(question.id, typed) if typed else [])}
            self.s.noted = {**self.s.noted, state: [i for i in self.s.noted[state] if i not in denied]}
        kept_noted = self.noted_kept(state, parsed.value, typed)
        value = self.with_noted(state, parsed.value)
        if value is None and question.recorded_at_once and recorded(self.s.case, question) is not None:
            # "can't put any weight on it" said earlier, "don't know" now: the warning sign
            # said stays (a Don't know does not unsay it), as a checklist's noted items do
            value = recorded(self.s.case, question)
        record(self.s.case, question, value)
        self.let_go_measured(question, value)
        self.let_go_numbers_read_as(question, value, typed)
        # "Im 45, male": the age read ahead is the answer; the same number held for it is spent
        self.s.held_numbers = {k: v for k, v in self.s.held_numbers.items() if k != state}
        self.s.heard_among = {k: v for k, v in self.s.heard_among.items() if k != state}
        self.s.answered = [*(q for q in self.s.answered if q != state), state]
        self.s.taken_unasked = [*(q for q in self.s.taken_unasked if q != state), *([state] if heard_earlier else [])]
        holding = (self.s.noted, self.s.held_numbers)
        # (a button pressed says nothing in passing, but may make a held sign a warning)
        noted = self.note_early(state, typed) if typed else self._warnings_held()
        kept_for_later = (self.s.noted, self.s.held_numbers) != holding
        changing = self.s.mode == "changing"
        self.e.navigator.after_answer(state, self.s)
        self.e.navigator.ended_by_what_was_said(self.s)  # "...and it's a hip replacement": ended here
        taken_late = self.take_passed_over()
        said_back = [self.answered_reply(question, value, heard_earlier),
                     *([Reply(kind="notice", code="said_with", text=parsed.said_with, step=self.s.step)]
                       if parsed.said_with else []),
                     *self.acknowledged(question, value),
                     *kept_noted, *self.said_when_unsure(question, value), *taken_late]
        if noted:  # "right hip, it's hot and swollen": the swelling is not left for later
            said_back.append(self.notice("noted_early", items="; ".join(noted)))
        said_back.extend(self.take_added_later())  # "no fever. oh, and I was on prednisolone
        # "oedema and a tiny bleb": the bleb is not dropped in silence; but what was kept for
        # later questions ("X-ray and bloods, both normal") was read, and is said when taken.
        # A part that names nothing for any question is said back all the same: "...and shes
        # been wetting herself" beside a weight loss kept nothing (user test en 21b).
        unread_parts = [part for part in parsed.unread
                        if not kept_for_later or not self.reader.names_another_answer(question.id, part)]
        if unread_parts:
            unread = ", ".join(f'"{quote(part)}"' for part in unread_parts)
            said_back.append(self.notice("unread_part", words=unread))
        if typed:
            said_back.extend(self.told_at_once(typed))
        if changing and self.s.before_change is None:
            # a change made during the questions (/change before the summary): they go on
            self.s.mode, changing = "asking", False
        ahead = self.answered_ahead(question.id, typed) if typed and not changing else None
        warnings = self.refresh_red_flags(announce=True, ahead=ahead)
        # "im 24 weeks pregnant ... can i take ibuprofen?", "oh she takes rivaroxaban, does that
        # matter?": the question is answered as any other is (user test en 20: "does that
        # matter" was said back as not understood), after the warnings this answer raised
        asides = self.asides_in(typed, stock=not warnings)
        warnings = [*warnings, *asides]
        # Not when the summary (which opens with what to do now) comes next anyway, nor
        # while an answer is being changed.
        if not changing and self.s.state != SUMMARY_STATE and self.offers_now(warnings):
            if ahead is None:
                return [*said_back, *warnings, self.danger_offer()]
            # "58 year old woman, fell and cant walk": the age is kept; the offer comes next
            # (the mode is now `danger_offer`, so the answer's `ask` is the offer).
            return [*said_back, *warnings, *self.take_ahead(ahead)]
        effect = self.change_done() if changing and self.s.state == SUMMARY_STATE else []
        if ahead is not None:  # "female 34": the age is not asked for again
            return [*said_back, *warnings, *effect, *self.take_ahead(ahead)]
        self.s.ahead_said, self.s.ahead_at = "", None
        return [*said_back, *warnings, *effect, *self.ask()]

    def correct_earlier_answer(self, typed: str) -> list[Reply]:
        """"oh wait, it's actually the left hip not the right" typed at a later question: the
        earlier answer is changed at once and the question asked again (user test en 19: it
        was read as the later question's answer, and the summary kept the wrong side). Only
        where the new answer leaves the questions still to come as they were and takes back no
        warning sign; otherwise `corrected_earlier` says how to change it."""
        if self.s.mode != "asking" or self.s.state == SUMMARY_STATE:
            return []
        corrected = self._corrected_answer(typed)
        if corrected is None or len(corrected[1]) != 1:
            return []
        question, (value,) = corrected[0], corrected[1]
        probe = self.s.case.model_copy(deep=True)
        record(probe, question, value)
        if any(applies(probe) != applies(self.s.case) for applies in self.e.machine.ask_when.values()):
            return []
        if self._active_flags() - self._flags_of(probe):  # a warning taken back: asked, not read in passing
            return []
        record(self.s.case, question, value)
        self.s.step += 1
        said = [self.answered_reply(question, value, False), *self.refresh_red_flags(announce=True)]
        if self.offers_now(said[1:]):  # "oh actually i did have a fever, 38.6": what to do now first
            return [*said, self.danger_offer()]
        if self.reader.measured_by_name(question.id, typed) and self.reader.read(
                self.question_id(), typed, today=self.today).ok:
            # "crp 45 mg/l, wcc 14" at the white cell count: the CRP corrected, and the count
            # read as this question's answer (`step` goes on with it), not asked again
            self.corrected_and_going_on = True
            return said
        return [*said, *self.ask()]

    def correct_held_answer(self, typed: str) -> list[Reply]:
        """"sorry I meant right not left", "sorry i meant 22 weeks" typed before the question
        the earlier answer was held for is reached: the held answer is replaced, said back as
        corrected, and the question asked again (user test en 20b: "Sorry, I did not catch"
        and the wrong side or week kept). Only one held answer of one question, one answer
        named (a number with that question's own unit, too), never a checklist's (its warning
        signs), and only where what the held answers raise stays as it was."""
        if self.s.mode != "asking" or self.s.state == SUMMARY_STATE or not self.reader.corrects(typed):
            return []
        if self.s.state in self.e.machine.question_of and self.reader.read(self.question_id(), typed).ok:
            return []  # "actually 34 years" at the age: the answer to the question asked
        found: list[tuple[str, Question, list[int] | None, str]] = []
        for state, indices in self.s.noted.items():
            question = self.c.questions[self.e.machine.question_of[state]]
            if state == self.s.state or question.kind != "choice" or len(indices) != 1:
                continue
            options = self.c.options[question.id]
            # as `_corrected_answer` reads it: in full, in one word where the answers are no
            # yes or no ("sorry I meant right not left"), or by a number with its unit
            named = set(self.reader.mentions(question.id, typed))
            if not named and not any(isinstance(option.value, bool) for option in options):
                named = set(self.reader.named_loosely(question.id, typed))
            named = {i for i in named or self.reader.named_with_its_unit(question.id, typed)
                     if options[i].value is not None}
            if len(named) == 1:
                found.append((state, question, [*named], ""))
        for state in self.s.held_numbers:
            question = self.c.questions[self.e.machine.question_of[state]]
            said = self.reader.number_with_its_unit(question.id, typed) if state != self.s.state else ""
            if said:
                found.append((state, question, None, said))
        if len(found) != 1:
            return []
        state, question, chosen, said = found[0]
        before, holding = self._flags_of(self.case_with_held()), (self.s.noted, self.s.held_numbers)
        if chosen is not None:
            self.s.noted = {**self.s.noted, state: chosen}
        else:
            self.s.held_numbers = {**self.s.held_numbers, state: said}
        if chosen is not None:
            value: Any = self.c.options[question.id][chosen[0]].value
        else:
            parsed = self.reader.read(question.id, said, today=self.today)
            value = parsed.value if parsed.ok else None
        read_it = chosen is not None or parsed.ok
        after = self.case_with_held()
        if read_it and value is not None and question.field is not None:
            # an answer noted in passing may be recorded already ("Also noted: Fever: No
            # (37.8 °C)"), and the held one is then not read over it: the correction is
            record(after, question, value)
        if self._flags_of(after) != before:  # a warning sign is not changed so: noted in passing and warned of at once
            self.s.noted, self.s.held_numbers = holding
            return []
        answer = self.answer_words(question.id, value) if read_it else said
        self.s.step += 1
        return [self.notice("held_corrected", question=self.c.text(question.short, self.s.locale), answer=answer),
                *self.ask()]

    def corrected_earlier(self, typed: str) -> str | None:
        """The short name of an earlier answer `typed` seems to correct, to say how to change
        it ("wait, actually it's the right hip" after "left", where it cannot be changed at once)."""
        corrected = self._corrected_answer(typed)
        return self.c.text(corrected[0].short, self.s.locale) if corrected is not None else None

    def _corrected_answer(self, typed: str) -> tuple[Question, set[Any]] | None:
        """The latest question already answered that `typed` corrects, and the answers it
        names instead: it says it corrects ("actually", "afinal") and names another answer,
        in full, or in one word where the answers are no yes or no ("ah pera, é o esquerdo").
        A number that names its question ("i'm 34 weeks pregnant") or takes back the one given
        ("34 weeks not 24") corrects without saying so (user test en 23)."""
        says_so = self.reader.corrects(typed)
        for state in reversed(self.s.answered):
            question = self.c.questions[self.e.machine.question_of[state]]
            given = recorded(self.s.case, question)
            if question.kind == "number" and question.field is not None and isinstance(given, (int, float)):
                # "afinal são 6 semanas e não 3" after "3 semanas": the number taken back is the one given
                instead = self.reader.corrected_number(question.id, typed, float(given))
                if instead is not None:
                    return question, {instead}
                continue
            if question.kind != "choice" or question.field is None:
                continue
            # "actually crp was 45" after the CRP was answered: a result said again with its
            # test's name corrects it, the most recent kept (a bare number names no test);
            # when its unit decides, each answer it could be ("correction_how" then says how)
            measured = self.reader.measured_by_name(question.id, typed)
            if measured:
                if len(measured) > 1 or given not in measured:
                    return question, measured
                continue
            options = self.c.options[question.id]
            named: set[Any] = set()
            if says_so:
                named = {options[i].value for i in self.reader.mentions(question.id, typed)} - {None}
            if says_so and not named and not any(isinstance(option.value, bool) for option in options):
                named = {options[i].value for i in self.reader.named_loosely(question.id, typed)} - {None}
            if not named:  # "i mean 38 weeks not 18": a number with the question's own unit
                named = {options[i].value for i in self.reader.named_by_a_number(
                    question.id, typed, recorded(self.s.case, question))} - {None}
            heard = self.reader.heard_number(question.id, typed, today=self.today) if not named else None
            if heard:
                # read with the words that tie it: "2 weeks after giving birth" is a time after
                # the birth (postpartum), no week 2 of a pregnancy (session 27)
                read = self.reader.read(question.id, heard, today=self.today)
                named = {read.value} if read.ok and read.goto is None and read.value is not None else \
                    {options[i].value for i in self.reader.named_with_its_unit(question.id, typed)} - {None}
            if not named and says_so and not self._unit_taken_elsewhere(state, typed):
                # "actually its 34 weeks sorry": no other question asked takes a number so said
                named = {options[i].value for i in self.reader.named_with_its_unit(question.id, typed)} - {None}
            if named and recorded(self.s.case, question) not in named:
                return question, named
        return None

    def _unit_taken_elsewhere(self, state: str, typed: str) -> bool:
        """A number said with its unit in `typed` could answer a question other than `state`'s
        that was answered or is asked now ("actually 3 weeks": how long, or the pregnancy?)."""
        others = {*self.s.answered, self.s.state} - {state}
        return any(self.reader.number_with_its_unit(self.e.machine.question_of[other], typed)
                   for other in others if other in self.e.machine.question_of)

    def take_ahead(self, ahead: Parsed) -> list[Reply]:
        """Record the next question's answer read ahead, remembering what was said for it
        (a repeat of it at the question after is then not read as that question's answer)."""
        replies = self.apply(ahead)
        self.s.ahead_said, self.s.ahead_at = ahead.said, self.s.state
        return replies

    def _answer_repeated(self, typed: str) -> Question | None:
        """The question answered earlier whose recorded answer `typed` says again in full: an
        age or a sex typed twice, or the hip (`Question.typed_again_is_noted`). Not a yes or
        no ("no" at one question is no repeat of another's "No")."""
        repeated: Question | None = None
        for state in reversed(self.s.answered):
            question = self.c.questions[self.e.machine.question_of[state]]
            given = recorded(self.s.case, question)
            if given is None:
                continue
            if not question.typed_again_is_noted:
                if self._restated_in_full(question, typed, given):
                    return repeated or question  # (its own words: no number of an earlier question's)
                continue
            # (said in words, not by a pronoun: "she can walk" is no "Female" again)
            said = self.reader.without_third_person(question.id, typed)
            parsed = self.reader.read(question.id, said, today=self.today)
            if parsed.ok and parsed.value is not None and parsed.value != given and whole_number(typed.strip()) is None:
                # "sorry, i'm 30 weeks pregnant" says "female" again but corrects the pregnancy
                # (a bare "33" is the age again, not 33 weeks: a number alone corrects nothing)
                return None
            if parsed.ok and parsed.value == given and not isinstance(given, bool):
                repeated = repeated or question
        return repeated

    def _restated_in_full(self, question: Question, typed: str, given: Any) -> bool:
        """`typed` names a choice's recorded answer again in words that name it in passing, not
        a bare yes or no ("apyrexial" after "no" at the fever), or its measurement read again
        with the same answer ("actually it was 38.4" after a fever's "yes": the reading is
        kept by `keep_measured`); it is met by "I have that already", not "did not catch"."""
        if question.kind != "choice" or question.field is None:
            return False
        options = self.c.options[question.id]
        named = {options[i].value for i in self.reader.mentions(question.id, typed)}
        if named:
            return named == {given}
        return question.measured_kept_in is not None and self.reader.measured(question.id, typed) is not None \
            and self.reader.read(question.id, typed, today=self.today).value == given

    def _unknown_given_now(self, typed: str) -> list[Reply]:
        """"idk" at the sex question, then "female" at the age: the question just before, left
        unknown, answered now, in full (not a yes or no): recorded, said back, and this question
        asked again; not where it would take an answered question off the path."""
        if not self.s.answered or self.s.mode != "asking":
            return []
        state = self.s.answered[-1]
        question = self.c.questions[self.e.machine.question_of[state]]
        options = self.c.options[question.id]
        if question.kind != "choice" or question.field is None or recorded(self.s.case, question) is not None \
                or any(isinstance(option.value, bool) for option in options):
            return []
        parsed = self.reader.read(question.id, typed, today=self.today)
        if not parsed.ok or parsed.value is None or parsed.unread:
            return []
        probe = self.s.case.model_copy(deep=True)
        record(probe, question, parsed.value)
        path = self.e.machine.path(probe, self.s.answered)
        if not set(self.s.answered) <= set(path):
            return []
        # ...nor where it opens questions before this one that would go unasked: a pregnancy
        # given after a change left it unknown ("10 days" at the warning signs; session 29's
        # fuzzing reached the summary without the pregnancy's own questions)
        if self.s.state not in path or any(state not in self.s.answered
                                           for state in path[:path.index(self.s.state)]):
            return []
        record(self.s.case, question, parsed.value)
        self.s.step += 1
        return [self.answered_reply(question, parsed.value, False), *self.refresh_red_flags(announce=True), *self.ask()]

    def already_noted(self, question: Question | None = None) -> list[Reply]:
        """An answer typed again (the number read ahead, where the next question is asked, or
        an earlier answer said in full again): said to be recorded already, naming its
        question, and the question asked again (not read as its answer)."""
        question = question or self.c.questions[self.e.machine.question_of[self.s.answered[-1]]]
        self.s.ahead_said, self.s.ahead_at = "", None
        answer = self.answer_words(question.id, recorded(self.s.case, question))
        return [self.notice("already_noted", question=self.c.text(question.short, self.s.locale), answer=answer),
                *self.ask()]

    def held_for_a_question_settled(self, noted: dict[str, list[int]],
                                    numbers: dict[str, str]) -> list[Question]:
        """What was held just now (since `noted` and `numbers`) for a question that will not
        be asked, because an answer given already wrote its field ("no tests" wrote that no
        X-ray was done): let go; the questions whose answers settled it, to say how to change
        them."""
        settled: list[Question] = []
        machine = self.e.machine
        for state in {*self.s.noted, *self.s.held_numbers}:
            if self.s.noted.get(state) == noted.get(state) and self.s.held_numbers.get(state) == numbers.get(state):
                continue
            question = self.c.questions[machine.question_of[state]]
            guard = machine.ask_when.get(state)
            if state in self.s.answered or guard is None or guard(self.s.case) \
                    or any(getattr(self.s.case, name, None) is None for name in question.fields):
                continue
            deciding = [self.c.questions[machine.question_of[done]] for done in self.s.answered
                        if any(name in {*(o.sets or {}), *(o.unticked or {})} for name in question.fields
                               for o in self.c.options[machine.question_of[done]])]
            if not deciding:
                continue
            # (what was held for it before this message stays as it was)
            self.s.noted = {**{k: v for k, v in self.s.noted.items() if k != state},
                            **({state: noted[state]} if state in noted else {})}
            self.s.held_numbers = {**{k: v for k, v in self.s.held_numbers.items() if k != state},
                                   **({state: numbers[state]} if state in numbers else {})}
            settled.extend(q for q in deciding if q not in settled)
        return settled

    def heard_in_passing(self, typed: str | None) -> list[Reply]:
        """What an answer that could not be read still said of a warning sign ("i have a
        fever of 38.9" typed at the age): noted, and the level raised, before asking again."""
        noted = self.note_early(self.s.state, typed) if typed and self.s.mode == "asking" else []
        added = self.take_added_later()
        if not noted and not added:
            return []
        warnings = self.refresh_red_flags(announce=True)
        said = [*added, *([self.notice("noted_early", items="; ".join(noted))] if noted else []), *warnings]
        if self.e.navigator.ended_by_what_was_said(self.s):  # the question asked next is the end
            return said
        return [*said, self.danger_offer()] if self.offers_now(warnings) else said

    def offers_now(self, warnings: list[Reply]) -> bool:
        """What to do now is offered once, at the first emergency warning: if these warnings
        bring it, the conversation waits for the choice (mode `danger_offer`)."""
        if self.s.danger_offered or not any(w.code in self.emergency_flags() for w in warnings):
            return False
        self.s.mode = "danger_offer"
        self.s.danger_offered = True
        return True

    def answered_ahead(self, answered_id: str, typed: str) -> Parsed | None:
        """The next question's answer, when the answer just read gave it as well (a number
        standing apart: the reader's `answered_ahead`). It is said back like any answer."""
        if self.s.state not in self.e.machine.question_of or self.s.mode != "asking" or self.s.state in self.s.answered:
            return None
        return self.reader.answered_ahead(self.question_id(), typed, answered_id)

    def note_early(self, answered_state: str, text: str) -> list[str]:
        """What an answer to another question says of the questions that are `heard_early`.

        * A checklist's items ("it's hot and swollen") are recorded at once, so a warning
          sign raises the level now, and kept ticked when the checklist is answered.
        * A choice that is `taken_when_heard` (which hip, pregnancy, breastfeeding) or a
          number (the age, how long) is held, neither recorded nor said yet, and taken when
          its turn comes (`take_held`), so it counts only if the question is on the path.
        * A choice that is recorded at once (fever, cannot walk) is recorded now and said
          ("Also noted"); if it is also `taken_when_heard`, it is not asked again.

        Only what is named in two words or more (or a number tied to its words) and not
        denied is noted, and not what is said of a relative by a writer speaking of
        themselves ("my son had a fever"). Returns the words of what was recorded now."""
        text = self.reader.of_the_patient(self.reader.without_conditions_asked(text))
        self._answering = self.e.machine.question_of.get(answered_state, "")
        try:
            return self._heard_early(answered_state, text)
        finally:
            self._answering = ""

    def _heard_early(self, answered_state: str, text: str) -> list[str]:
        labels: list[str] = []
        implying = self._implying()
        for state, question_id in self.e.machine.question_of.items():
            question = self.c.questions[question_id]
            if not question.heard_early or state == answered_state:
                continue
            if state in self.s.answered:
                labels.extend(self._warning_said_after(state, question, text))
                continue
            if question.kind == "number":
                self._hold_number(state, question_id, text, self.e.machine.question_of.get(answered_state, ""))
            elif question.heard_about:
                # A measurement beside its name first ("bloods: CRP 186"), else what is said of
                # the test by name ("bloods came back normal", "XR NAD").
                before = self.s.noted.get(state)
                if question.measure_words and question.taken_when_heard:
                    self._hold_choice(state, question_id, text)
                if self.s.noted.get(state) == before:
                    self._hold_findings(state, question, text)
            elif question.kind == "checklist":
                labels.extend(self._tick_early(state, question_id, text))
                self._hold_denials(state, question_id, text)
            elif question.taken_when_heard and not question.recorded_at_once:
                self._hold_choice(state, question_id, text)
            else:
                labels.extend(self._record_choice(state, question, text))
        for question in self.c.questions.values():
            if question.heard_only:  # not asked: recorded when named ("hoje to sangrando e com contração")
                labels.extend(self._tick_heard_only(question, text))
        self._hold_either(answered_state, text)
        self._tick_tests_of_held()
        self._note_implied(implying)
        return [*labels, *self._warnings_held()]

    def _hold_either(self, answered_state: str, text: str) -> None:
        """"I can barely walk" in passing: one of a few answers, and not which (the question's
        `heard_as_either`): kept with what they share (`heard_among`), and asked first as "Just
        to be sure: ... or ...?" when the question comes (`either_heard`), unless answered,
        recorded or held by then."""
        for state, question_id in self.e.machine.question_of.items():
            question = self.c.questions[question_id]
            if question.heard_as_either is None or state == answered_state or state in self.s.answered \
                    or state in self.s.noted or recorded(self.s.case, question) is not None:
                continue
            among = self.reader.heard_as_either(question_id, text)
            if among:
                self.s.heard_among = {**self.s.heard_among, state: among}

    def either_heard(self) -> list[Reply]:
        """The current question's answers said together in passing (`_hold_either`): which of
        them is asked first, once, so what was said is not asked as if never heard."""
        state = self.s.state
        question = self.c.questions[self.question_id()]
        among = self.s.heard_among.get(state, [])
        if question.heard_as_either is None or not among or self.s.mode != "asking" or state in self.s.answered \
                or recorded(self.s.case, question) is not None:
            return []
        self.s.heard_among = {k: v for k, v in self.s.heard_among.items() if k != state}
        options = self.c.options[question.id]
        labels = [self.c.text(options[i].label_for(self.s.for_someone_else), self.s.locale) for i in among]
        return [Reply(kind="notice", code="clarify", step=self.s.step,
                      text=self.msg("clarify", options=self.msg("or").join(labels)))]

    def _implying(self) -> dict[str, Any]:
        """The answers, recorded or held, of the questions that imply another's (`implied_by`)."""
        return {implied.question: self._known_or_held(implied.question)
                for question in self.c.questions.values() for implied in question.implied_by}

    def _said_otherwise(self, text: str) -> list[Reply]:
        """How to change the last answer given, when `text` read at its question is another
        answer of it (a choice): the warning it raised stands until it is changed."""
        if not self.s.answered:
            return []
        question = self.c.questions[self.e.machine.question_of[self.s.answered[-1]]]
        if question.kind != "choice" or question.field is None:
            return []
        parsed = self.reader.read(question.id, text, today=self.today)
        if not parsed.ok or parsed.value is None or parsed.goto is not None \
                or parsed.value == recorded(self.s.case, question):
            return []
        return [self.notice("correction_how", question=self.c.text(question.short, self.s.locale))]

    def _hold_denials(self, state: str, question_id: str, text: str) -> None:
        """A checklist's items denied by name in passing ("no trauma", "sem febre"): held, and
        said as not when the checklist is asked (`denials_held`)."""
        denied = [i for i in self.reader.denied_by_name(question_id, text) if i not in self.s.noted.get(state, [])]
        if denied:
            held = self.s.denied_early.get(state, [])
            self.s.denied_early = {**self.s.denied_early, state: list(dict.fromkeys([*held, *denied]))}

    def denials_held(self) -> list[Reply]:
        """The current checklist's items denied in an earlier message: said as not, and
        taken as denied at the question ("no trauma" in the first message, then "fever":
        the fall is not asked about again), as if just denied there."""
        state = self.s.state
        held = self.s.denied_early.get(state, [])
        self.s.denied_early = {k: v for k, v in self.s.denied_early.items() if k != state}
        held = [i for i in held if i not in self.s.noted.get(state, [])]
        if not held or self.s.mode != "asking" or state in self.s.answered or not self.is_multi():
            return []
        self.s.denied, self.s.denied_at = held, state
        options = self.c.options[self.question_id()]
        labels = [self.c.text(options[i].label_for(self.s.for_someone_else), self.s.locale) for i in held]
        none = next((o for o in options if o.value == NONE_OF_THESE), None)
        if none is None:
            return []
        return [self.notice("denied_earlier", denied="; ".join(labels),
                            none=self.c.text(none.label_for(self.s.for_someone_else), self.s.locale))]

    def _note_implied(self, before: dict[str, Any]) -> None:
        """An answer implied by another's newly heard or recorded (`Question.implied_by`:
        "G2P1 34/40" is a woman's, user test en 20): held for its question like one heard,
        so it is taken when the question comes, said back as from what was written. Only
        when the implying answer is new in this message: after /back, the question asks."""
        now = self._implying()
        for state, question_id in self.e.machine.question_of.items():
            question = self.c.questions[question_id]
            if not question.implied_by or state in self.s.answered or state in self.s.noted \
                    or recorded(self.s.case, question) is not None:
                continue
            values = [option.value for option in self.c.options[question_id]]
            for implied in question.implied_by:
                value = now[implied.question]
                if value != before[implied.question] and implied.holds_for(value):
                    self.s.noted = {**self.s.noted, state: [values.index(implied.answer)]}
                    break

    def _known_or_held(self, question_id: str) -> Any:
        """A choice's answer, recorded, or held as one answer from an earlier message."""
        question = self.c.questions[question_id]
        value = recorded(self.s.case, question)
        if value is not None:
            return value
        state = next((s for s, q in self.e.machine.question_of.items() if q == question_id), None)
        held = self.s.noted.get(state or "", [])
        if len(held) == 1:
            return self.c.options[question_id][held[0]].value
        said = self.s.held_numbers.get(state or "", "")
        parsed = self.reader.read(question_id, said, today=self.today) if said else None
        return parsed.value if parsed is not None and parsed.ok else None

    def _tick_heard_only(self, question: Question, text: str) -> list[str]:
        """The items of a checklist that is never asked (`heard_only`) named in `text`:
        recorded now, and said back (with `heard_if_it_warns`, only if they raise a warning
        with what is known and held)."""
        options = self.c.options[question.id]
        named = [i for i in self.reader.mentions(question.id, text) if not options[i].exclusive
                 and any(getattr(self.s.case, name) is None for name in options[i].sets or {})]
        if question.heard_if_it_warns and not self._would_warn(question.id, named):
            return []
        return self._write_items(question.id, named)

    def _would_warn(self, question_id: str, indices: list[int]) -> bool:
        """Ticking these items raises a warning with what is known and held ("bleeding" in
        pregnancy; not a man's "bleeding gums", which is not listed as told)."""
        options = self.c.options[question_id]
        writes = {name: value for i in indices for name, value in (options[i].sets or {}).items()}
        held = self.case_with_held()
        return bool(writes) and bool(self._flags_of(held.model_copy(update=writes)) - self._flags_of(held))

    def _warnings_held(self) -> list[str]:
        """A result held for its question that is a warning sign on its own ("CRP 186" in
        the first message): recorded now, so the level of care rises at once, not three
        questions later; still taken, and said back, when its question comes. So are the
        items of a checklist held until they would warn ("to sangrando", then 34 weeks
        pregnant)."""
        said = []
        for state, indices in list(self.s.noted.items()):
            question = self.c.questions[self.e.machine.question_of[state]]
            if question.kind == "checklist" and question.heard_if_it_warns and state not in self.s.answered:
                options = self.c.options[question.id]
                unwritten = [i for i in indices if any(getattr(self.s.case, name) is None
                                                       for name in options[i].sets or {})]
                if unwritten and self._would_warn(question.id, unwritten):
                    said.extend(self._write_items(question.id, unwritten))
                continue
            if question.kind != "choice" or len(indices) != 1 or question.field is None or state in self.s.answered:
                continue
            value = self.c.options[question.id][indices[0]].value
            if value is None or recorded(self.s.case, question) == value:
                continue

            def record_it(question: Question = question, value: Any = value) -> list[str]:
                record(self.s.case, question, value)
                return [self.said_back(question, value)]

            said.extend(self._kept_if_it_warns(record_it))
        return said

    def _warning_said_after(self, state: str, question: Question, text: str) -> list[str]:
        """A warning sign said of a question already answered ("oh actually I did have a
        fever last night, 38.6" after "No"; "i cant put any weight on it" after "I can take
        a few steps"): recorded now, so the level of care rises at once. Only what raises a
        warning is taken so; any other change goes through /back or /change."""
        if not (question.kind == "checklist" or (question.kind == "choice" and question.recorded_at_once)):
            return []
        if self._after_the_summary and question.kind == "checklist":
            return self._added_after_the_summary(state, question, text)
        if question.kind == "checklist" and question.added_when_told_later and self.s.state != SUMMARY_STATE:
            added = self._added_later_on(state, question, text)
            if added:
                self._added_later.append(("added_to_answer", self.msg(
                    "added_to_answer", question=self.c.text(question.short, self.s.locale), items="; ".join(added))))
            return []
        noted = self.s.noted
        said = self._kept_if_it_warns(lambda: self._tick_early(state, question.id, text) if question.kind == "checklist"
                                      else self._record_choice(state, question, text))
        self.s.noted = noted  # nothing is held for a question already answered
        return said

    def _denied_as_recorded(self, question: Question, text: str) -> list[str]:
        """The items of an answered checklist that `text` denies by name and whose answer is
        recorded as no already, as labels (none if it names any item as well, or denies them
        all: "sem antecedentes" is no list of every item)."""
        options = self.c.options[question.id]
        denied = self.reader.denied_by_name(question.id, text)
        if self.reader.mentions(question.id, text) or set(denied) >= set(self.reader.tables[question.id].items):
            return []
        return [self.c.text(options[i].label_for(self.s.for_someone_else), self.s.locale)
                for i in denied
                if (unticked := options[i].unticked) and all(
                    getattr(self.s.case, name) == value for name, value in unticked.items())]

    def _denials_repeated(self, typed: str) -> list[Reply]:
        """Items of answered checklists that `typed` says do not apply, as their answers have
        them already ("bebo uns copos ao fim de semana" after "None of these", "não fiz
        ressonância" after only an X-ray): "I have that already", not "did not catch" (user
        tests pt and pt-BR 28)."""
        said = []
        for state in reversed(self.s.answered):
            question = self.c.questions[self.e.machine.question_of[state]]
            if question.kind == "checklist" and (agreeing := self._denied_as_recorded(question, typed)):
                said.append(self.notice("denial_already_noted", question=self.c.text(question.short, self.s.locale),
                                        items="; ".join(agreeing)))
        return said

    def _added_after_the_summary(self, state: str, question: Question, text: str,
                                 among: list[int] | None = None) -> list[str]:
        """A checklist's items named after the summary ("oh she takes rivaroxaban, forgot"
        after "None of these"): added to its answer, as ticking them at /change would, so the
        summary shown again fits them (user test en 20: an anti-inflammatory course was
        still offered to a woman on a blood thinner). Only items added: nothing ticked is
        taken away, and "None of these" or "Not sure" said again changes nothing."""
        options = self.c.options[question.id]
        new = [i for i in (self._newly_named(state, question.id, text) if among is None else among)
               if not options[i].exclusive and not self._names_another_answer(options[i].of_the_answer_to, text)
               and any(getattr(self.s.case, name) != value for name, value in (options[i].sets or {}).items())]
        if question.heard_if_it_warns and not self._would_warn(question.id, new):
            return []
        return self._write_items(question.id, new)

    def _added_later_on(self, state: str, question: Question, text: str) -> list[str]:
        """A checklist's items named after it was answered, during the questions: added as
        after the summary, but not those that would change which questions come (a hip
        replacement ends them: that goes through /change)."""
        options = self.c.options[question.id]
        machine = self.e.machine
        path = machine.path(self.s.case, self.s.answered)
        new: list[int] = []
        rerouting: list[int] = []
        for i in self._newly_named(state, question.id, text):
            probe = self.s.case.model_copy(update=options[i].sets or {})
            (new if machine.path(probe, self.s.answered) == path else rerouting).append(i)
        if rerouting:  # said how to change it, not dropped in silence
            self._added_later.append(("correction_how", self.msg("correction_how", question=self.c.text(
                question.short, self.s.locale))))
        return self._added_after_the_summary(state, question, text, among=new)

    def take_added_later(self) -> list[Reply]:
        """The lines saying what was added to an earlier checklist in the message just read."""
        added, self._added_later = self._added_later, []
        return [Reply(kind="notice", code=code, text=line, step=self.s.step) for code, line in added]

    def _names_another_answer(self, question_id: str | None, text: str) -> bool:
        """`text` names an answer to `question_id` other than the one given (recorded, or
        held from this very message), or two different ones: what it says of "this hip" may
        be of the other (`Answer.of_the_answer_to`; None: said of nothing in particular)."""
        state = next((s for s, q in self.e.machine.question_of.items() if q == question_id), None)
        if question_id is None or state is None:
            return False
        question, options = self.c.questions[question_id], self.c.options[question_id]
        given = recorded(self.s.case, question)
        if given is None:
            given = next((options[i].value for i in self.s.noted.get(state, [])[:1]), None)
        named = {options[i].value for i in self.reader.mentions(question_id, text)} - {None}
        return len(named) > 1 or (given is not None and bool(named - {given}))

    def said_back(self, question: Question, value: Any, key: str = "answered") -> str:
        """"Fever: Yes": a question's short name and its answer, in the person's words."""
        return self.msg(key, question=self.c.text(question.short, self.s.locale),
                        answer=self.answer_words(question.id, value))

    def answered_reply(self, question: Question, value: Any, heard_earlier: bool) -> Reply:
        """The line said back for an answer recorded (`heard_earlier`: taken from what
        was written before)."""
        return Reply(kind="answered", code=question.id, question_id=question.id, step=self.s.step,
                     text=self.said_back(question, value, "answered_earlier" if heard_earlier else "answered"))

    def _kept_if_it_warns(self, record_it: Callable[[], list[str]]) -> list[str]:
        """Record something said in passing only if it raises a warning sign not raised
        before; otherwise the case and what is held are left as they were."""
        before, case, noted = self._active_flags(), self.s.case.model_copy(deep=True), self.s.noted
        said = record_it()
        if said and self._active_flags() - before:
            return said
        self.s.case, self.s.noted = case, noted
        return []

    def _active_flags(self) -> set[str]:
        return self._flags_of(self.s.case)

    def _flags_of(self, case: Case) -> set[str]:
        """The warning signs `case` raises."""
        return {flag.id for flag, test in self.c.red_flags if test(case)}

    def _newly_named(self, state: str, question_id: str, text: str) -> list[int]:
        """The options `text` names in passing that were not noted for `state` before (the
        words that answered the question asked are its own: `_answering`)."""
        named = self.reader.mentions(question_id, text, self._signs_said_together_here(question_id), self._answering)
        return [i for i in named if i not in self.s.noted.get(state, [])]

    def _signs_said_together_here(self, question_id: str) -> list[str]:
        """The other checklists with a sign said by its parts (`said_together`) that are on
        this person's path, with what is known and held, or heard only: their signs keep
        their words. After a caesarean "my scar is red" is the wound's; after a hip
        replacement, with no birth, the same words are still the hip's."""
        case = self.case_with_held()
        claiming = []
        for state, other_id in self.e.machine.question_of.items():
            if other_id == question_id or not self.reader.says_together(other_id):
                continue
            passed_over = self.e.machine.ask_when.get(state)
            if passed_over is None or passed_over(case):
                claiming.append(other_id)
        return [*claiming, *(q.id for q in self.c.questions.values()
                             if q.heard_only and q.id != question_id and self.reader.says_together(q.id))]

    def let_go_numbers_read_as(self, question: Question, value: Any, typed: str | None) -> None:
        """A number with its unit held for a later question ("F 30, 32 weeks hip pain": how long)
        that, read at the choice just answered, gives that very answer ("32 weeks", a third
        trimester) may have been said of it: one number said once is one fact, and which is not
        guessed. The hold is let go, so the later question asks, unless the answer typed names
        another number of its unit ("yes, 34 weeks" beside "pain for 3 weeks")."""
        if question.kind != "choice" or value is None or not self.s.held_numbers:
            return
        own = self.reader.number_with_its_unit(question.id, typed) if typed else ""
        kept = dict(self.s.held_numbers)
        for state, said in self.s.held_numbers.items():
            if not said or not self.reader.number_with_its_unit(question.id, said):
                continue  # a bare number, or another unit: nothing of this question
            if (own and own != said) or question.id in self.c.questions[
                    self.e.machine.question_of[state]].numbers_yielded_to:
                continue  # (a span it came on over is how fast and, alone, how long: session 28)
            if self.reader.read(question.id, said, today=self.today).value == value:
                kept.pop(state)
        self.s.held_numbers = kept

    def _hold_number(self, state: str, question_id: str, text: str, answered_id: str = "") -> None:
        """"pain for 2 months": held; two different numbers heard, neither."""
        said = self.reader.heard_number(question_id, text, answered_id, self.today)
        if said is not None:
            earlier = self.s.held_numbers.get(state, said)
            if earlier not in ("", said) and answered_id in self.c.questions[question_id].said_freely_at:
                return  # "since 3 nov", then "it came on over a few days" at how it began: how fast
            self.s.held_numbers = {**self.s.held_numbers, state: said if earlier == said else ""}

    def _hold_choice(self, state: str, question_id: str, text: str) -> None:
        """Held for `take_held`. Another answer named as well, even in a word ("left hip...
        actually now it's both"), or numbers that disagree: more than one held, none taken."""
        options = self.c.options[question_id]
        new = self._newly_named(state, question_id, text)
        unit_asked = self.reader.measured_unit_asked(question_id, text)
        if unit_asked is not None and not new:
            # "crp 12": mg/L or mg/dL? Held as typed; its unit is asked when the question comes.
            earlier = self.s.held_numbers.get(state, unit_asked)
            self.s.held_numbers = {**self.s.held_numbers, state: unit_asked if earlier == unit_asked else ""}
            return
        said = self.reader.heard_number(question_id, text, today=self.today)
        if said is not None:  # "im 19 weeks", "due on 20/12": the option its number picks
            value = self.reader.read(question_id, said, today=self.today).value
            new = list(dict.fromkeys([*new, *(i for i, o in enumerate(options) if o.value == value)]))
        question = self.c.questions[question_id]
        if not new and not self.s.noted.get(state):
            self._hold_among(state, question, text)
        if question.heard_early_answers:  # "dores na anca" in passing says nothing of where, exactly
            new = [i for i in new if self._heard_early_answer(question, i, text)]
        if not new:
            return
        if question.escalating and len(new) > 1:  # "PCR 45 mg/L e VS 60": the higher reading decides, as when asked
            read = self.reader.read(question_id, text, today=self.today)
            if read.ok and read.goto is None and read.value is not None:
                new = [i for i, option in enumerate(options) if option.value == read.value] or new
        values = {value for i in new for value in [options[i].value, *options[i].includes]}
        others = [i for i in self.reader.named_loosely(question_id, text) if options[i].value not in values]
        if self.reader.numbers_disagree(question_id, text):  # "12 weeks, sorry, 14": either is meant
            others = [i for i in range(len(options)) if i not in new]
        self.s.noted = {**self.s.noted, state: [*self.s.noted.get(state, []), *new, *others]}

    def _heard_early_answer(self, question: Question, index: int, text: str) -> bool:
        """An answer this question hears early (`heard_early_answers`), or one named in passing
        by its `heard_early_by` words ("é mais na virilha")."""
        return self.c.options[question.id][index].value in question.heard_early_answers \
            or self.reader.heard_early_by(question.id, index, text)

    def _hold_among(self, state: str, question: Question, text: str) -> None:
        """A name several answers share, said in passing ("estou grávida", "I'm pregnant":
        every stage of a pregnancy): none is taken, the question asks which when it comes,
        but what they have in common is known meanwhile (`heard_among`)."""
        among = [i for i in self.reader.mentions(question.id, text, answered=self._answering, shared=True)
                 if not question.heard_early_answers or self._heard_early_answer(question, i, text)]
        if len(among) > 1:
            self.s.heard_among = {**self.s.heard_among, state: among}

    def _hold_findings(self, state: str, question: Question, text: str) -> None:
        """"XR NAD", "MRI: BMO femoral head, small effusion": the findings said of a test,
        held for its question. Said differently twice (two X-rays, or a message correcting
        an earlier one): held as disagreeing (nothing), and the question asks."""
        options = self.c.options[question.id]
        not_done = self.not_done_values(question.field)
        readings = [[i for i, o in enumerate(options) if o.value in found and o.value not in not_done]
                    for found in self.reader.heard_findings(question.id, text)]
        readings = [reading for reading in readings if reading]
        if not readings:
            return
        earlier = self.s.noted.get(state, readings[0])
        agreed = all(reading == earlier for reading in readings)
        self.s.noted = {**self.s.noted, state: earlier if agreed else []}

    def not_done_values(self, field_name: str | None) -> set[Any]:
        """The values a checklist writes into `field_name` when its item is left unticked:
        a test's "Not done" (tests_done `unticked`)."""
        return {value for question in self.c.questions.values() if question.kind == "checklist"
                for option in self.c.options[question.id] for name, value in (option.unticked or {}).items()
                if name == field_name}

    def _tick_tests_of_held(self) -> None:
        """A result held for later ("XR NAD", "crp 45") says its test was done: the item of
        the tests checklist that asks for it (its `sets` names the result's field) shows
        ticked, and is kept ticked when the checklist is answered (`with_noted`)."""
        fields = {question.field for question, values in self._held_values()
                  if any(v is not None and v not in self.not_done_values(question.field) for v in values)}
        for state, question_id in self.e.machine.question_of.items():
            question = self.c.questions[question_id]
            if question.kind != "checklist" or state in self.s.answered:
                continue
            noted = self.s.noted.get(state, [])
            new = [i for i, option in enumerate(self.c.options[question_id])
                   if fields.intersection(option.sets or {}) and i not in noted]
            if new:
                self.s.noted = {**self.s.noted, state: [*noted, *new]}

    def _held_values(self) -> list[tuple[Question, list[Any]]]:
        """Each question with answers held for it (`note_early`), and their values."""
        held: list[tuple[Question, list[Any]]] = []
        for state, indices in self.s.noted.items():
            question = self.c.questions[self.e.machine.question_of[state]]
            if question.kind != "checklist":
                held.append((question, [self.c.options[question.id][i].value for i in indices]))
        for state, said in self.s.held_numbers.items():
            if said:
                held.append((self.c.questions[self.e.machine.question_of[state]], [said]))
        return held

    def _record_choice(self, state: str, question: Question, text: str) -> list[str]:
        """"i have a fever": one answer, recorded now; only a warning sign where the content
        says so (`heard_early_answers`): "no problem" in passing says nothing of walking."""
        options = self.c.options[question.id]
        new = self._newly_named(state, question.id, text)
        if question.heard_early_answers:
            new = [i for i in new if options[i].value in question.heard_early_answers]
            # "can't put weight on it, limping to the loo": the first listed (the graver) is
            # recorded now, so its warning is not lost; the question still asks which it is.
            new = sorted(new, key=lambda i: question.heard_early_answers.index(options[i].value))
        value = options[new[0]].value if len(new) == 1 or (new and question.heard_early_answers) else None
        if value is None or recorded(self.s.case, question) == value:
            return []
        record(self.s.case, question, value)
        # said now, and taken when its turn comes, not asked again; but not a reading typed alone
        # under the cut-off ("37.8 last night"): it may not be the highest, so still asked
        if question.taken_when_heard and len(new) == 1 \
                and not self.reader.still_asked(question.id, text, self._answering):
            self.s.noted = {**self.s.noted, state: [new[0]]}
        return [self.said_back(question, value)]

    def _tick_early(self, state: str, question_id: str, text: str) -> list[str]:
        """A checklist's items named in passing: recorded now, ticked again when it is answered."""
        options = self.c.options[question_id]
        new = self._newly_named(state, question_id, text)
        new = [i for i in new if not self._names_another_answer(options[i].of_the_answer_to, text)]
        if self.c.questions[question_id].heard_if_it_warns and not self._would_warn(question_id, new):
            # "bleeding gums" said by a man, or "34 semanas, to sangrando" before the pregnancy
            # is known: not recorded; held, shown ticked if the question comes, and recorded
            # at once if what is said later makes it a warning (`_warnings_held`)
            if new and state not in self.s.answered:
                self.s.noted = {**self.s.noted, state: [*self.s.noted.get(state, []), *new]}
            return []
        if new:
            self.s.noted = {**self.s.noted, state: [*self.s.noted.get(state, []), *new]}
        return self._write_items(question_id, new)

    def _write_items(self, question_id: str, indices: list[int]) -> list[str]:
        """Checklist items named in passing written into the case (each item's `sets`); their
        labels, to say back."""
        options = self.c.options[question_id]
        for index in indices:
            for name, value in (options[index].sets or {}).items():
                setattr(self.s.case, name, value)
        return [self.c.text(options[i].label_for(self.s.for_someone_else), self.s.locale) for i in indices]

    def acknowledged(self, question: Question, value: Any) -> list[Reply]:
        """The chosen answer's `acknowledged_with` line, if it has one."""
        if question.kind == "checklist":
            return []
        return [Reply(kind="notice", code=f"acknowledged:{question.id}", step=self.s.step,
                      text=self.c.text(option.acknowledged_with, self.s.locale))
                for option in self.c.options[question.id]
                if option.acknowledged_with is not None and option.value == value]

    def said_when_unsure(self, question: Question, value: Any) -> list[Reply]:
        """"Not sure" of a list of warning signs: what to do when unsure, said now (the
        question's `said_when_unsure` guidance items whose `when` holds)."""
        if value is not None or not question.said_when_unsure:
            return []
        return [Reply(kind="notice", code=f"said_when_unsure:{item.id}", step=self.s.step,
                      text=self.c.text(item.text, self.s.locale))
                for item, when, _ in self.c.guidance_items
                if item.id in question.said_when_unsure and (when is None or when(self.s.case))]

    def noted_kept(self, state: str, value: Any, typed: str | None) -> list[Reply]:
        """"None of these" over items ticked from an earlier message in passing: the items
        stay, said back with how to undo them. A bare "no" at a list is "nothing else" to
        most people; a fall or a drinking habit told in their own words is not unsaid by it
        (user test pt 22: "n" twice took back a fall at 78, and the emergency with it). An
        item denied by name ("I never took steroids") is unsaid before this (`apply`)."""
        noted = self.s.noted.get(state, [])
        if value != NONE_OF_THESE or not noted or (typed and self.reader.denies_the_rest(typed)):
            return []
        options = self.c.options[self.e.machine.question_of[state]]
        return [self.notice("noted_kept", items="; ".join(self._labels(options, noted)))]

    def _labels(self, options: list[Answer], indices: list[int]) -> list[str]:
        return [self.c.text(options[i].label_for(self.s.for_someone_else), self.s.locale) for i in indices]

    def with_noted(self, state: str, value: Any) -> Any:
        """A checklist's answer with the items named earlier kept ticked: "None of these" or
        "Not sure" does not unsay the swelling mentioned three questions before."""
        noted = self.s.noted.get(state)
        if not noted:
            return value
        self.s.noted = {k: v for k, v in self.s.noted.items() if k != state}
        question = self.c.questions[self.e.machine.question_of[state]]
        if question.kind != "checklist":  # a choice held but answered as asked: the answer given stands
            return value
        options = self.c.options[question.id]
        earlier = [options[i].value for i in noted]
        ticked = value if isinstance(value, list) else []
        return list(dict.fromkeys([*ticked, *earlier]))

    def change_done(self) -> list[Reply]:
        """Say what the change did to the assessment, then forget the case before it."""
        before, self.s.before_change = self.s.before_change, None
        if before is None:
            return []
        text = change_effect(assess(before, self.c), assess(self.s.case, self.c), self.s.case, self.c, self.s.locale)
        return [Reply(kind="notice", code="change_effect", text=text, step=self.s.step)]

    # danger: what to do now, before the rest of the questions ---------------------

    def emergency_flags(self) -> set[str]:
        return {flag.id for flag, _ in self.c.red_flags if flag.level == "emergency"}

    def danger_offer(self) -> Reply:
        choices = [Choice(label=self.msg("see_what_to_do_now"), payload=payloads.NOW),
                   Choice(label=self.msg("carry_on_answering"), payload=payloads.GO)]
        return Reply(kind="question", code="danger_offer", text=self.msg("danger_offer"), choices=choices,
                     step=self.s.step)

    def answer_danger_offer(self, choice: str | None) -> list[Reply]:
        if choice not in ("now", "go"):
            return [self.error("danger_offer_again"), self.danger_offer()]
        self.s.mode = "asking"
        self.s.step += 1
        return self.ask() if choice == "go" else self.what_to_do_now()

    def what_to_do_now(self) -> list[Reply]:
        """The short emergency summary, then the questions go on for whoever is able. It is
        made with what was said and is still held for its question too ("grávida de 7 meses"
        in the first message): the causes and the advice fit a pregnant woman at once (user
        test pt 13: they did not)."""
        if self.ended_early():
            return self.ended()  # a child, a replaced hip: where to go instead, not an adult's causes
        case = self.case_with_held()
        end = self.early_end_for(case)
        if end is not None:  # a replaced hip said before its question: not a natural hip's causes
            end = self.early_end_message(end)
            said = [Reply(kind="notice", code=end, text=self.msg(end), step=self.s.step)]
            return [*self.go_today_first(said), self.notice("carry_on_after_emergency"), *self.ask()]
        now = emergency_replies(case, assess(case, self.c), self.c, self.s.locale, self.s.step,
                                self.s.for_someone_else, clinician=self.s.by_a_clinician)
        return [*now, self.notice("carry_on_after_emergency"), *self.ask()]

    def doubts_below_minimum(self, value: Any) -> bool:
        """A number below the question's minimum that what was told says is a slip: "2" for the
        age after "estou grávida" (user test pt 26: taken as a child's age, and the questions
        ended). Asked once again; the same number typed again is taken."""
        question = self.c.questions[self.question_id()]
        doubted = f"{self.s.state} {value}"
        if question.below_minimum_doubted_when is None or self.s.doubted == doubted:
            self.s.doubted = ""
            return False
        told = question.below_minimum_doubted_when.compile()
        if not told(self.case_with_held()) and not self._told_by_each_heard(told):
            return False
        self.s.doubted = doubted
        return True

    def _told_by_each_heard(self, test: Callable[[Case], bool]) -> bool:
        """`test` holds whichever of the answers heard together (`heard_among`) is meant:
        "estou grávida" with no week says a pregnancy, whatever its stage."""
        case = self.case_with_held()
        for state, indices in self.s.heard_among.items():
            question = self.c.questions[self.e.machine.question_of[state]]
            if state in self.s.answered or question.field is None or getattr(case, question.field, None) is not None:
                continue
            readings = []
            for i in indices:
                reading = case.model_copy(deep=True)
                record(reading, question, self.c.options[question.id][i].value)
                readings.append(reading)
            if readings and all(test(reading) for reading in readings):
                return True
        return False

    def case_with_held(self) -> Case:
        """The case with each answer held for a question not yet reached read into it (one
        answer, read plainly); the session's case is left as it is."""
        case = self.s.case.model_copy(deep=True)
        held: list[tuple[Question, Any]] = []
        for state, indices in self.s.noted.items():
            question = self.c.questions[self.e.machine.question_of[state]]
            if question.kind == "choice" and len(indices) == 1:
                held.append((question, self.c.options[question.id][indices[0]].value))
        for state, said in self.s.held_numbers.items():  # words read as typed: "3 semanas", "crp 12"
            question = self.c.questions[self.e.machine.question_of[state]]
            parsed = self.reader.read(question.id, said, today=self.today) if said else None
            if parsed is not None and parsed.ok and parsed.goto is None:
                held.append((question, parsed.value))
        for question, value in held:
            if question.field is not None and value is not None and getattr(case, question.field, None) is None:
                record(case, question, value)
        return case

    def emergency_active(self) -> bool:
        """An emergency warning has been given and still holds."""
        return bool(self.emergency_flags().intersection(self.s.announced))

    def refresh_red_flags(self, announce: bool, ahead: Parsed | None = None) -> list[Reply]:
        """The warnings the case raises, with what is held and the next question's answer
        read ahead (`ahead`): "my nan is 88 ... she cant stand up" is warned of as at 88, an
        emergency, not first as "a check within 24 hours" (user test en 14)."""
        held = self.case_with_held()
        if ahead is not None and self.s.state in self.e.machine.question_of:
            record(held, self.c.questions[self.question_id()], ahead.value)
        active = [flag for flag, test in self.c.red_flags if test(held)]
        new = [flag for flag in active if flag.id not in self.s.announced]
        kept = [flag_id for flag_id in self.s.announced if any(f.id == flag_id for f in active)]
        self.s.announced = kept + ([f.id for f in new] if announce else [])
        if not announce:
            return []
        # A relative or a clinician is told whom the advice speaks to ("do not put weight on the leg")
        whom = self.msg("warning_for_someone_else") + " " if self.s.for_someone_else else ""
        # The gravest first; one of a lower level than a warning already given says that the
        # graver advice stands (user test pt 20: "within 24 hours" just after "go now" for a fever)
        gravest = max((TRIAGE_ORDER.index(f.level) for f in active), default=0)
        new.sort(key=lambda f: -TRIAGE_ORDER.index(f.level))
        replies: list[Reply] = []
        for i, f in enumerate(new):
            if _said_by_an_earlier_warning(f, new[:i]):
                # Fever, a raised white count and very high markers typed in one message: one
                # warning says what to do, the others only that they point the same way
                # (user test en 23c: four boxes saying "now", "today", "today", "24 hours").
                body = self.msg("warning_points_the_same_way")
            else:
                body = (self.msg("warning_under_a_graver_one") + " " if TRIAGE_ORDER.index(f.level) < gravest
                        else "") + whom + self.c.text(f.message, self.s.locale)
            replies.append(Reply(kind="warning", code=f.id, title=self.c.text(f.title, self.s.locale),
                                 text=self.msg("red_flag_header", title=self.c.text(f.title, self.s.locale))
                                 + "\n" + body, step=self.s.step))
        return replies

    def raised_since_the_warnings(self, assessment: Assessment) -> list[Reply]:
        """A level of care graver than every warning given on the way ("within 24 hours" for a
        leg that takes no weight, then "go today" once the thin bone was told): said first, so
        the earlier warning is not acted on (user test pt 25b: "24 horas" vs "vá hoje")."""
        warned = [TRIAGE_ORDER.index(flag.level) for flag, _ in self.c.red_flags if flag.id in self.s.announced]
        if not warned or TRIAGE_ORDER.index(assessment.triage) <= max(warned):
            return []
        return [self.notice("level_raised_since_the_warnings")]

    # what to show next -------------------------------------------------------------

    def ask(self) -> list[Reply]:
        if self.s.mode == "choosing_language":
            return [self.language_menu()]
        if self.s.mode == "choosing_change":
            entries = enumerate(self.changeable())
            choices = [Choice(label=label, payload=payloads.change(i)) for i, (_, label) in entries]
            choices.append(Choice(label=self.msg("cancel_label"), payload=payloads.CANCEL))
            return [Reply(kind="question", code="change_choose", text=self.msg("change_choose"), choices=choices,
                          step=self.s.step)]
        if self.s.mode == "danger_offer":
            return [self.danger_offer()]
        if self.s.state == SUMMARY_STATE:
            assessment = assess(self.s.case, self.c)
            return [*self.raised_since_the_warnings(assessment),
                    *summary_replies(self.s.case, assessment, self.c, self.s.locale, self.s.step, self.not_asked(),
                                     self.s.for_someone_else, self.not_known(), clinician=self.s.by_a_clinician)]
        if self.e.machine.is_final(self.s.state):
            return self.ended()
        taken = self.take_held()
        if taken is not None:
            return taken
        return [*self.denials_held(), *self.either_heard(), self.question_reply(kind="question")]

    def take_passed_over(self) -> list[Reply]:
        """Answers said in passing for questions the look-ahead passed over already ("came on
        gradually about a month ago, mostly over the pubic bone" at the walking question):
        recorded and said back, not dropped and then listed as "not asked" (user test round
        12). A number or an answer that cannot be read plainly stays unrecorded."""
        said = []
        for state in [s for s in self.s.skipped if self.e.navigator.held_for(s, self.s)]:
            question = self.c.questions[self.e.machine.question_of[state]]
            parsed = self.take_out_held(state, question)
            if not parsed.ok or parsed.value is None or parsed.goto is not None:
                continue
            value = parsed.value
            record(self.s.case, question, value)
            self.s.skipped = [s for s in self.s.skipped if s != state]
            self.s.answered = [*self.s.answered, state]
            self.s.taken_unasked = [*(q for q in self.s.taken_unasked if q != state), state]
            said.append(self.answered_reply(question, value, heard_earlier=True))
        return said

    def take_held(self) -> list[Reply] | None:
        """The current question's answer held from an earlier message (`note_early`), taken
        instead of asking: said back, and the conversation goes on. Two different answers
        heard ("left hip... no, the right") are not chosen between: the question is asked."""
        state = self.s.state
        question = self.c.questions[self.question_id()]
        if self.s.mode == "asking" and state not in self.s.answered and question.kind == "checklist":
            return self.take_none_said_earlier(state, question)
        if not (question.taken_when_heard or question.implied_by) or self.s.mode != "asking" \
                or state in self.s.answered:
            return None  # a checklist's items noted early stay ticked when it is asked (`with_noted`)
        taken = self.e.navigator.held_for(state, self.s)  # one rule for what can be taken
        parsed = self.take_out_held(state, question)
        if taken and parsed.pending:  # "crp 12" said earlier: which unit, asked now, with its number
            self.s.pending, self.s.pending_at = parsed.pending, state
            return [self.error(parsed.error, **parsed.values), *self.ask()]
        return self.apply(parsed, heard_earlier=True) if taken else None

    def take_none_said_earlier(self, state: str, question: Question) -> list[Reply] | None:
        """A checklist whose every item was denied in an earlier message ("no PMH" in a GP's
        first line, user test en 21): its "None of these" taken, said back, not asked. An
        item ticked earlier is never denied (`_hold_denials`), so nothing said is undone."""
        options = self.c.options[question.id]
        none = next((i for i, o in enumerate(options) if o.value == NONE_OF_THESE and o.exclusive), None)
        items = [i for i, o in enumerate(options) if not o.exclusive]
        if none is None or not items or not set(items) <= set(self.s.denied_early.get(state, [])):
            return None
        self.s.denied_early = {k: v for k, v in self.s.denied_early.items() if k != state}
        return self.apply(self.reader.submit_selection(question.id, [none]), heard_earlier=True)

    def take_out_held(self, state: str, question: Question) -> Parsed:
        """What is held for `state`, read as its answer and no longer held: a number read
        as typed, a scan's findings ("XR NAD": normal), or one answer."""
        said, held = self.s.held_numbers.get(state, ""), self.s.noted.get(state, [])
        self.s.held_numbers = {k: v for k, v in self.s.held_numbers.items() if k != state}
        self.s.noted = {k: v for k, v in self.s.noted.items() if k != state}
        if question.kind == "number" or (said and not held):  # a number, or a result whose unit is asked
            return self.reader.read(question.id, said, today=self.today)
        values = [self.c.options[question.id][i].value for i in held]
        return Parsed(True, value=values if question.kind == "multi" else values[0] if values else None)

    def early_end_for(self, case: Case) -> str | None:
        """The end before the summary that what is known already leads to (a replaced hip
        heard in passing, before the question that ends there), if any (user test en 15: a
        woman of 82 with a replaced hip was shown "a break in the neck of the thigh bone:
        likely" in what to do now)."""
        end = self.c.early_end(case)
        return end.id if end is not None else None

    def ended_early(self) -> bool:
        """The conversation ended before the summary (a child, a replaced hip)."""
        return self.e.machine.is_final(self.s.state) and self.s.state != SUMMARY_STATE

    def warned_at_an_early_end(self, typed: str) -> list[Reply]:
        """After an end before the summary (a replaced hip, a child), a warning sign said
        then ("e tive febre ontem 38,5") is heard and warned of, and the end then leads with
        "go today" (user test pt 15: the same end was said again, word for word)."""
        if not self.ended_early():
            return []
        noted = self.note_early(self.s.state, typed)
        warnings = self.refresh_red_flags(announce=True)
        if not warnings:
            return []
        return [self.notice("noted_early", items="; ".join(noted)), *warnings] if noted else warnings

    def after_an_early_end(self, typed: str) -> list[Reply]:
        """A message after an end before the summary: a warning sign said in it is warned
        of and the end said again, led by "go today"; anything else is told, in a line,
        that the questions have ended (user test en 19: "thanks" met the whole end again,
        word for word, after each message); "what now?" is told the end again."""
        retyped = self.number_answered_again_after_an_end(typed)
        if retyped is not None:
            return retyped
        warned = self.warned_at_an_early_end(typed)
        if warned or self.reader.asks_for_now(typed, self.c, self.s.locale):  # "so what now?": the end again
            return [*warned, *self.ended()]
        return self.go_today_first([self.over()])  # after a warning, still "go today" first

    def question_that_ended_early(self) -> str | None:
        """After an end before the summary, the question whose answer ended it unrecorded (a
        child's age): the first on the path not answered."""
        path = self.e.machine.path(self.s.case, self.s.answered)
        return next((s for s in path if s not in self.s.answered and not self.e.machine.is_final(s)), None)

    def number_answered_again_after_an_end(self, typed: str) -> list[Reply] | None:
        """"31" right after "2" ended the questions as a child's age (a slip, or a button's
        number typed at the age): the number that ended them, typed again so that it no longer
        does, is its correction, taken as /back and the answer would be (user test pt-BR 26:
        "31" met "the questions have ended"). Only a number: "none" after a replaced hip ended
        them is no answer to anything."""
        asked = self.question_that_ended_early() if self.ended_early() else None
        if asked is None:
            return None
        question = self.c.questions[self.e.machine.question_of[asked]]
        if question.kind != "number":
            return None
        parsed = self.reader.read(question.id, typed, today=self.today)
        if not parsed.ok or parsed.goto is not None or parsed.value is None:
            return None
        trial = self.s.case.model_copy()
        record(trial, question, parsed.value)
        if self.e.machine.path(trial, [*self.s.answered, asked])[-1] != SUMMARY_STATE:
            return None  # "12" after "2": the end again, as it said
        self.s.state, self.s.mode, self.s.draft = asked, "asking", []
        return self.apply(parsed, typed=typed)

    def over(self) -> Reply:
        """A line that the questions have ended, for a message after an early end."""
        return Reply(kind="end", code="ended_again", text=self.msg("ended_again"), step=self.s.step)

    def ended(self) -> list[Reply]:
        """The end's message. An end before the summary (a replaced hip, a child) with an
        emergency warning already given leads with it: "go today", not "within 1 to 2
        weeks, or today if..." (user test round 13: a fever of 38.5 with a replaced hip)."""
        key = "finished" if self.s.state == SUMMARY_STATE else self.s.state
        if self.ended_early():
            key = self.early_end_message(key)
        # ...said to the person themself where the end has words for that and no one else is
        # asked about (user test en 23: a boy of 16 told "if they cannot put weight on the leg");
        # an age too young to be recorded (under 12) is a parent's answer all the same
        themself = not self.s.for_someone_else and self.s.case.age is not None
        if themself and f"{key}_to_themself" in self.c.ui.messages:
            key = f"{key}_to_themself"
        end = Reply(kind="end", code=key, text=self.end_text(key), step=self.s.step)
        return self.go_today_first([end]) if self.ended_early() else [end]

    def end_text(self, key: str) -> str:
        """An end's message, with the sentences said with it for this person only
        (flow.yaml `said_with`): a pregnancy's advice to a girl or a young woman, never to a
        parent of a boy of 13 (user test en 19)."""
        state = self.c.flow_states.get(self.s.state)
        if state is None or not state.said_with:
            return self.msg(key)
        case = self.case_with_held()  # "tenho 16 anos, grávida de 30 semanas": held for its question
        said = [self.msg(w.message) for w in state.said_with if self.c.guards[w.when](case)]
        return self.msg(key, also="".join(f" {sentence}" for sentence in said))

    def early_end_message(self, end: str) -> str:
        """An early end's message, or after an emergency warning its own words where it has
        them: no "see them within 1 to 2 weeks" after "go today" (pt user test 18: a
        replaced hip with a fever and new confusion)."""
        warned = f"{end}_after_a_warning"
        return warned if self.emergency_active() and warned in self.c.ui.messages else end

    def go_today_first(self, end: list[Reply]) -> list[Reply]:
        """An end before the summary, led by "go today" when an emergency warning was given."""
        if not self.emergency_active():
            return end
        warned_of = self.emergency_flags().intersection(self.s.announced)
        warned = [flag for flag, _ in self.c.red_flags if flag.id in warned_of]
        titles = "; ".join(self.c.text(flag.title, self.s.locale) for flag in warned)
        return [self.notice("ended_go_today", warnings=titles), *end]

    def question_reply(self, kind: Any) -> Reply:
        question = self.c.questions[self.question_id()]
        options = self.c.options[question.id]
        multi = question.several
        make = payloads.toggle if multi else payloads.answer
        someone_else = self.s.for_someone_else
        choices = [Choice(label=self.c.text(o.label_for(someone_else), self.s.locale), payload=make(i))
                   for i, o in enumerate(options)]
        text = self.c.text(question.text_for(someone_else), self.s.locale)
        help_text = question.help_for(someone_else)
        if help_text is not None:
            text += "\n" + self.c.text(help_text, self.s.locale)
        # A checklist's items named earlier ("she fell yesterday") show as ticked: they are
        # kept whatever is answered (`with_noted`).
        noted = self.s.noted.get(self.s.state, []) if question.kind == "checklist" else []
        selected = list(dict.fromkeys([*self.s.draft, *noted]))
        if multi:
            choices.append(Choice(label=self.msg("done_label"), payload=payloads.DONE))
            chosen = ", ".join(self.c.text(options[i].label_for(someone_else), self.s.locale) for i in selected)
            text += "\n" + self.msg("selected_so_far", selection=chosen or self.msg("none_selected"))
        actions = [Choice(label=self.msg("why_label"), payload=payloads.WHY)]
        if self.emergency_active():  # what to do now stays one press away while the questions go on
            actions.insert(0, Choice(label=self.msg("see_what_to_do_now"), payload=payloads.NOW))
        return Reply(kind=kind, code=question.id, text=text, question_id=question.id, choices=choices, multi=multi,
                     selected=selected, step=self.s.step, actions=actions)

    # helpers -----------------------------------------------------------------------

    def as_worded(self, labels: list[str]) -> list[str]:
        """The current question's option labels (as the reader names them) as shown to this
        person: of them, when someone answers for them ("Just to be sure: ...")."""
        if not self.s.for_someone_else:
            return labels
        shown = {self.c.text(o.label, self.s.locale): self.c.text(o.label_for(True), self.s.locale)
                 for o in self.c.options[self.question_id()]}
        return [shown.get(label, label) for label in labels]

    def answer_words(self, question_id: str, value: Any) -> str:
        """An answer as said back: of them, when someone answers for them."""
        return describe(self.c, question_id, value, self.s.locale, self.s.for_someone_else, self.s.case)

    def question_id(self) -> str:
        return self.e.machine.question_of[self.s.state]

    def is_multi(self) -> bool:
        return self.c.questions[self.question_id()].several

    def changeable(self) -> list[tuple[str, str]]:
        """Answered questions on the current path, with "Question: answer" labels."""
        result = []
        for state in self.e.machine.path(self.s.case, self.s.answered):
            if state in self.s.answered:
                question = self.c.questions[self.e.machine.question_of[state]]
                value = recorded(self.s.case, question)
                result.append((state, self.said_back(question, value)))
        return result

    def error(self, key: str, **values: Any) -> Reply:
        return Reply(kind="error", code=key, text=self.msg(key, **values), step=self.s.step)

    def forged(self) -> list[Reply]:
        """A button payload that cannot come from the current question: change nothing."""
        return [self.notice("stale_button"), *self.ask()]


def _said_by_an_earlier_warning(flag: RedFlag, earlier: list[RedFlag]) -> bool:
    """Whether a warning given in the same breath, at least as grave, with the same place to go,
    already says what to do for the cause this one points to first."""
    return bool(flag.suspect) and not flag.at_once and any(
        flag.suspect[0] in shown.suspect and TRIAGE_ORDER.index(shown.level) >= TRIAGE_ORDER.index(flag.level)
        and shown.now == flag.now and not _said_by_an_earlier_warning(shown, earlier[:i])
        for i, shown in enumerate(earlier))
