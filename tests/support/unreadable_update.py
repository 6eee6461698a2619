"""An update python-telegram-bot 22 cannot parse, as a real Bot API server may send it.

A poll without `persistent_id` on its options: what Bot API servers before 9.6 (an older
self-hosted server, which the README says works) send. PTB raises TypeError on it.
"""

from __future__ import annotations

from typing import Any


def poll_without_persistent_id(text_update: dict[str, Any]) -> dict[str, Any]:
    """A text update made into such a poll (same update id), its text the poll's question."""
    message = dict(text_update["message"])
    question = message.pop("text")
    message["poll"] = {
        "id": "5001", "question": question, "total_voter_count": 0, "is_closed": False,
        "is_anonymous": True, "type": "regular", "allows_multiple_answers": False,
        "options": [{"text": "yes", "voter_count": 0}, {"text": "no", "voter_count": 0}],
    }
    return {"update_id": text_update["update_id"], "message": message}
