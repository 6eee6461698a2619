"""A process that dies mid-update: the redelivered update is processed if, and only
if, the first attempt did not get as far as saving.

De-duplication used to claim the update id *before* the step, so a process dying
between the claim and the save lost the update: Telegram's redelivery was ignored. Now
the update ids live in the session and are written by the same version-checked put as
the answer (bot/chat_turn.py). Shown in process (the store's put "kills" the process)
and with a real SIGKILL of a process holding the Redis lock.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import uuid
from typing import Any

import pytest

from bot.chat_turn import take_turn
from bot.storage import open_memory, open_sqlite
from bot.storage.redis import open_redis
from flows.content import get_content
from flows.dialogue import get_engine
from flows.messages import UserInput
from tests.telegram.bot_process import REPO

ENGINE = get_engine()

KEY = "tg:9501"
BOUND = 20.0


class Died(BaseException):
    """The process ends here: nothing after this point runs (not even `except Exception`)."""


async def dying(*args: Any, **kwargs: Any) -> Any:
    raise Died


@pytest.mark.parametrize("kind", ["memory", "sqlite"])
async def test_update_lost_before_the_save_is_processed_when_redelivered(kind: str, tmp_path: Any) -> None:
    store = open_memory() if kind == "memory" else open_sqlite(str(tmp_path / "s.sqlite3"))
    try:
        await take_turn(ENGINE, store, KEY, UserInput.command("start"), update_id=10)
        put = store.sessions.put
        store.sessions.put = dying  # type: ignore[method-assign]
        with pytest.raises(Died):  # read, stepped, and died before saving
            await take_turn(ENGINE, store, KEY, UserInput.typed("female"), update_id=11)
        store.sessions.put = put  # type: ignore[method-assign]
        redelivered = await take_turn(ENGINE, store, KEY, UserInput.typed("female"), update_id=11)
        assert redelivered.outcome == "stepped"
        assert redelivered.session is not None and redelivered.session.case.sex == "female"
        again = await take_turn(ENGINE, store, KEY, UserInput.typed("female"), update_id=11)
        assert again.outcome == "duplicate"  # saved now: a third delivery is ignored
    finally:
        await store.close()


async def test_update_saved_before_dying_is_not_applied_twice() -> None:
    store = open_memory()
    delivered: list[str] = []

    async def deliver_then_die(turn: Any) -> None:
        raise Died  # saved, then died before any reply went out

    await take_turn(ENGINE, store, KEY, UserInput.command("start"), update_id=10)
    with pytest.raises(Died):
        await take_turn(ENGINE, store, KEY, UserInput.typed("female"), update_id=11, deliver=deliver_then_die)

    async def record(turn: Any) -> None:
        delivered.append(turn.outcome)

    repeat = await take_turn(ENGINE, store, KEY, UserInput.typed("female"), update_id=11, deliver=record)
    assert repeat.outcome == "duplicate"
    assert delivered == []  # the answer is in once; /help shows the current question again
    turn = await take_turn(ENGINE, store, KEY, UserInput.command("help"), update_id=12, deliver=record)
    assert turn.session is not None and turn.session.answered == ["sex"]
    await store.close()


async def test_forget_is_done_once_even_if_the_process_dies_before_recording_it() -> None:
    store = open_memory()
    content = get_content()
    await take_turn(ENGINE, store, KEY, UserInput.command("start"), update_id=10)
    claim = store.counters.claim_update
    store.counters.claim_update = dying  # type: ignore[method-assign]
    with pytest.raises(Died):  # deleted, then died before recording the update id
        await take_turn(ENGINE, store, KEY, UserInput.command("forget"), update_id=11)
    store.counters.claim_update = claim  # type: ignore[method-assign]
    assert await store.sessions.get(KEY) is None  # the data is gone all the same
    redelivered = await take_turn(ENGINE, store, KEY, UserInput.command("forget"), update_id=11)
    assert [r.text for r in redelivered.replies] == [content.message("forget_nothing")]
    assert (await take_turn(ENGINE, store, KEY, UserInput.command("forget"), update_id=11)).outcome == "duplicate"
    await store.close()


CHILD = """
import asyncio, sys
from bot.chat_turn import take_turn
from bot.storage.redis import open_redis
from flows.dialogue import get_engine
from flows.messages import UserInput

ENGINE = get_engine()

async def main() -> None:
    store = open_redis(sys.argv[1], prefix=sys.argv[2], lock_timeout_seconds=1.0)

    async def hang(*args, **kwargs):
        print("stuck", flush=True)
        await asyncio.sleep(60)  # SIGKILLed long before this ends

    if sys.argv[3] == "before-save":
        store.sessions.put = hang
    await take_turn(ENGINE, store, "tg:9501", UserInput.typed("female"), update_id=11, deliver=hang)

asyncio.run(main())
"""


@pytest.mark.redis
@pytest.mark.parametrize("where", ["before-save", "after-save"])
async def test_sigkill_mid_update_with_redis(redis_url: str, where: str) -> None:
    prefix = f"test:{uuid.uuid4().hex}:"
    store = open_redis(redis_url, prefix=prefix)
    child = subprocess.Popen([sys.executable, "-c", CHILD, redis_url, prefix, where], cwd=REPO,
                             stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    try:
        await take_turn(ENGINE, store, KEY, UserInput.command("start"), update_id=10)
        assert child.stdout is not None
        line = await asyncio.wait_for(asyncio.to_thread(child.stdout.readline), BOUND)
        assert line.strip() == "stuck"  # holding the chat's lock, before (or after) the save
        os.kill(child.pid, signal.SIGKILL)
        async with asyncio.timeout(BOUND):  # waits for the dead holder's lock to lapse (1 s)
            redelivered = await take_turn(ENGINE, store, KEY, UserInput.typed("female"), update_id=11)
        stored = await store.sessions.get(KEY)
        assert stored is not None and '"sex":"female"' in stored.payload  # the answer, in either case
        assert redelivered.outcome == ("stepped" if where == "before-save" else "duplicate")
    finally:
        child.kill()
        child.wait(timeout=5)
        if child.stdout is not None:
            child.stdout.close()
        await store.close()
