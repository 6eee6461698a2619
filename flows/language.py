"""Which offered language a language tag, a locale name or a typed word chooses.

Telegram sends the person's app language as an IETF tag (`pt`, `pt-BR`, `en-GB`); a
terminal has LANG and LC_ALL (`pt_PT.UTF-8`, `C`); at /language people type a name
("português", "english"). The tags and names are content (ui.yaml `languages`).
"""

from __future__ import annotations

from collections.abc import Mapping

from flows.answers import normalise
from flows.content import Content


def language_of_tag(tag: str | None, content: Content) -> str:
    """The language a tag or locale name chooses; the default for anything else. A whole tag
    a language lists ("pt-br": Brazilian Portuguese) wins over its primary subtag ("pt")."""
    whole = (tag or "").split(".")[0].split("@")[0].replace("_", "-").strip().lower()
    for candidate in (whole, whole.split("-")[0]):
        for language in content.ui.languages:
            if candidate in language.tags:
                return language.id
    return content.default_language


def language_of_environment(environment: Mapping[str, str], content: Content) -> str:
    """The language of a terminal's locale: LC_ALL overrides LANG, as in POSIX."""
    for variable in ("LC_ALL", "LANG"):
        value = environment.get(variable, "")
        if value:
            return language_of_tag(value, content)
    return content.default_language


def language_named(text: str, content: Content, current: str | None = None) -> str | None:
    """The language a typed word names ("português", "pt", "English"), or None. A name of
    the whole language (`family_names`) typed in one of its variants keeps the variant: a
    Brazilian who types "português" at /language stays in Brazilian Portuguese."""
    said = normalise(text)
    for language in content.ui.languages:
        names = [language.id, language.name, *language.synonyms]
        if said in {normalise(name) for name in names}:
            variant = next((other for other in content.ui.languages
                            if other.id == current and other.variant_of == language.id), None)
            if variant is not None and said in {normalise(name) for name in language.family_names}:
                return variant.id
            return language.id
    return None
