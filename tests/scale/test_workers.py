"""Several `itoh-bot worker` processes on one Redis, behind a balancer, over real HTTP.

The fake Bot API posts every update to the balancer (the URL `itoh-bot set-webhook`
registered), which sends them to the two workers in turn, so each conversation's
updates alternate between processes. One worker is SIGKILLed while its reply is on
the wire; the other finishes every conversation, and each person sees exactly the
messages of an undisturbed conversation: nothing lost, nothing twice. Workers log at
DEBUG, and their logs (uvicorn's access log included) must hold nothing anyone said.
"""

from __future__ import annotations

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from bot.chat_turn import ChatSession
from bot.storage import open_storage
from bot.telegram.handlers import chat_key
from flows.content import get_content
from flows.session import Session
from tests.scale.conftest import Cluster
from tests.scale.workers import SECRET
from tests.telegram.chat_driver import WAIT, ChatDriver, seed_answers
from tests.telegram.harness import TOKEN
from tests.telegram.test_e2e import check_summary

pytestmark = [pytest.mark.e2e, pytest.mark.redis]

CHATS = (9101, 9102, 9103)  # three: with two workers in turn, each chat still alternates
HELD_REPLY_SECONDS = 2.0


def stored_session(redis_url: str, chat: int) -> Session | None:
    async def read() -> Session | None:
        store = open_storage(redis_url)
        try:
            stored = await store.sessions.get(chat_key(chat))
        finally:
            await store.close()
        return None if stored is None else ChatSession.from_json(stored.payload)

    return asyncio.run(read())


def chat_updates(cluster: Cluster, chat: int) -> set[int]:
    ids = set()
    for update_id in range(1000, 1000 + 10_000):
        try:
            update = cluster.fake.update(update_id)
        except KeyError:
            break
        body = update.get("message") or update.get("callback_query") or {}
        chat_of = (body.get("chat") or (body.get("message") or {}).get("chat") or {}).get("id")
        if chat_of == chat:
            ids.add(update_id)
    return ids


def check_logs_hold_nothing_said(cluster: Cluster, chats: tuple[int, ...], said: list[str]) -> int:
    """Every worker log: no token, secret, answer or bot message; returns lines checked."""
    content = get_content()
    questions = [content.text(q.text) for q in content.questions.values()]
    leaks = [TOKEN, TOKEN.split(":")[1], SECRET, "|a:", "|t:", *said, *(q[:30] for q in questions)]
    leaks += [m.text[:30] for chat in chats for m in cluster.fake.messages(chat) if len(m.text) >= 20]
    lines = 0
    for log in cluster.logs():
        lowered = log.lower()
        for leak in leaks:
            assert leak.lower() not in lowered, f"{leak[:30]!r} leaked into a worker's log"
        assert "Traceback" not in log
        lines += len(log.splitlines())
    return lines


def test_conversations_alternate_between_two_workers_and_survive_a_kill(cluster: Cluster, redis_url: str) -> None:
    fake, balancer, (first, second) = cluster.fake, cluster.balancer, cluster.workers
    drivers = [ChatDriver(fake, chat) for chat in CHATS]
    answers = seed_answers()
    half = len(answers) // 2
    for driver in drivers:
        driver.start()
    for answer in answers[:half]:
        for driver in drivers:
            driver.answer(answer)
    for chat in CHATS:  # so far every conversation was served by both processes
        assert balancer.served_by(chat_updates(cluster, chat)) == {0, 1}

    # SIGKILL the first worker in the middle of a turn: the answer is saved and its
    # reply is on the wire (held by the fake), then the process is gone.
    balancer.next_upstream = 0
    fake.delay_next("sendMessage", HELD_REPLY_SECONDS)
    since = len(fake.calls())
    with ThreadPoolExecutor(1) as pool:
        answered = pool.submit(drivers[0].answer, answers[half])
        deadline = time.monotonic() + WAIT
        while not any(c.fault for c in fake.calls()[since:] if c.method == "sendMessage"):
            assert time.monotonic() < deadline, "the held reply never started"
            time.sleep(0.01)
        first.kill()
        answered.result(timeout=WAIT)  # the held reply arrives, once
    assert first.healthz() == 0  # nothing listens there any more
    for driver in drivers[1:]:
        driver.answer(answers[half])
    for answer in answers[half + 1:]:
        for driver in drivers:
            driver.answer(answer)

    for driver in drivers:
        check_summary(driver)
    transcripts = [driver.texts() for driver in drivers]
    assert transcripts[0] == transcripts[1] == transcripts[2]  # the killed turn: nothing lost or doubled
    sessions = [stored_session(redis_url, chat) for chat in CHATS]
    assert all(s is not None and s.answered == sessions[0].answered for s in sessions)  # type: ignore[union-attr]
    killed_turn = [r for r in balancer.routes if r.upstream == 0 and r.status is None]
    assert killed_turn and killed_turn[0].error and killed_turn[0].error.startswith("failed")
    assert any(r.error and r.error.startswith("refused") for r in balancer.routes)  # failed over
    metrics = second.metrics()
    assert 'itoh_turns_total{outcome="duplicate"}' in metrics  # the redelivery met the saved answer
    lines = check_logs_hold_nothing_said(cluster, CHATS, ["third trimester", "bone marrow", "joint effusion"])
    updates = sum(len(chat_updates(cluster, chat)) for chat in CHATS)
    print(f"\nworkers: {len(CHATS)}/{len(CHATS)} conversations completed across a SIGKILL; "
          f"{updates} updates, {len(balancer.routes)} balancer routes, {lines} log lines checked")


def test_double_tap_on_two_workers_is_applied_once(cluster: Cluster, redis_url: str) -> None:
    fake, (first, second) = cluster.fake, cluster.workers
    chat = 9201
    driver = ChatDriver(fake, chat)
    driver.start()
    question = driver.question()
    data = next(d for text, d in question.buttons() if text.endswith("Female"))
    assert data is not None

    def at_once(*posts: tuple[dict[str, object], str]) -> list[int]:
        async def together() -> list[int]:  # each POST runs in its own thread, at the same moment
            return list(await asyncio.wait_for(asyncio.gather(
                *(fake.post_to_webhook(u, url=url, secret=SECRET) for u, url in posts)), WAIT))
        return asyncio.run(together())

    # Two presses of one button, one to each worker at the same moment.
    taps = [fake.make_callback_update(chat, question.message_id, data) for _ in range(2)]
    since = len(fake.calls())
    assert at_once((taps[0], first.hook_url), (taps[1], second.hook_url)) == [200, 200]
    calls = fake.calls()[since:]
    toasts = sorted(str(c.params.get("text")) for c in calls if c.method == "answerCallbackQuery")
    assert toasts == sorted(["None", get_content().message("stale_button")])  # both answered, one as stale
    sent = [c.params["text"] for c in calls if c.method == "sendMessage"]
    # The next question; the stale press shows it again (as for any stale press), nothing else.
    assert len(sent) == 2 and sent[0] == sent[1] and sent[0] != question.text
    session = stored_session(redis_url, chat)
    assert session is not None and session.answered == ["sex"] and session.case.sex == "female"

    # One update delivered to both workers at once (a redelivery racing the first try).
    question = driver.question()
    data = question.buttons()[0][1]
    assert data is not None
    tap = fake.make_callback_update(chat, question.message_id, data)
    since = len(fake.calls())
    assert at_once((tap, first.hook_url), (tap, second.hook_url)) == [200, 200]
    calls = fake.calls()[since:]
    assert len([c for c in calls if c.method == "answerCallbackQuery"]) == 1
    assert len([c for c in calls if c.method == "sendMessage"]) == 1
    again = stored_session(redis_url, chat)
    assert again is not None and len(again.answered) == 2 and again.step == session.step + 1


def test_worker_logs_at_debug_hold_nothing_that_was_said(cluster: Cluster) -> None:
    fake = cluster.fake
    chat = 9111  # every test has chats (and so Telegram users) of its own: Redis is shared
    driver = ChatDriver(fake, chat)
    driver.start()
    private = ["zebra-crossing-xyzzy", "my neighbour Mrs Example", "q" * 5000]
    for text in private:  # not answers: each gets an error reply and the same question again
        driver.say(text)
    answers = seed_answers()
    for answer in answers:  # the whole conversation typed, as free text
        driver.say(answer)
    check_summary(driver)
    fake.user_sends_photo(chat, caption="my-private-caption")  # at the summary: the photo said unseen, its words read
    unseen = get_content().message("attachment_not_seen")
    asyncio.run(fake.wait_for_bot_message(chat, lambda m: unseen in m.text, timeout=WAIT,
                                          newer_than=len(fake.messages(chat))))
    assert asyncio.run(fake.post_to_webhook(fake.make_text_update(chat, "forged"), url=cluster.workers[0].hook_url,
                                            secret="wrong")) == 403
    for worker in cluster.workers:
        assert worker.stop() == 0, worker.log
    access = [line for log in cluster.logs() for line in log.splitlines() if "uvicorn.access" in line]
    assert any('"POST /telegram/hook HTTP/1.1" 200' in line for line in access)
    assert any('"POST /telegram/hook HTTP/1.1" 403' in line for line in access)
    said = [*private, "my-private-caption", "forged", *(a for a in answers if len(a) > 6)]
    lines = check_logs_hold_nothing_said(cluster, (chat,), [s[:40] for s in said])
    print(f"\nworker logs at DEBUG: {lines} lines checked ({len(access)} access-log lines), "
          f"{len(set(said))} things said and every bot message absent")
