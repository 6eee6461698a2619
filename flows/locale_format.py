"""Numbers, percentages and dates as a reader of the chosen language writes them.

Babel's CLDR data, not hand-made rules: "39.2" is "39,2" in Portugal, "87%" stays
"87%", and a report made today is dated "1 de dezembro de 2026". Which CLDR locale a
language uses is content (ui.yaml `languages`: babel).
"""

from __future__ import annotations

from datetime import date

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

from flows.content import Content


def _locale(content: Content, language: str) -> str:
    chosen = content.languages.get(language) or content.languages[content.default_language]
    return chosen.babel


def percent_text(fraction: float, content: Content, language: str) -> str:
    """A whole percentage: 0.874 -> "87%"."""
    return format_percent(fraction, format="#,##0%", locale=_locale(content, language))


def number_text(value: float, content: Content, language: str, decimals: int = 1) -> str:
    """A number with at most `decimals` decimals, no trailing zeros: 39.2 -> "39,2" (pt)."""
    pattern = "#,##0" + ("." + "#" * decimals if decimals > 0 else "")
    return format_decimal(value, format=pattern, locale=_locale(content, language))


def date_text(day: date, content: Content, language: str) -> str:
    """A date in words: "1 December 2026", "1 de dezembro de 2026"."""
    return format_date(day, format="long", locale=_locale(content, language))
