"""The user's side of the fake Telegram: updates as a person's app would send them.

Who calls it: tests (and the script driver, through in_process.py's builders) to play a
person: `make_*_update` builds an update (and writes the person's line in the
transcript), `user_sends_*` also queues it for getUpdates or the webhook. A mixin of
BotApiState (state.py), whose lock and data it uses.
"""

from __future__ import annotations

import copy
import threading
import time
from typing import TYPE_CHECKING, Any

from bot.fake_telegram.records import BotMessage, Pending, TranscriptEntry
from bot.fake_telegram.wire import utf16_len

JSON = dict[str, Any]


class UserSide:
    """Builds and queues the person's updates: texts, commands, button presses, photos."""

    if TYPE_CHECKING:  # provided by BotApiState
        _cond: threading.Condition
        _pending: list[Pending]
        _next_update_id: int
        _updates_by_id: dict[int, JSON]
        _next_message_id: dict[int, int]
        _user_message_ids: dict[int, set[int]]
        _transcript: dict[int, list[TranscriptEntry]]
        _callback_queries: dict[str, JSON]
        _next_callback_id: int

        def _bot_id(self, token: str | None = None) -> int: ...
        def bot_user(self, token: str | None = None) -> JSON: ...
        def user_json(self, user_id: int) -> JSON: ...
        @staticmethod
        def chat_json(chat_id: int) -> JSON: ...
        def _find_bot_message(self, chat_id: int, message_id: int) -> BotMessage | None: ...
        def _message_json(self, msg: BotMessage) -> JSON: ...

    def _new_message_id(self, chat_id: int) -> int:
        # Private chats share one message-id sequence between user and bot, like Telegram.
        mid = self._next_message_id.get(chat_id, 1)
        self._next_message_id[chat_id] = mid + 1
        return mid

    def _new_update_id(self) -> int:
        uid = self._next_update_id
        self._next_update_id += 1
        return uid

    def _user_message(self, chat_id: int, user_id: int | None, kind: str, text: str) -> JSON:
        """Allocate ids and record a user message in the transcript; return Message JSON."""
        mid = self._new_message_id(chat_id)
        self._user_message_ids.setdefault(chat_id, set()).add(mid)
        self._transcript.setdefault(chat_id, []).append(
            TranscriptEntry("user", mid, kind, text, time.time())
        )
        return {
            "message_id": mid,
            "date": int(time.time()),
            "chat": self.chat_json(chat_id),
            "from": self.user_json(user_id if user_id is not None else abs(chat_id)),
        }

    def make_text_update(self, chat_id: int, text: str, user_id: int | None = None) -> JSON:
        """Build (not queue) a text-message update; records the user line in the transcript."""
        with self._cond:
            msg = self._user_message(chat_id, user_id, "text", text)
            msg["text"] = text
            return self._wrap_update({"message": msg})

    def make_edited_text_update(self, chat_id: int, message_id: int, text: str, user_id: int | None = None) -> JSON:
        """Build (not queue) the update Telegram sends when the user edits their message
        ``message_id`` to ``text``: the same message, with ``edit_date``."""
        with self._cond:
            if message_id not in self._user_message_ids.get(chat_id, set()):
                raise ValueError(f"chat {chat_id} has no user message {message_id} to edit")
            self._transcript.setdefault(chat_id, []).append(
                TranscriptEntry("user", message_id, "edit", text, time.time())
            )
            msg: JSON = {
                "message_id": message_id,
                "date": int(time.time()),
                "edit_date": int(time.time()),
                "chat": self.chat_json(chat_id),
                "from": self.user_json(user_id if user_id is not None else abs(chat_id)),
                "text": text,
            }
            return self._wrap_update({"edited_message": msg})

    def make_command_update(
        self, chat_id: int, command: str, user_id: int | None = None
    ) -> JSON:
        """Build (not queue) a ``/command [args]`` update with its ``bot_command`` entity."""
        if not command.startswith("/"):
            command = "/" + command
        with self._cond:
            msg = self._user_message(chat_id, user_id, "command", command)
            msg["text"] = command
            word = command.split(maxsplit=1)[0]
            msg["entities"] = [{"type": "bot_command", "offset": 0, "length": utf16_len(word)}]
            return self._wrap_update({"message": msg})

    def make_photo_update(
        self, chat_id: int, caption: str | None = None, user_id: int | None = None
    ) -> JSON:
        """Build (not queue) a photo-message update with two sizes, like Telegram sends."""
        with self._cond:
            msg = self._user_message(chat_id, user_id, "photo", caption or "<photo>")
            n = msg["message_id"]
            msg["photo"] = [
                {"file_id": f"photo-s-{chat_id}-{n}", "file_unique_id": f"ps{chat_id}{n}",
                 "width": 90, "height": 90, "file_size": 1200},
                {"file_id": f"photo-m-{chat_id}-{n}", "file_unique_id": f"pm{chat_id}{n}",
                 "width": 800, "height": 800, "file_size": 54000},
            ]  # fmt: skip
            if caption is not None:
                msg["caption"] = caption
            return self._wrap_update({"message": msg})

    def make_sticker_update(
        self, chat_id: int, emoji: str = "👍", user_id: int | None = None
    ) -> JSON:
        """Build (not queue) a sticker-message update."""
        with self._cond:
            msg = self._user_message(chat_id, user_id, "sticker", f"<sticker {emoji}>")
            n = msg["message_id"]
            msg["sticker"] = {
                "file_id": f"sticker-{chat_id}-{n}",
                "file_unique_id": f"st{chat_id}{n}",
                "type": "regular",
                "width": 512,
                "height": 512,
                "is_animated": False,
                "is_video": False,
                "emoji": emoji,
            }
            return self._wrap_update({"message": msg})

    def make_callback_update(
        self,
        chat_id: int,
        message_id: int,
        callback_data: str,
        user_id: int | None = None,
        *,
        check: bool = True,
    ) -> JSON:
        """Build (not queue) a callback-query update for a button on a bot message.

        With ``check=True`` (default) the message must exist and currently show a button with
        that ``callback_data`` — a real user cannot press a button that is not on screen.
        ``check=False`` lets a test forge stale or unknown presses.
        """
        with self._cond:
            msg = self._find_bot_message(chat_id, message_id)
            if check:
                if msg is None or msg.deleted:
                    raise ValueError(f"no bot message {message_id} in chat {chat_id}")
                if callback_data not in [d for _, d in msg.buttons()]:
                    raise ValueError(
                        f"message {message_id} has no button with callback_data "
                        f"{callback_data!r}; buttons are {msg.buttons()}"
                    )
            if msg is not None:
                message_json = self._message_json(msg)
            else:
                message_json = {
                    "message_id": message_id,
                    "date": int(time.time()),
                    "chat": self.chat_json(chat_id),
                    "from": self.bot_user(),
                    "text": "",
                }
            query_id = f"{self._bot_id()}{self._next_callback_id:08d}"
            self._next_callback_id += 1
            update = self._wrap_update(
                {
                    "callback_query": {
                        "id": query_id,
                        "from": self.user_json(
                            user_id if user_id is not None else abs(chat_id)
                        ),
                        "message": message_json,
                        "chat_instance": f"ci{chat_id}",
                        "data": callback_data,
                    }
                }
            )
            self._callback_queries[query_id] = {"update_id": update["update_id"], "answer": None}
            self._transcript.setdefault(chat_id, []).append(
                TranscriptEntry("user", message_id, "callback", callback_data, time.time())
            )
            return update

    def _wrap_update(self, body: JSON) -> JSON:
        update = {"update_id": self._new_update_id(), **body}
        self._updates_by_id[update["update_id"]] = update
        return update

    def _enqueue(self, update: JSON, *, forced: bool = False) -> int:
        with self._cond:
            self._pending.append(Pending(copy.deepcopy(update), forced=forced))
            self._cond.notify_all()
            return int(update["update_id"])

    def user_sends_text(self, chat_id: int, text: str, user_id: int | None = None) -> int:
        """Queue a text message from the user; returns its ``update_id``."""
        return self._enqueue(self.make_text_update(chat_id, text, user_id))

    def user_sends_command(self, chat_id: int, command: str, user_id: int | None = None) -> int:
        """Queue ``/command [args]`` (with ``bot_command`` entity); returns its ``update_id``."""
        return self._enqueue(self.make_command_update(chat_id, command, user_id))

    def user_presses_button(
        self,
        chat_id: int,
        message_id: int,
        callback_data: str,
        user_id: int | None = None,
        *,
        check: bool = True,
    ) -> int:
        """Queue a button press on bot message ``message_id``; returns its ``update_id``."""
        return self._enqueue(
            self.make_callback_update(chat_id, message_id, callback_data, user_id, check=check)
        )

    def user_sends_photo(
        self, chat_id: int, caption: str | None = None, user_id: int | None = None
    ) -> int:
        """Queue a photo from the user; returns its ``update_id``."""
        return self._enqueue(self.make_photo_update(chat_id, caption, user_id))

    def user_sends_sticker(
        self, chat_id: int, emoji: str = "👍", user_id: int | None = None
    ) -> int:
        """Queue a sticker from the user; returns its ``update_id``."""
        return self._enqueue(self.make_sticker_update(chat_id, emoji, user_id))

    def push_raw_update(self, update: JSON) -> int:
        """Queue an arbitrary update dict (``update_id`` is assigned if missing)."""
        with self._cond:
            update = copy.deepcopy(update)
            if "update_id" not in update:
                update["update_id"] = self._new_update_id()
            else:
                self._next_update_id = max(self._next_update_id, int(update["update_id"]) + 1)
            self._updates_by_id[int(update["update_id"])] = update
            for value in update.values():
                if isinstance(value, dict) and isinstance(value.get("chat"), dict):
                    self._transcript.setdefault(int(value["chat"]["id"]), []).append(
                        TranscriptEntry(
                            "user", value.get("message_id"), "raw",
                            str(value.get("text", "<raw update>")), time.time(),
                        )
                    )  # fmt: skip
            return self._enqueue(update)

    def redeliver(self, update_id: int) -> int:
        """Deliver an already-sent update again, unchanged (same ``update_id``).

        Simulates Telegram's at-least-once delivery (e.g. after a webhook timeout): the copy is
        served by ``getUpdates`` even if the bot already confirmed a higher offset.
        """
        with self._cond:
            update = self._updates_by_id.get(update_id)
            if update is None:
                raise KeyError(f"unknown update_id {update_id}")
            return self._enqueue(update, forced=True)

    def update(self, update_id: int) -> JSON:
        """The update dict that was built for ``update_id`` (a copy)."""
        with self._cond:
            return copy.deepcopy(self._updates_by_id[update_id])

    def pending_update_ids(self) -> list[int]:
        """Ids of updates not yet confirmed by the bot (poll) or delivered (webhook)."""
        with self._cond:
            return [int(p.update["update_id"]) for p in self._pending]
