"""One turn of a conversation, for any channel: lock, load, de-duplicate, step, save, deliver.

Who calls it: a channel adapter (bot/telegram/handlers.py, for the polling bot and
every webhook worker alike) once per incoming update, with the chat's store key and
the UserInput it made of the update. The session lives only in the store, so any
process can serve any chat and a restart loses nothing: the new session is saved
*before* `deliver` sends anything, so a crash after the save at worst leaves a reply
unsent (the person's /help shows the question again), never an answer forgotten.
`deliver` runs while the chat's lock is held, so two quick presses in one chat are
answered in order.

De-duplication is part of the save: beside the conversation, the stored session keeps
the ids of the last updates applied to it (`ChatSession.recent_updates`, channel
bookkeeping that flows/ knows nothing of), checked after reading and written by the
same version-checked `put` as the step. A process that dies anywhere before that put
has recorded nothing, so Telegram's redelivery of the update is processed; one that
dies after it has recorded both the answer and the id, so the redelivery is ignored.

/forget is handled here rather than in the dialogue because it is about storage: it
deletes the chat's session and says so. With no session left to remember its update
id, it records the id with `claim_update` *after* deleting.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Literal

from pydantic import Field, ValidationError

from bot.storage import Storage, StoreUnavailable, VersionConflict
from flows.dialogue import Engine, is_forget, new_session, step
from flows.language import language_of_tag
from flows.messages import Reply, UserInput
from flows.session import Session

log = logging.getLogger(__name__)

Outcome = Literal[
    "stepped", "forgotten", "duplicate", "stale", "unavailable", "not_allowed", "rate_limited", "ignored",
]
Clock = Callable[[], float]
SAVE_ATTEMPTS = 3  # a version conflict means another worker saved meanwhile: re-read and redo
RECENT_UPDATES = 32  # update ids remembered per chat; more than any burst delivered out of order
# Telegram keeps an update it could not deliver for 24 hours at most, so nothing older
# than this (plus an hour's margin) is ever delivered again.
REDELIVERY_WINDOW_SECONDS = 25 * 3600


class ChatSession(Session):
    """A chat's session as the store holds it: the conversation and the ids of the last
    updates applied to it, oldest first.

    One flat JSON object, as when the ids were a field of flows' Session, so sessions
    stored by earlier versions load unchanged (and ones without the ids load with none).
    """

    recent_updates: list[int] = Field(default_factory=list)


@dataclass(frozen=True)
class Turn:
    """What one update did: the replies to show and the session they belong to."""

    outcome: Outcome
    replies: list[Reply] = field(default_factory=list)
    session: Session | None = None  # None after /forget, a duplicate, a refusal or a store failure
    previous_step: int | None = None  # the step before this input; None for a new conversation

    @property
    def step(self) -> int | None:
        return None if self.session is None else self.session.step


Deliver = Callable[[Turn], Awaitable[None]]


def first_step(clock: Clock) -> int:
    """Where a brand-new conversation's step counter starts.

    The dialogue keeps a chat's buttons stale by the step number, but after /forget or
    expiry nothing of the old conversation is left to continue counting from. Starting
    from the clock in milliseconds keeps every old button's step below the new range.
    """
    return int(clock() * 1000)


def unavailable_replies(engine: Engine, locale: str = "en") -> list[Reply]:
    return [Reply(kind="error", code="unavailable", text=engine.content.message("unavailable", locale))]


def is_duplicate(session: ChatSession | None, update_id: int | None, idle_seconds: float = 0.0) -> bool:
    """True if `update_id` was already applied to `session`, idle for `idle_seconds`.

    Telegram's ids increase, so an id below all of the last RECENT_UPDATES is older
    still, except when Telegram has restarted them: after a week without updates it
    picks the next id at random, possibly lower. A repeat arrives within the
    redelivery window, so a session idle longer than that has no repeats to expect:
    its ids are not compared (and `seen_ids` forgets them).
    """
    if update_id is None or session is None or idle_seconds > REDELIVERY_WINDOW_SECONDS:
        return False
    seen = session.recent_updates
    return update_id in seen or (len(seen) >= RECENT_UPDATES and update_id < min(seen))


def seen_ids(session: ChatSession | None, idle_seconds: float) -> list[int]:
    """The update ids to keep comparing against: none after the redelivery window."""
    if session is None or idle_seconds > REDELIVERY_WINDOW_SECONDS:
        return []
    return session.recent_updates


def remember(new: Session, seen: list[int], update_id: int | None) -> ChatSession:
    """`new` to be stored, with `update_id` added to the ids already `seen` (the last ones kept)."""
    ids = seen if update_id is None else [*seen, update_id][-RECENT_UPDATES:]
    # The step has just validated the conversation's fields: copied, not checked again.
    return ChatSession.model_construct(**{**dict(new), "recent_updates": ids})


async def take_turn(
    engine: Engine,
    store: Storage,
    key: str,
    user_input: UserInput,
    *,
    update_id: int | None = None,
    deliver: Deliver | None = None,
    clock: Clock = time.time,
) -> Turn:
    """Run one input through the dialogue with the chat's stored session; see module doc.

    `update_id` (when the channel has one) de-duplicates redeliveries: a repeat returns
    outcome "duplicate" and delivers nothing. A store failure returns "unavailable" with
    the "temporarily unavailable" reply, which is delivered like any other.
    """
    try:
        async with store.locks.lock(key):
            turn = await _locked_turn(engine, store, key, user_input, update_id, clock)
            if deliver is not None and turn.outcome != "duplicate":
                await deliver(turn)
            return turn
    except StoreUnavailable as exc:
        # The reason names the backend and what failed, never the key or the payload.
        log.warning("session store unavailable: %s", exc)
    # The session (and its language) cannot be read: the channel's language says which.
    turn = Turn("unavailable", unavailable_replies(engine, language_of_tag(user_input.language, engine.content)))
    if deliver is not None:
        await deliver(turn)
    return turn


async def _locked_turn(
    engine: Engine, store: Storage, key: str, user_input: UserInput, update_id: int | None, clock: Clock
) -> Turn:
    for _ in range(SAVE_ATTEMPTS):
        stored = await store.sessions.get(key)
        session = _load(stored.payload) if stored is not None else None
        idle = clock() - stored.updated_at if stored is not None else 0.0
        if is_duplicate(session, update_id, idle):
            return Turn("duplicate")
        content = engine.content
        locale = session.locale if session is not None else language_of_tag(user_input.language, content)
        if is_forget(user_input, engine):
            return await _forget(engine, store, key, update_id, locale)
        if session is None and user_input.kind == "button":
            # A button from before /forget or expiry: it only says so, and nothing is
            # stored (a new conversation starts with a message, not an old button).
            key = "stale_button_no_conversation"
            return Turn("stale", [Reply(kind="notice", code=key, text=content.message(key, locale))])
        previous_step = session.step if session is not None else None
        seen = seen_ids(session, idle)
        # The session was parsed just now for this attempt alone: step may change it in
        # place (a conflict below re-reads it), which saves the defensive deep copy.
        new, replies = step(session or new_session(engine, first_step(clock)), user_input, engine, owned=True)
        new = remember(new, seen, update_id)
        try:
            await store.sessions.put(key, new.to_json(), stored.version if stored is not None else 0)
        except VersionConflict:
            log.warning("session changed by another worker during a step; retrying")
            continue
        return Turn("stepped", replies, new, previous_step)
    raise StoreUnavailable(f"session kept changing during {SAVE_ATTEMPTS} attempts to save it")


async def _forget(engine: Engine, store: Storage, key: str, update_id: int | None, locale: str) -> Turn:
    removed = await store.sessions.delete(key)
    # Claimed only now: a crash before the delete must leave the redelivery to do it.
    # A repeat that finds nothing to delete and its id already claimed is a duplicate;
    # one that deleted something was not (the session it removed came before it).
    if update_id is not None and not await store.counters.claim_update(update_id) and not removed:
        return Turn("duplicate")
    said = "forgotten" if removed else "forget_nothing"
    return Turn("forgotten", [Reply(kind="notice", code=said, text=engine.content.message(said, locale))])


def _load(payload: str) -> ChatSession | None:
    try:
        return ChatSession.model_validate_json(payload)
    except ValidationError:
        # An unreadable session (e.g. from an incompatible version) must not wedge the
        # chat: start afresh. The payload is health data, so it is not logged.
        log.warning("stored session could not be read; starting a new conversation")
        return None
