"""The engine channel: a script played straight into `flows.dialogue.step`.

Who calls it: bot/scripts/runner.py (`make_driver("engine")`). Buttons are pressed the
way a channel would, with the payload and step of the question last shown, so stale
and forged presses behave as in Telegram; a multi-select toggles each label, then Done.
It also notes every flow transition taken (state before -> state after an answer),
which `itoh-bot replay --coverage` reports against content/flow.yaml.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass, replace
from datetime import date

from bot.reply_text import body_text, warning_lines
from bot.scripts.driver import StepError
from bot.scripts.model import CHANGE_MENU, DANGER_OFFER, LANGUAGE_MENU, Channel
from bot.scripts.observe import NOT_UNDERSTOOD, SummaryView, TurnView, ask_followups, merge_turns, norm
from flows.assessment import assess
from flows.clinician_report import build_report
from flows.dialogue import Engine, step
from flows.messages import Assessed, Reply, UserInput
from flows.session import Session
from flows.summary import FIRST_CAUSES, FIRST_OPEN


class EngineDriver:
    """Plays one conversation against the dialogue engine in this process."""

    channel: Channel = "engine"

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.content = engine.content
        self.session: Session | None = None
        self.question: Reply | None = None  # the question on screen, whose buttons can be pressed
        self.transitions: set[tuple[str, str]] = set()
        # How many questions were answered when the (full) summary was first shown.
        self.questions_to_summary: int | None = None
        self.defined = {(t.source, t.dest) for t in self.content.flow.transitions}

    async def start(self, language: str | None = None) -> TurnView:
        """/start from a person whose channel is set to `language` (None: the default)."""
        return self._send(UserInput(kind="command", text="start", language=language), "> /start")

    async def say(self, text: str) -> TurnView:
        return self._send(UserInput.typed(text), f"> {text}")

    async def command(self, name: str) -> TurnView:
        return self._send(UserInput.command(name), f"> /{name}")

    async def press(self, label: str) -> TurnView:
        question = self._on_screen()
        buttons = [*question.choices, *question.actions]  # the answers, then "Why am I asked this?"
        choice = next((c for c in buttons if norm(c.label) == norm(label)), None)
        if choice is None:
            raise StepError(f"no button {label!r}; the buttons are {[c.label for c in buttons]}")
        return self._send(UserInput.button(question.step, choice.payload), f"[press] {label}")

    async def select(self, labels: list[str]) -> TurnView:
        first = self._on_screen()
        if not first.multi:
            raise StepError(f"`select` is for questions with several answers; {first.question_id} takes one")
        views = []
        for label in labels:
            views.append(await self.press(label))
            if self.question is None or self.question.question_id != first.question_id:
                break  # an exclusive option ("Not done") answers the question at once
        else:
            label = norm(self.content.message("done_label", self._locale()))
            done = next(c.label for c in first.choices if norm(c.label) == label)
            views.append(await self.press(done))
        return merge_turns(views, f"[select] {', '.join(labels)}")

    async def read_summary(self, view: TurnView) -> TurnView:
        """Every section and the report for the doctor, after the first block: the warning
        signs are those the report lists."""
        await ask_followups(view, self.command)
        if view.summary is not None:
            view.summary = replace(view.summary, red_flags=view.followups[-1].report_red_flags)
        return view

    async def close(self) -> None:
        self.session = None

    def _taken(self, source: str, dest: str) -> None:
        if (source, dest) in self.defined:
            self.transitions.add((source, dest))

    def _locale(self) -> str:
        return self.session.locale if self.session is not None else self.content.default_language

    def _on_screen(self) -> Reply:
        if self.question is None:
            raise StepError("no question with buttons is on screen")
        return self.question

    def _send(self, user_input: UserInput, shown: str) -> TurnView:
        machine = self.engine.machine
        machine.watchers.append(self._taken)
        try:
            self.session, replies = step(self.session, user_input, self.engine)
        finally:
            machine.watchers.remove(self._taken)
        view = self._view(shown, replies)
        if self.questions_to_summary is None and self.session.state == "summary" and view.summary is not None:
            self.questions_to_summary = len(self.session.answered)
        questions = [r for r in replies if r.kind in ("question", "selection")]
        if questions:
            self.question = questions[-1]
        elif view.summary is not None or view.ended:
            self.question = None
        return view

    def _view(self, shown: str, replies: list[Reply]) -> TurnView:
        view = TurnView(shown, said=[_shown(reply) for reply in replies], locale=self._locale())
        for reply in replies:
            if reply.kind in ("question", "selection"):
                view.question = reply.question_id or _MENUS.get(reply.code or "", CHANGE_MENU)
                view.buttons = [choice.label for choice in reply.choices]
            elif reply.kind == "error" and reply.code in NOT_UNDERSTOOD:
                view.not_understood += 1
            elif reply.kind == "warning":
                view.warnings.append(reply.code or "?")  # a warning's code is its red flag's id
            elif reply.kind == "end":
                view.ended = True
            elif reply.kind == "report" and self.session is not None:
                # What a channel makes into the PDF (bot/reports/files.py), read as it is built.
                case = self.session.case
                assessment = assess(case, self.content)
                report = build_report(case, assessment, self.content, date.today(), self.session.locale,
                                      self.session.for_someone_else, self.session.before_the_summary,
                                      self.session.state)
                # The report lists the warning signs of this assessment, in its order.
                view.report_red_flags = [flag.id for flag in assessment.red_flags]
                view.report = "\n".join(_strings(report))
            elif reply.kind == "summary" and reply.assessed is not None:
                # The last one shown: after the last question, "See what to do now" shows the
                # short emergency summary and then the full one.
                view.summary = self._summary(reply, reply.assessed, replies)
        return view

    def _summary(self, first: Reply, assessed: Assessed, replies: list[Reply]) -> SummaryView:
        """What the summary shows. Neither the first block nor the emergency summary lists the
        warning signs (`red_flags` None): the report for the doctor does (`read_summary`)."""
        probabilities = {cause.condition: cause.probability for cause in assessed.ranking}
        disclaimer = self.content.message("disclaimer", self._locale())
        shown = any(disclaimer in r.text for r in replies if r.kind == "summary")
        top = assessed.ranking[0].condition
        if first.code == "emergency":
            # What to do first, after an emergency warning: the level of care, the leading
            # causes and the first dangers not ruled out (as the terminal and Telegram show it).
            leading = {condition: probabilities[condition] for condition in list(probabilities)[:FIRST_CAUSES]}
            return SummaryView(top, leading, assessed.triage, None, shown, assessed.not_ruled_out[:FIRST_OPEN])
        return SummaryView(top, probabilities, assessed.triage, None, shown, assessed.not_ruled_out, full=True)


_MENUS = {DANGER_OFFER: DANGER_OFFER, "language_choose": LANGUAGE_MENU}  # reply code -> pseudo question


def _strings(value: object) -> list[str]:
    """Every text in a built report (a dataclass of strings, lists and mappings), in order."""
    if isinstance(value, str):
        return [value]
    if is_dataclass(value):
        return [text for item in fields(value) for text in _strings(getattr(value, item.name))]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, list | tuple):
        return [text for item in value for text in _strings(item)]
    return []


def _shown(reply: Reply) -> str:
    """A reply as the transcript shows it: its whole text, then its buttons."""
    text = f"== {reply.title} ==\n{body_text(reply)}" if reply.kind == "summary" and reply.title else body_text(reply)
    if reply.kind == "warning":
        text = "\n".join(warning_lines(reply))  # marked as the terminal and Telegram mark it
    if reply.kind == "report":
        text = f"[document] {reply.text}"  # the channel makes the PDF
    if reply.kind == "answered":
        text = f"✓ {text}"
    if reply.choices:
        labels = [("✅ " if i in reply.selected else "") + c.label for i, c in enumerate(reply.choices)]
        text += f"\n[{' | '.join(labels)}]"
    return text
