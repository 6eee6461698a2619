"""What a button sends back: defined and read in this one place.

The dialogue builds every Choice's payload with these functions, and the dialogue and the
channels read payloads with `parse`, so the format cannot drift between them.

    a:N      answer with option N (a single-answer question)
    t:N      tick or untick option N (a several-answer question)
    done     submit what is ticked
    c:N      change answer N (the /change menu)
    cancel   leave the /change menu
    why      why is this question asked?
    now      see what to do now (after an emergency warning)
    go       carry on answering (after an emergency warning)
    s:N      show summary section N
    more     show every summary section
    l:N      use language N (ui.yaml `languages`, in order)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from flows.numerals import whole_number

Kind = Literal["answer", "toggle", "done", "change", "cancel", "why", "now", "go", "section", "more", "language"]

_INDEXED: dict[str, Kind] = {"a": "answer", "t": "toggle", "c": "change", "s": "section", "l": "language"}
_PLAIN: dict[str, Kind] = {"done": "done", "cancel": "cancel", "why": "why", "now": "now", "go": "go", "more": "more"}
_PREFIX: dict[Kind, str] = {kind: prefix for prefix, kind in _INDEXED.items()}


@dataclass(frozen=True)
class Payload:
    kind: Kind
    index: int | None = None  # the option or menu entry, for answer, toggle and change


def answer(index: int) -> str:
    return f"a:{index}"


def toggle(index: int) -> str:
    return f"t:{index}"


def change(index: int) -> str:
    return f"c:{index}"


def section(index: int) -> str:
    return f"s:{index}"


def language(index: int) -> str:
    return f"l:{index}"


DONE, CANCEL, WHY, NOW, GO, MORE = "done", "cancel", "why", "now", "go", "more"


def parse(payload: str) -> Payload | None:
    """The payload's meaning, or None when it is not one this version makes (forged, or old)."""
    if payload in _PLAIN:
        return Payload(_PLAIN[payload])
    prefix, separator, argument = payload.partition(":")
    index = whole_number(argument) if separator else None
    if prefix not in _INDEXED or index is None:
        return None
    return Payload(_INDEXED[prefix], index)


def indexed(kind: Kind, index: int) -> str:
    """The payload of an answer, toggle or change entry (for channels that rebuild one)."""
    return f"{_PREFIX[kind]}:{index}"
