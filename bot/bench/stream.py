"""The update stream every in-process row is fed: N users, complete conversations.

Who uses it: bot/bench/inprocess.py and growth.py build one stream per run and feed the
SAME list of Telegram update dicts to the floor, both peers and this bot, so the rows
differ only in what handles the updates.

Each user sends /start and then types every answer until the summary: even-numbered
users type the seed 000 answers (tests/demo/seed-000.txt, copied below so the bench
needs no test files), odd-numbered users a random valid path (a seeded random option,
number or selection per question, checked against the real dialogue so every answer
is accepted and the conversation ends at the summary; an answer that would bring the
offer made after an emergency warning is drawn again, as the peers make no such offer). Users are interleaved round
robin: update k of every user before update k+1 of any, as concurrent chats arrive.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from typing import Any

from flows.content import Content
from flows.content_models import Answer, Question
from flows.dialogue import Engine, step
from flows.machine import SUMMARY_STATE
from flows.messages import UserInput
from flows.session import Session

JSON = dict[str, Any]
FIRST_CHAT = 10_000_000  # chat ids of bench users start here (prefilled sessions use others)

SEED_000 = [
    "female", "don't know", "third trimester", "not sure", "left", "x-ray and mri", "normal",
    "bone marrow oedema, joint effusion", "don't know", "don't know", "worse", "none", "don't know", "no", "none",
]


@dataclass(frozen=True)
class Conversation:
    """One user's typed inputs, from /start to the summary."""

    chat_id: int
    texts: list[str]  # "/start" first
    path: str  # "seed-000" or "random"


def check(engine: Engine, texts: list[str]) -> Session:
    """Run the texts through the real dialogue; raise unless every answer counts and it ends at the summary."""
    session: Session | None = None
    for text in texts:
        user_input = UserInput.command(text[1:]) if text.startswith("/") else UserInput.typed(text)
        before = session.step if session is not None else -1
        session, replies = step(session, user_input, engine)
        if session.step == before or any(r.kind == "error" for r in replies):
            raise ValueError(f"answer {text!r} was not accepted at state {session.state}")
    assert session is not None
    if session.state != SUMMARY_STATE:
        raise ValueError(f"conversation ended at {session.state}, not at the summary")
    return session


def random_path(engine: Engine, rng: random.Random) -> list[str]:
    """A random conversation that reaches the summary, typed as a person would."""
    content, machine, reader = engine.content, engine.machine, engine.reader()
    session, _ = step(None, UserInput.command("start"), engine)
    texts = ["/start"]
    for _ in range(200):
        if machine.is_final(session.state):
            if session.state == SUMMARY_STATE:
                return texts
            # Out of scope (e.g. under 16): start again, as a person would be told to.
            session, _ = step(None, UserInput.command("start"), engine)
            texts = ["/start"]
            continue
        question = content.questions[machine.question_of[session.state]]
        text = _random_answer(rng, question, content.options[question.id], content)
        parsed = reader.read(question.id, text)
        if not parsed.ok:
            continue
        following, _ = step(session, UserInput.typed(text), engine)
        if following.mode == "danger_offer":
            continue  # an emergency answer: the bot offers what to do now, which the peers do not; another
        session = following
        texts.append(text)
    raise RuntimeError("no random path reached the summary")


def _random_answer(rng: random.Random, question: Question, options: list[Answer], content: Content) -> str:
    if question.kind == "number":
        low = int(question.minimum if question.minimum is not None else 0)
        high = int(question.maximum if question.maximum is not None else 100)
        if question.id == "age":
            low = max(low, 16)
        return str(rng.randint(low, min(high, low + 80)))
    labels = [content.text(o.label) for o in options]
    if question.several:
        plain = [i for i, o in enumerate(options) if not o.exclusive]
        if not plain or rng.random() < 0.3:
            return rng.choice(labels)
        chosen = rng.sample(plain, k=rng.randint(1, min(2, len(plain))))
        return ", ".join(labels[i] for i in sorted(chosen))
    return rng.choice(labels)


def conversations(engine: Engine, users: int, seed: int = 0) -> list[Conversation]:
    """`users` conversations: seed 000 for even users, a random valid path for odd ones."""
    rng = random.Random(seed)
    seed_texts = ["/start", *SEED_000]
    check(engine, seed_texts)
    result = []
    for i in range(users):
        if i % 2 == 0:
            result.append(Conversation(FIRST_CHAT + i, seed_texts, "seed-000"))
        else:
            texts = random_path(engine, rng)
            check(engine, texts)
            result.append(Conversation(FIRST_CHAT + i, texts, "random"))
    return result


def updates(convs: list[Conversation]) -> list[JSON]:
    """Telegram update dicts, round robin over the users; commands carry their entity."""
    out: list[JSON] = []
    update_id = 1
    longest = max(len(c.texts) for c in convs)
    message_ids = {c.chat_id: 1 for c in convs}
    now = int(time.time())
    for k in range(longest):
        for conv in convs:
            if k >= len(conv.texts):
                continue
            text = conv.texts[k]
            message: JSON = {
                "message_id": message_ids[conv.chat_id], "date": now, "text": text,
                "chat": {"id": conv.chat_id, "type": "private", "first_name": "Bench"},
                "from": {"id": conv.chat_id, "is_bot": False, "first_name": "Bench", "language_code": "en"},
            }
            if text.startswith("/"):
                message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
            message_ids[conv.chat_id] += 1
            out.append({"update_id": update_id, "message": message})
            update_id += 1
    return out
