"""Whether a first message is from the patient or from someone writing for them, on the
labelled corpus who_is_asked.yaml (written blind, then read: see its header)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.support.conversation import Conversation, talk

CORPUS: list[dict[str, Any]] = yaml.safe_load((Path(__file__).parent / "who_is_asked.yaml").read_text("utf-8"))
# A little under what the reading gives now (en 34/40, pt 40/40): a change that loses
# more is a regression. Blind, the first version gave 0.58 and 0.55.
FLOOR = {"en": 0.82, "pt": 0.95}


def first_message(entry: dict[str, Any]) -> Conversation:
    return talk(entry["text"], language=entry["language"])


@pytest.mark.parametrize("language", ["en", "pt"])
def test_who_the_answers_are_about_is_read_right(language: str) -> None:
    entries = [e for e in CORPUS if e["language"] == language]
    wrong = []
    for entry in entries:
        session = first_message(entry).session
        assert session is not None
        if session.for_someone_else != entry["for_someone_else"]:
            wrong.append(entry["text"])
    assert 1 - len(wrong) / len(entries) >= FLOOR[language], wrong


@pytest.mark.parametrize("language", ["en", "pt"])
def test_no_sex_is_recorded_that_the_message_does_not_give_the_patient(language: str) -> None:
    """A relative's sex is not the writer's ("my son is driving me"), nor a slip of a word
    ("bother" is no brother)."""
    wrong = []
    for entry in (e for e in CORPUS if e["language"] == language):
        session = first_message(entry).session
        assert session is not None
        if session.case.sex is not None and session.case.sex != entry.get("sex"):
            wrong.append((session.case.sex, entry["text"]))
    assert wrong == []
