"""Play the person's side of a chat against the FakeBotApi: press buttons, type, wait.

Who uses it: the end-to-end tests. Each action queues an update at the fake (which the
bot fetches by polling or receives on its webhook) and then waits, bounded, for the
bot's reaction, so the tests never sleep blindly.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from bot.fake_telegram import ApiCall, BotMessage, FakeBotApi
from bot.telegram.render import pressed_kind
from flows.answers import normalise
from flows.content import get_content
from tests.telegram.harness import matches, plain

REPO = Path(__file__).resolve().parents[2]
SEED_000 = REPO / "tests" / "demo" / "seed-000.txt"
WAIT = 20.0  # seconds; generous for a loaded 2-core CI machine


def seed_answers(path: Path = SEED_000) -> list[str]:
    return [line.strip() for line in path.read_text().splitlines() if line.strip()]


class ChatDriver:
    def __init__(self, fake: FakeBotApi, chat: int) -> None:
        self.fake = fake
        self.chat = chat
        content = get_content()
        self.disclaimer = content.message("disclaimer")
        self.exclusive = {normalise(content.text(option.label)) for question, options in content.options.items()
                          if content.questions[question].several for option in options if option.exclusive}
        self.typed_at: set[int] = set()  # questions answered by typing: their buttons stay, as in Telegram

    # waiting -----------------------------------------------------------------------

    def _after(self, action: Callable[[], int], reaction: Callable[[ApiCall], bool], method: str) -> ApiCall:
        since = len(self.fake.calls())
        action()
        return asyncio.run(self.fake.wait_for_call(method, reaction, timeout=WAIT, since=since))

    @staticmethod
    def _question_or_summary_end(disclaimer: str) -> Callable[[ApiCall], bool]:
        # The summary's first block has buttons too (its sections, issue 17) but is not the
        # end of the turn: the disclaimer follows it.
        def done(call: ApiCall) -> bool:
            shown = (call.response or {}).get("text", "") if isinstance(call.response, dict) else ""
            return (bool(call.params.get("reply_markup")) and not _offers_sections(call)) or disclaimer in shown

        return done

    def question(self) -> BotMessage:
        for message in reversed(self.fake.messages(self.chat)):
            if message.buttons():
                return message
        raise AssertionError("no question with buttons:\n" + self.fake.format_transcript(self.chat))

    # actions -----------------------------------------------------------------------

    def start(self) -> ApiCall:
        """/start; returns the sendMessage of the first question."""
        return self._after(lambda: self.fake.user_sends_command(self.chat, "/start"),
                           lambda c: bool(c.params.get("reply_markup")), "sendMessage")

    def command(self, text: str) -> ApiCall:
        """A command that ends with the current question being (re-)sent."""
        return self._after(lambda: self.fake.user_sends_command(self.chat, text),
                           lambda c: bool(c.params.get("reply_markup")), "sendMessage")

    def say(self, text: str) -> ApiCall:
        """Type an answer; returns the next question's (or the summary's last) sendMessage."""
        return self._after(lambda: self.fake.user_sends_text(self.chat, text),
                           self._question_or_summary_end(self.disclaimer), "sendMessage")

    def press(self, label: str) -> ApiCall:
        """Press a single-choice button; returns the next question's (or summary's last) message."""
        question = self.question()
        data = self._data(question, label)
        return self._after(lambda: self.fake.user_presses_button(self.chat, question.message_id, data),
                           self._question_or_summary_end(self.disclaimer), "sendMessage")

    def open_section(self, title: str) -> ApiCall:
        """Press a section's button under the summary's first block; returns that section."""
        first = self.question()
        data = self._data(first, title)
        return self._after(lambda: self.fake.user_presses_button(self.chat, first.message_id, data),
                           lambda c: str((c.response or {}).get("text", "")).startswith(title), "sendMessage")

    def toggle(self, label: str) -> ApiCall:
        """Press a multi-select toggle; returns the editMessageText that redrew it."""
        question = self.question()
        data = self._data(question, label)
        return self._after(lambda: self.fake.user_presses_button(self.chat, question.message_id, data),
                           lambda c: c.params.get("message_id") == question.message_id, "editMessageText")

    def answer(self, answer: str) -> ApiCall:
        """Answer like the seed file says: buttons where they match, typing otherwise.

        After an emergency warning the next question is the offer of what to do now; an
        answer file answers it in words ("carry on"), which are typed.
        """
        question = self.question()
        labels = [text for text, _ in question.buttons()]
        done = next((text for text, data in question.buttons() if pressed_kind(data) == "done"), None)
        alone = self._find_label(labels, answer) if done is not None else None
        if alone is not None and normalise(alone) in self.exclusive:
            return self.press(alone)  # "None of these", "Not sure", "Not done": answers at once
        if done is not None:  # multi-select: toggle each part, then Done; typed if they are not labels
            parts = [self._find_label(labels, part.strip()) for part in answer.split(",")]
            if not all(parts):
                self.typed_at.add(question.message_id)
                return self.say(answer)  # "x-ray and mri": typed, as a person would
            for part in parts:
                assert part is not None
                self.toggle(part)
            return self.press(plain(done))
        label = self._find_label(labels, answer)
        if label is None:
            self.typed_at.add(question.message_id)
            return self.say(answer)
        return self.press(label)

    # helpers -----------------------------------------------------------------------

    def _data(self, question: BotMessage, label: str) -> str:
        data = next((d for text, d in question.buttons() if matches(text, label)), None)
        assert data is not None, f"no button {label!r} on {question.buttons()}"
        return data

    def _label(self, labels: list[str], wanted: str) -> str:
        label = self._find_label(labels, wanted)
        assert label is not None, f"no button like {wanted!r} in {labels}"
        return label

    @staticmethod
    def _find_label(labels: list[str], wanted: str) -> str | None:
        exact = [plain(label) for label in labels if matches(label, wanted)]
        if exact:
            return exact[0]
        containing = [plain(label) for label in labels if normalise(wanted) in normalise(plain(label))]
        return containing[0] if len(containing) == 1 else None

    def texts(self) -> list[str]:
        return [m.text for m in self.fake.messages(self.chat)]



def _offers_sections(call: ApiCall) -> bool:
    """A message whose buttons are the summary's sections (callback data `step|s:N`)."""
    rows = (call.params.get("reply_markup") or {}).get("inline_keyboard", [])
    data = [str(button.get("callback_data", "")) for row in rows for button in row]
    return bool(data) and all(pressed_kind(d) == "section" for d in data)
