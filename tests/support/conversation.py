"""Drive flows.dialogue.step in tests the way a channel would, keeping the transcript."""

from __future__ import annotations

from dataclasses import dataclass, field

from flows.dialogue import Engine, get_engine, step
from flows.messages import Reply, UserInput
from flows.session import Session


@dataclass
class Conversation:
    session: Session | None = None
    engine: Engine = field(default_factory=get_engine)  # the tests' one engine, built once per process
    transcript: list[tuple[UserInput, list[Reply]]] = field(default_factory=list)

    def send(self, user_input: UserInput) -> list[Reply]:
        before = self.session.model_copy(deep=True) if self.session is not None else None
        self.session, replies = step(self.session, user_input, self.engine)
        if before is not None:
            assert self.session is not before
        self.transcript.append((user_input, replies))
        return replies

    def start(self) -> list[Reply]:
        return self.send(UserInput.command("start"))

    def say(self, *texts: str) -> list[Reply]:
        replies: list[Reply] = []
        for text in texts:
            replies = self.send(UserInput.typed(text))
        return replies

    def press(self, label: str) -> list[Reply]:
        """Press the button with this label on the last question shown."""
        question = self.last_question()
        choice = next(c for c in question.choices if c.label == label)
        return self.send(UserInput.button(question.step, choice.payload))

    def last_question(self) -> Reply:
        for _, replies in reversed(self.transcript):
            for reply in reversed(replies):
                if reply.kind in ("question", "selection"):
                    return reply
        raise AssertionError("no question has been asked")

    @property
    def state(self) -> str:
        assert self.session is not None
        return self.session.state


def talk(*answers: str, language: str = "en") -> Conversation:
    """A conversation started in `language`, with `answers` typed one after another."""
    conv = Conversation()
    conv.send(UserInput.command("start").model_copy(update={"language": language}))
    conv.say(*answers)
    return conv


def kinds(replies: list[Reply]) -> list[str]:
    return [reply.kind for reply in replies]
