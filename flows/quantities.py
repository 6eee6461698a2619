"""Numbers as people type them: "39.2", "sixty seven", "a couple of days", "6-8 weeks", "3/12".

Who calls it: flows.answers, to read ages, durations, weeks of pregnancy, temperatures and
blood results out of free text. First the words are written as digits, using the tables
of content/ui.yaml (`understanding`: number words, phrases such as "a fortnight" or
"half a year", relative days such as "yesterday"), so a reviewer can extend them and
another language brings its own; then every number is read with the unit typed next to
it. Clinical shorthand is read too: 5/7 is five days, 2/52 two weeks, 3/12 three months,
31/40 week 31 of pregnancy, 27+5 twenty-seven weeks and five days.

Pure and bounded: the text is already capped in length, and digits follow flows/numerals.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from flows.numerals import MAX_DIGITS

_DIGITS = rf"\d{{1,{MAX_DIGITS}}}(?:[.,]\d{{1,{MAX_DIGITS}}})?"
_NUMBER = re.compile(rf"(?<![\w.,]){_DIGITS}(?![\d])")
_FRACTION = re.compile(r"(?<![\w/.])(\d{1,3})\s*/\s*(\d{1,2})(?![\d/])")
_PLUS_DAYS = re.compile(r"(?<![\w.])(\d{1,2})\s*\+\s*([0-6])(?![\d])")
_WORD = re.compile(r"[^\W\d_]+")
_WORD_NEXT = re.compile(r"[ -]*[^\W\d_]")  # a word follows (after spaces or a hyphen)
_WORD_AFTER = re.compile(r"[ -]*([^\W\d_]+)")  # the word that follows
_MINUS = re.compile(r"(?:^|[\s(:=])[-−]$")  # a minus sign just before a number, not a range's dash


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str  # the unit word typed next to the number (one of the known units), or ""
    start: int  # where the number begins in the (rewritten) text
    before: str = ""  # a known word just before it as well, when `unit` follows it: "CRP 2.2 mg/dL"
    next_word: str = ""  # with no unit: the word typed right after it ("3 moons"), which may be a unit misspelt
    negative: bool = False  # a minus sign typed before it ("-5")
    lead: str = ""  # the words just before it, as rewritten ("over 2 days" for "over a couple of days")
    # With no unit after it: the word typed right after it, even when a unit came before
    # ("CRP last month" is "CRP 1 month": a time, no CRP of 1).
    word_after: str = ""
    # A range's top ("37.5-38", "CRP 40-60"): a measurement is read by its worst.
    highest: float | None = None

    @property
    def words(self) -> tuple[str, ...]:
        """The known words typed next to the number: the one after it first."""
        return tuple(w for w in (self.unit, self.before) if w)


@dataclass(frozen=True)
class NumberWords:
    """The words of one language that stand for numbers (content/ui.yaml `understanding`)."""

    cardinals: dict[str, int]  # one -> 1 ... nineteen -> 19; twenty ... ninety
    phrases: dict[str, str]  # "half a year" -> "0.5 year", "a couple of" -> "2", "yesterday" -> "1 day"
    shorthand: dict[int, str]  # the denominator of 5/7, 2/52, 3/12, 31/40 -> the unit it means
    ordinals: dict[str, int] = field(default_factory=dict)  # "third" -> 3, "terceiro" -> 3
    ordinal_suffixes: tuple[str, ...] = ()  # the "rd" of "3rd", the "o" of "3o" (3º after NFKC)
    thousands: tuple[str, ...] = ()  # what groups thousands: "," in "12,000", "." in "12.000"
    articles: frozenset[str] = frozenset()  # "um", "uma": a number only right before a unit ("um mês")
    halves: tuple[str, ...] = ()  # "and a half", "e meio": "2 and a half weeks" is 2.5 weeks
    range_words: tuple[str, ...] = ()  # "or", "to", "ou": "5 or 6 weeks" is a range
    # "os", "as", "the": a number word right after one stands for things named ("os dois": both),
    # a number only right before a unit ("as duas semanas")
    definite: frozenset[str] = frozenset()

    @cached_property
    def range_pattern(self) -> re.Pattern[str]:
        """Two numbers joined by a dash or one of `range_words` ("5-6", "38 or 39")."""
        joiners = "|".join(["-", "–", *(rf"{re.escape(w)}(?![\w])" for w in self.range_words)])
        # (not a date's parts: "3-11-2025", "10/11")
        return re.compile(rf"(?<![\w.,/-])({_DIGITS})\s*(?:{joiners})\s*({_DIGITS})(?![\d])(?!\s*[-–/]\s*\d)")

    @cached_property
    def half_pattern(self) -> re.Pattern[str] | None:
        """A number in digits and a half after it ("2 and a half"), built once per language."""
        if not self.halves:
            return None
        halves = "|".join(map(re.escape, sorted(self.halves, key=len, reverse=True)))
        return re.compile(rf"(?<![\w.,])(\d+)\s+(?:{halves})(?![\w])")

    @cached_property
    def ordinal_pattern(self) -> re.Pattern[str] | None:
        """An ordinal in words ("third") or in digits with a suffix ("3rd", "2.o")."""
        alternatives = []
        words = sorted((w for w, n in self.ordinals.items() if n > 0), key=len, reverse=True)
        if words:
            alternatives.append(rf"(?<![\w])(?P<word>{'|'.join(map(re.escape, words))})(?![\w])")
        suffixes = sorted(self.ordinal_suffixes, key=len, reverse=True)
        if suffixes:
            alternatives.append(rf"(?<![\w.,])(?P<digits>\d{{1,3}})(?:{'|'.join(map(re.escape, suffixes))})(?![\w])")
        return re.compile("|".join(alternatives)) if alternatives else None


def amounts_in_digits(text: str, words: NumberWords) -> str:
    """The text with amount phrases written as digits ("a fortnight": "2 week", "month or so":
    "1 month"), before a filler they hold ("or so") is dropped."""
    for phrase in sorted(words.phrases, key=len, reverse=True):
        text = re.sub(rf"(?<![\w]){re.escape(phrase)}(?![\w])", words.phrases[phrase], text)
    return text


def _after_a_definite_article(text: str, tokens: list[re.Match[str]], index: int, definite: frozenset[str],
                              units: set[str] | None) -> bool:
    """The number word at `index` comes right after a definite article and no unit follows it:
    "os dois", "as duas" (both of them) are no amount; "as duas semanas" is."""
    if not index or tokens[index - 1].group() not in definite \
            or text[tokens[index - 1].end():tokens[index].start()].strip():
        return False
    following = [t.group() for t in tokens[index + 1:index + 3]]
    if units is None:
        return not following
    return not following or (following[0] not in units and " ".join(following) not in units)


def in_digits(text: str, words: NumberWords, units: set[str] | None = None) -> str:
    """The text with number words and amount phrases written as digits. With `units`, a
    number word that is also an article ("um", "uma") counts only right before one of them:
    "um mês" is 1 mês, "coxeio um pouco" has no number."""
    text = amounts_in_digits(text, words)
    tokens = list(_WORD.finditer(text))
    out: list[str] = []
    last = 0
    index = 0
    while index < len(tokens):
        match = tokens[index]
        # ("one and a half weeks": before a half, as before a unit, it is a number)
        if match.group() not in words.cardinals or (units is not None and match.group() in words.articles and not (
                _before_a_half(text, match.end(), words.halves) or (index + 1 < len(tokens) and (
                    tokens[index + 1].group() in units
                    or " ".join(t.group() for t in tokens[index + 1:index + 3]) in units)))) \
                or _after_a_definite_article(text, tokens, index, words.definite, units):
            index += 1
            continue
        value = words.cardinals[match.group()]
        end = match.end()
        if value >= 20 and value % 10 == 0 and index + 1 < len(tokens):
            following = tokens[index + 1]
            between = text[match.end():following.start()]
            small = words.cardinals.get(following.group(), 10) < 10
            if small and between in (" ", "-"):
                value += words.cardinals[following.group()]
                end = following.end()
                index += 1
        out.append(text[last:match.start()])
        out.append(str(value))
        last = end
        index += 1
    out.append(text[last:])
    text = "".join(out)
    if words.half_pattern is not None:
        text = words.half_pattern.sub(lambda m: f"{m.group(1)}.5", text)
        if units:
            text = halves_after_units(text, words, units)
    return text


def halves_after_units(text: str, words: NumberWords, units: Collection[str]) -> str:
    """The text with a half said after a whole number's unit moved into the number: "2 meses
    e meio" is "2.5 meses", "3 weeks and a half" "3.5 weeks" (user test pt 27: read as 2 months)."""
    if not words.halves or not units:
        return text
    return _half_after_unit(words.halves, frozenset(units)).sub(lambda m: f"{m.group(1)}.5 {m.group(2)}", text)


@lru_cache(maxsize=64)
def _half_after_unit(halves: tuple[str, ...], units: frozenset[str]) -> re.Pattern[str]:
    """A whole number, its unit and a half after them ("2 meses e meio"), for one set of units."""
    half = "|".join(map(re.escape, sorted(halves, key=len, reverse=True)))
    unit = "|".join(map(re.escape, sorted((u for u in units if u), key=len, reverse=True)))
    return re.compile(rf"(?<![\w.,])(\d+)\s+({unit})\s+(?:{half})(?![\w])")


def quantities(text: str, words: NumberWords, units: set[str]) -> list[Quantity]:
    """Every number in `text` (words included) with the unit word that belongs to it."""
    text = in_digits(_ungrouped(text, words.thousands), words, units)
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []

    def take(span: tuple[int, int]) -> bool:
        if any(span[0] < b and span[1] > a for a, b in taken):
            return False
        taken.append(span)
        return True

    for match in _PLUS_DAYS.finditer(text):
        if take(match.span()):
            unit = _unit_after(text, match.end(), units) or _unit_before(text, match.start(), units)
            found.append(Quantity(int(match.group(1)) + int(match.group(2)) / 7, unit, match.start()))
    for match in _FRACTION.finditer(text):
        shorthand_unit = words.shorthand.get(int(match.group(2)))
        if shorthand_unit is not None and shorthand_unit not in units:  # "4/52" is no white cell count
            take(match.span())
            continue
        if shorthand_unit is not None and take(match.span()):
            found.append(Quantity(float(match.group(1)), shorthand_unit, match.start()))
    for value, span, unit in _ordinals(text, words, units):
        if take(span) and unit:
            found.append(Quantity(float(value), unit, span[0]))
    for match in words.range_pattern.finditer(text):
        if take(match.span()):
            middle = (_float(match.group(1)) + _float(match.group(2))) / 2
            found.append(Quantity(middle, _unit_after(text, match.end(), units), match.start(),
                                  lead=_lead(text, match.start()),
                                  highest=max(_float(match.group(1)), _float(match.group(2)))))
    for match in _NUMBER.finditer(text):
        after = _unit_after(text, match.end(), units)
        # The unit is taken with its number, so the digits inside "x10^9/L" are no number.
        if take((match.start(), _unit_end(text, match.end(), after))) or take(match.span()):
            before = _unit_before(text, match.start(), units)
            following = _WORD_AFTER.match(text, match.end()) if not after else None
            negative = _MINUS.search(text[:match.start()]) is not None
            word_after = following.group(1) if following else ""
            found.append(Quantity(_float(match.group()), after or before, match.start(), before if after else "",
                                  "" if before else word_after, negative, _lead(text, match.start()), word_after))
    return sorted(found, key=lambda q: q.start)


def _before_a_half(text: str, at: int, halves: tuple[str, ...]) -> bool:
    """One of `halves` ("and a half") follows position `at` of `text`."""
    rest = text[at:at + 20].lstrip()
    return any(rest.startswith(half) for half in halves)


def _lead(text: str, start: int) -> str:
    """Up to four words before position `start`."""
    return " ".join(text[:start].split()[-4:])


def _ungrouped(text: str, separators: tuple[str, ...]) -> str:
    """ "12,000" as 12000 where a comma groups thousands: groups of exactly three digits."""
    for separator in separators:
        sep = re.escape(separator)
        grouped = re.compile(rf"(?<![\w.,])\d{{1,3}}(?:{sep}\d{{3}})+(?![\d]|[.,]\d)")

        def ungroup(match: re.Match[str], separator: str = separator) -> str:
            return match.group().replace(separator, "")

        text = grouped.sub(ungroup, text)
    return text


def _ordinals(text: str, words: NumberWords, units: set[str]) -> list[tuple[int, tuple[int, int], str]]:
    """The ordinals that are not read as plain numbers, with the unit that follows each.

    An ordinal names the place of the word after it: "3rd trimester" is trimester 3 and
    "terceiro trimestre" too, whatever a bare 3 would mean. Followed by a unit, it is a
    number in that unit; followed by any other word ("my 3rd pregnancy", "3rd trimster"
    mistyped), it is no number at all (unit ""). At the end of the answer ("45a", "38º")
    it is left to be read as the plain number, as before. A suffix that is itself a unit
    of the question ("38º" where "º" means degrees) is that unit, not an ordinal.
    """
    pattern = words.ordinal_pattern
    if pattern is None:
        return []
    found = []
    for match in pattern.finditer(text):
        digits = match.group("digits") if "digits" in pattern.groupindex else None
        if digits is not None and _unit_after(text, match.start() + len(digits), units, glued=True):
            continue  # "38o": the degree sign typed as º, a unit here
        unit = _unit_after(text, match.end(), units)
        if not unit and not _WORD_NEXT.match(text, match.end()):
            continue  # no word follows: read as the plain number
        value = int(digits) if digits is not None else words.ordinals[match.group("word")]
        found.append((value, match.span(), unit))
    return found


def _float(digits: str) -> float:
    return float(digits.replace(",", "."))


def _unit_after(text: str, end: int, units: set[str], glued: bool = False) -> str:
    rest = text[end:] if glued else text[end:].lstrip(" -")
    for unit in sorted(units, key=len, reverse=True):
        if unit and rest.startswith(unit) and (len(rest) == len(unit) or not rest[len(unit)].isalnum()):
            return unit
    return ""


def _unit_end(text: str, end: int, unit: str) -> int:
    """Where `unit`, found by `_unit_after` after position `end`, ends."""
    return end + len(text[end:]) - len(text[end:].lstrip(" -")) + len(unit) if unit else end


def _unit_before(text: str, start: int, units: set[str]) -> str:
    before = text[:start].rstrip(" :=-")
    for unit in sorted(units, key=len, reverse=True):
        if unit and before.endswith(unit) and (len(before) == len(unit) or not before[-len(unit) - 1].isalnum()):
            return unit
    return ""
