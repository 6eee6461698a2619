"""How long since a date said in words: "since March", "since Christmas", "desde 3 de
março", "since the new year".

People give how long they have had the pain as a date as often as a span. Such an answer
is read against the day the message was sent (UserInput.sent_on), so it needs no clock of
its own: without that day it is not read, and the question asks for a number as before.
Month names come from Babel in the language's locale (ui.yaml `languages`: babel), the
words that lead to a date and the days of named events (Christmas, the new year) from
ui.yaml `understanding`. A date that has not come yet this year is last year's ("since
Christmas" on 2 December); a month alone counts from its first day.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from copy import copy
from dataclasses import dataclass
from datetime import date
from typing import Literal

from babel.dates import get_date_format, get_day_names, get_month_names

from flows.content_models import DatedEvent, MonthPart
from flows.phrases import tokens, without_accents

_DAY = re.compile(r"^[0-9]{1,2}$")
_YEAR = re.compile(r"^(?:19|20)[0-9][0-9]$")
DAYS_PER_WEEK = 7
_SATURDAY = 5  # the first day of a weekend (date.weekday: 0 is Monday)
_DAY_WIDTHS: tuple[Literal["wide", "abbreviated"], ...] = ("wide", "abbreviated")
_DAY_CONTEXTS: tuple[Literal["format", "stand-alone"], ...] = ("format", "stand-alone")


@dataclass(frozen=True)
class DateSaid:
    """A date found in an answer: where it is said, and the day it names (in `year` or,
    with no year said, the last such day on or before the day the message was sent)."""

    start: int  # token positions of the words that say it, with the word that leads to it
    end: int
    month: int  # 0 for a day of the week, or a day of the month said alone ("due the 10th")
    day: int
    year: int | None
    weekday: int | None = None  # "since sunday": the last such day before the message (0 is Monday)
    year_before: bool = False  # "since november last year": the year before the message's


class DatesSaid:
    """The dates one language says, read from the words of an answer (flows/phrases.tokens
    of its plain words)."""

    def __init__(self, babel_locale: str, since_words: list[str], events: list[DatedEvent],
                 joining_words: list[str], ordinal_endings: list[str], plain: Callable[[str], str],
                 last_words: list[str] | None = None, weekend_words: list[str] | None = None,
                 month_parts: list[MonthPart] | None = None, last_year_words: list[str] | None = None) -> None:
        months: dict[str, int] = {}
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context, babel_locale).items():
                    word = plain(name).strip(". ")
                    if len(word) >= 3:
                        months[word] = number
                        months[without_accents(word)] = number  # "desde marco", typed without
        self.months = months
        # Days of the week ("since sunday", "desde segunda", "since last tue"), from Babel too;
        # Portuguese "segunda-feira" is said "segunda" as often.
        weekdays: dict[str, int] = {}
        for day_width in _DAY_WIDTHS:
            for day_context in _DAY_CONTEXTS:
                for number, name in get_day_names(day_width, day_context, babel_locale).items():
                    word = plain(name).strip(". ")
                    # (typed without its accent too, as a month is: "desde sabado", user test pt 28)
                    for form in {word, word.split("-")[0], without_accents(word), without_accents(word.split("-")[0])}:
                        if len(form) >= 3:
                            weekdays[form] = number
        self.weekdays = weekdays
        # "since the weekend", "desde o fim de semana": counted from its first day, the last
        # Saturday before the message (as "since saturday")
        self.weekend = sorted({tuple(tokens(plain(w))) for w in weekend_words or []}, key=len, reverse=True)
        self.last = {plain(w) for w in last_words or []}  # "since last tuesday", "desde a segunda passada"
        # A date in numbers ("since 3/3", "desde 10/11/2025") is read in the locale's order:
        # day first in en_GB and pt_PT, month first in en_US.
        pattern = get_date_format("short", babel_locale).pattern
        self.day_first = pattern.find("d") < pattern.find("M")
        self.since = sorted({tuple(without_accents(w) for w in plain(w).split()) for w in since_words},
                            key=len, reverse=True)
        self.events = {tuple(plain(w).split()): (event.month, event.day) for event in events for w in event.words}
        self.joining = {plain(w) for w in joining_words}  # "3 de março": the "de"
        # "mid November", "late october", "meados de novembro": the month from its part's day
        self.month_parts = sorted(((tuple(without_accents(t) for t in tokens(plain(w))), part.day)
                                   for part in month_parts or [] for w in part.words), key=lambda p: -len(p[0]))
        self.endings = {plain(w) for w in ordinal_endings}  # "the 3rd": the "rd"
        self.last_year = sorted({tuple(without_accents(t) for t in tokens(plain(w))) for w in last_year_words or []},
                                key=len, reverse=True)
        self.days_alone = False  # a day of the month said alone is a date (`led_by`)

    def led_by(self, lead_words: list[str], plain: Callable[[str], str]) -> DatesSaid:
        """The same dates, led by other words: "due on 20 January", "DPP 20/01"."""
        other = copy(self)
        other.days_alone = True  # "due the 10th", "previsto para dia 10": the next 10th
        other.since = sorted({tuple(without_accents(t) for t in tokens(plain(w))) for w in lead_words},
                             key=len, reverse=True)
        return other

    def find(self, words: list[str]) -> list[DateSaid]:
        """Every "since <date>" in `words`."""
        found = []
        bare = [without_accents(word) for word in words]  # "previsao do parto é pra": typed with or without
        for at in range(len(words)):
            for lead in self.since:  # longest first: "desde o dia 3 de março", then "desde o natal"
                led = tuple(bare[at:at + len(lead)]) == lead
                said = self._date_at(words, at + len(lead)) if led else None
                if said is not None:
                    found.append(self._in_the_year_before(words, DateSaid(at, *said)))
                    break
                weekday = self._weekday_at(words, at + len(lead)) if led else None
                if weekday is not None:
                    # a day of the week has no month or day of its own: counted back from today
                    found.append(DateSaid(at, weekday[0], month=0, day=0, year=None, weekday=weekday[1]))
                    break
        return found

    def alone(self, words: list[str]) -> DateSaid | None:
        """A date that is the whole of `words`, with no word leading to it: "mid november",
        "christmas", "last monday" typed as the answer to how long (session 29). A month or an
        event is needed, or a day of the week said as the last one: "3rd", "monday" and
        "weekend" alone may be when it hurts, not since when."""
        words = [word for word in words if word not in ".!"]
        said = self._date_at(words, 0) if words else None
        # (a word in it: "2/12" alone is a note's two months, no 2 December)
        if said is not None and said[1] and any(word.isalpha() for word in words):
            dated = self._in_the_year_before(words, DateSaid(0, *said))
            if dated.end == len(words):
                return dated
        if len(words) == 2 and words[0] in self.last and words[1] in self.weekdays:  # "last monday"
            return DateSaid(0, 2, month=0, day=0, year=None, weekday=self.weekdays[words[1]])
        return None

    def _in_the_year_before(self, words: list[str], said: DateSaid) -> DateSaid:
        """`said` followed by words that put it in the year before ("november last year", "em
        março do ano passado"; ui.yaml `last_year_words`), with no year of its own said."""
        if said.year is not None or said.weekday is not None:
            return said
        for phrase in self.last_year:
            if tuple(without_accents(w) for w in words[said.end:said.end + len(phrase)]) == phrase:
                return DateSaid(said.start, said.end + len(phrase), said.month, said.day, None, year_before=True)
        return said

    def a_year_alone(self, words: list[str]) -> bool:
        """ "since 2025", "desde 2024": a year said with no month, too rough to count from."""
        return any(tuple(words[at:at + len(lead)]) == lead and at + len(lead) < len(words)
                   and _YEAR.match(words[at + len(lead)]) is not None
                   for at in range(len(words)) for lead in self.since)

    def _weekday_at(self, words: list[str], at: int) -> tuple[int, int] | None:
        """The day of the week said from `at` ("last tuesday", "segunda passada"): (end,
        weekday) or None."""
        at = self._past(words, at, self.last)
        weekend = next((phrase for phrase in self.weekend if tuple(words[at:at + len(phrase)]) == phrase), None)
        if weekend is not None:
            return self._past(words, at + len(weekend), self.last), _SATURDAY
        if at >= len(words) or words[at] not in self.weekdays:
            return None
        return self._past(words, at + 1, self.last), self.weekdays[words[at]]

    def weeks_since(self, said: DateSaid, today: date) -> float | None:
        """Weeks from the date to `today`, or None: a date to come, or no such day. A day of
        the week is the last one before today ("since sunday" on a Sunday is a week)."""
        if said.weekday is not None:
            return round(((today.weekday() - said.weekday) % DAYS_PER_WEEK or DAYS_PER_WEEK) / DAYS_PER_WEEK, 1)
        year = said.year if said.year is not None else today.year - said.year_before
        try:
            if said.month == 0:  # a day of the month alone ("since the 20th"): this month's, or the last
                then = date(today.year, today.month, said.day) if said.day <= today.day else (
                    date(today.year - (today.month == 1), (today.month - 2) % 12 + 1, said.day))
            else:
                then = date(year, said.month, said.day)
                if said.year is None and then > today:
                    then = date(year - 1, said.month, said.day)
        except ValueError:  # "since 31 February"
            return None
        if then > today:
            return None
        return round((today - then).days / DAYS_PER_WEEK, 1)

    def weeks_until(self, said: DateSaid, today: date) -> float | None:
        """Weeks from `today` to the date, one to come ("due on 20 January": with no year
        said, the next such day on or after today); negative for a date with its year that
        has passed. None for a day of the week, or no such day."""
        if said.weekday is not None:
            return None
        year = said.year if said.year is not None else today.year
        try:
            if said.month == 0:  # a day of the month alone: this month's, or the next month's
                then = date(today.year, today.month, said.day) if said.day >= today.day else (
                    date(today.year + today.month // 12, today.month % 12 + 1, said.day))
            else:
                then = date(year, said.month, said.day)
                if said.year is None and then < today:
                    then = date(year + 1, said.month, said.day)
        except ValueError:  # "due on 31 February"
            return None
        return round((then - today).days / DAYS_PER_WEEK, 1)

    def _date_at(self, words: list[str], at: int) -> tuple[int, int, int, int | None] | None:
        """The date said from `at`: (end, month, day, year) or None. "christmas", "march",
        "march 3rd", "3 march", "the 3rd of march", "3 de março", "março de 2025"."""
        for phrase, (event_month, event_day) in sorted(self.events.items(), key=lambda item: -len(item[0])):
            if tuple(words[at:at + len(phrase)]) == phrase:
                return at + len(phrase), event_month, event_day, None
        numbers = self._in_numbers(words, at)
        if numbers is not None:
            return numbers
        bare = [without_accents(word) for word in words]
        for phrase, part_day in self.month_parts:  # "mid november", "finais de outubro"
            after = at + len(phrase)
            if tuple(bare[at:after]) == phrase and after < len(words) and words[after] in self.months:
                year_at = self._past(words, after + 1, self.joining)
                if year_at < len(words) and _YEAR.match(words[year_at]):
                    return year_at + 1, self.months[words[after]], part_day, int(words[year_at])
                return after + 1, self.months[words[after]], part_day, None
        position, day = at, self._day(words[at]) if at < len(words) else None
        if day is not None:  # "3 march", "the 3rd of march", "1º de outubro"
            position = self._past(words, self._past(words, position + 1, self.endings), self.joining)
        if position >= len(words) or words[position] not in self.months:
            # "due the 10th": a day alone, the next such day (month 0), where such dates are read;
            # "since the 20th": one said as a day, with its ordinal's ending, the last such day
            ordinal = day is not None and (words[at] != str(day) or position > at + 1)
            if (self.days_alone or ordinal) and day is not None and 1 <= day <= 31:
                return position, 0, day, None
            return None
        month, position = self.months[words[position]], position + 1
        if day is None and position < len(words) and self._day(words[position]) is not None:  # "march 3rd"
            day, position = self._day(words[position]), self._past(words, position + 1, self.endings)
        year = None
        after = self._past(words, position, self.joining)
        if after < len(words) and _YEAR.match(words[after]):  # "march 2025", "março de 2025"
            year, position = int(words[after]), after + 1
        if day is not None and not 1 <= day <= 31:
            return None
        return position, month, day or 1, year

    def _in_numbers(self, words: list[str], at: int) -> tuple[int, int, int, int | None] | None:
        """ "3/3", "10/11/2025" (the slashes are not words): (end, month, day, year) or None."""
        parts: list[int] = []
        while at + len(parts) < len(words) and len(parts) < 3 and words[at + len(parts)].isdigit():
            parts.append(int(words[at + len(parts)]))
        if len(parts) < 2:
            return None
        day, month = (parts[0], parts[1]) if self.day_first else (parts[1], parts[0])
        year = parts[2] if len(parts) == 3 and _YEAR.match(str(parts[2])) else None
        if not (1 <= day <= 31 and 1 <= month <= 12) or (len(parts) == 3 and year is None):
            return None
        return at + len(parts), month, day, year

    def _day(self, word: str) -> int | None:
        """The day a word gives: "3", or glued to its ordinal's ending ("1º", read "1o")."""
        digits = word.rstrip("".join(self.endings))
        if _DAY.match(digits) and word[len(digits):] in {"", *self.endings}:
            return int(digits)
        return None

    @staticmethod
    def _past(words: list[str], at: int, skipped: set[str]) -> int:
        """The first position from `at` whose word is not one of `skipped`."""
        while at < len(words) and words[at] in skipped:
            at += 1
        return at
