"""A regional variant of an offered language: its own words where they differ, the base's elsewhere.

Brazilian Portuguese reads the European Portuguese texts as foreign where the two differ
("anca" for quadril, "canadianas" for muletas, "ligue 112" where an ambulance is 192), yet
most sentences are the same. A variant (ui.yaml `languages`: `variant_of`) therefore keeps
only its differences, in a gettext catalogue (`adapted_in`, read with Babel) whose msgid is
the base language's text and whose msgstr is the variant's: the format translators' tools
read, and one that goes stale visibly: when a base text is edited, its entry no longer
matches any text and the loader says so, so a fix to the Portuguese cannot silently miss
the Brazilian text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from babel.messages.pofile import read_po

from flows.content_models import Language

_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


class AdaptationError(ValueError):
    """A catalogue that cannot be used as it stands (the loader reports it as a content error)."""


def read_adaptations(root: Path, language: Language, base_texts: Iterable[str]) -> dict[str, str]:
    """The variant's texts by the base text they replace, checked against the base texts in use."""
    if language.adapted_in is None:
        return {}
    path = root / language.adapted_in
    try:
        with path.open("rb") as catalogue_file:
            catalogue = read_po(catalogue_file, locale=language.babel)
    except FileNotFoundError:
        raise AdaptationError(f"{path}: file is missing") from None
    except Exception as exc:  # Babel's parse errors carry the line
        raise AdaptationError(f"{path}: not a valid gettext catalogue: {exc}") from None
    in_use = set(base_texts)
    adapted: dict[str, str] = {}
    for message in catalogue:
        if not message.id:
            continue  # the header
        base, text = str(message.id), str(message.string or "")
        where = f"{path}: line {message.lineno}"
        if base not in in_use:
            raise AdaptationError(f"{where}: no `{language.variant_of}` text reads {base[:60]!r}: it was edited "
                                  "or removed; adapt the new text (or drop the entry)")
        if not text.strip():
            raise AdaptationError(f"{where}: an empty adaptation (leave the entry out to use the base text)")
        if sorted(_PLACEHOLDER.findall(base)) != sorted(_PLACEHOLDER.findall(text)):
            raise AdaptationError(f"{where}: the placeholders differ from the base text's")
        adapted[base] = text
    return adapted


def words_not_said(language: Language, texts: Iterable[str]) -> list[tuple[str, str]]:
    """Each (text, word) where a text the variant shows uses a word its readers do not
    (ui.yaml `not_said`): a base text left unadapted that needed adapting."""
    patterns = [(word, re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)) for word in language.not_said]
    return [(text, word) for text in texts for word, pattern in patterns if pattern.search(text)]
