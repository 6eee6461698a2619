"""Finding an option's words in what a person typed: whole words, negation, typos.

Who calls it: flows.answers. For one question, a PhraseIndex knows every label and synonym
of every option (content/questions.yaml) and finds them in free text: "bone marrow edema
and a small effusion" holds two MRI findings; "no fracture seen" holds a negated one;
"rihgt" is "right" with two letters swapped (rapidfuzz: Damerau-Levenshtein, a transposition
counts as one edit). Very short words ("l", "r", "y") count only as the whole answer or a
whole clause ("F, 34"), so a stray letter inside a sentence picks nothing. A slip is looked
for only where it cannot be a real word: never in a word the language's content uses
("hip" is not a slip of "him", nor "não se" of "não sei"), and never towards a phrase of
fewer than four letters except by two letters swapped ("yse"): a letter changed, added or
dropped is too often another word ("hey" and "her", "get" and "gent").
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import DamerauLevenshtein

# A number glued to a word is two words ("6kg", "10mins"), on both sides of a match.
_TOKEN = re.compile(r"\d+(?=[^\W\d_]{2})|[\w'’]+|[<>+#±]|[,;.!?:()]")
# One letter stays with its number ("38c", "5k"), but alone in its clause it may be a short
# answer written the clinicians' way: "58M", "34F" are age and sex.
_NUMBER_AND_LETTER = re.compile(r"([0-9]{1,3})([^\W\d_])")


def letter_apart(word: str) -> tuple[str, ...]:
    """A number and the one letter glued to it as two words ("58m": an age and a sex)."""
    glued = _NUMBER_AND_LETTER.fullmatch(word)
    return glued.groups() if glued else (word,)

_PUNCTUATION = frozenset(",;.!?:()")
CLAUSE_PUNCTUATION = _PUNCTUATION  # a clause ends here: a negation before it does not reach past it
SHORT = 1  # phrases of at most this many characters match only the whole answer
# A phrase shorter than this is reached only by two letters swapped ("yse" for "yes"): one
# letter changed, added or dropped makes another word too often ("hey"/"her", "hip"/"him").
TYPO_SHORTEST = 4
# Beside words found as typed, a slip is looked for only in words this long: "the" is one
# edit from "thr" and "hip" from "hit", but "efusion" is a typo of "effusion".
LEFTOVER_TYPO = 5
# A word of at least this many letters may be typed as it sounds, its vowels spelled another
# way in two places, its consonants as they are ("femail" for "female", "anemeia" for "anemia").
SOUNDED_SLIP_SHORTEST = 5
_VOWELS = frozenset("aeiouyáàâãéêèíìóòôõúùü")
# A long name that names an item alone (a medicine) is read through a slip in passing from
# this many letters (flows/answers.py `_long_names_mended`); shorter words are too near others.
LONG_NAME_SLIP = 8
# ...and a word held in passing for a question taken when heard ("pregnant", "postpartum"),
# from this many letters, one edit away and nearer no other word ("pregnat 31 weeks": session 29)
HELD_WORD_SLIP = 7
# A one-word phrase is matched without its accents only from this many letters ("febre",
# "ressonância"): shorter words differ by an accent too often ("é"/"e", "pôr"/"por").
PLAIN_LETTERS_SHORTEST = 5


@dataclass(frozen=True)
class Match:
    options: tuple[int, ...]  # usually one; a word two options share ("raised") names both
    start: int  # token positions
    end: int
    negated: bool
    negator: int | None = None  # the position of the word that negates it

    @property
    def option(self) -> int:
        return self.options[0]


@dataclass(frozen=True)
class Language:
    """The words that shape meaning in one language (content/ui.yaml `understanding`)."""

    negations: frozenset[str]  # "no", "without", "nil" ...: deny the words right after them
    clause_breaks: frozenset[str]  # "but", "although" ...
    fillers: tuple[str, ...]  # "i think", "um" ... removed before matching
    # "not", "never", "dont", "não": they deny the verb, so they reach further into the clause
    # ("don't think I've had a fever", "doesn't make it worse"); so does a word with one of
    # the `negation_suffixes` ("n't").
    clause_negations: frozenset[str] = frozenset()
    negation_suffixes: tuple[str, ...] = ()
    # Phrases with a negation word that deny nothing: "I don't know" ("not sure if I had a
    # fever") and "a não ser quando" ("unless").
    idioms: tuple[tuple[str, ...], ...] = ()
    joiners: frozenset[str] = frozenset()  # "and", "e": a clause negation's long reach stops there
    window: int = 3  # a negation this many words before a phrase negates it
    clause_window: int = 5  # a clause negation, this many
    # Hedges that deny what comes just before them, in its clause: "AVN less likely",
    # "fracture not seen", "necrose pouco provável" (at most `window` words after it).
    after_negations: tuple[tuple[str, ...], ...] = ()
    # ...and a negation closing its clause right after the phrase: "diabetes não, ...", "caí não".
    closing_negations: tuple[tuple[str, ...], ...] = ()
    closing_negation_gaps: frozenset[str] = frozenset()  # ":", "?", "sx": between the phrase and it
    # The ways of saying "don't know": one right after a phrase leaves it unsaid ("febre não
    # sei", "fever? not sure", "febre não medi"), neither said nor denied.
    unsure: tuple[tuple[str, ...], ...] = ()
    # "or", "nor", "ou": a denial reaches every phrase of a list they join ("No subchondral
    # fracture line or double line sign" denies the double line sign too).
    alternatives: frozenset[str] = frozenset()
    # "denies", "nega": a verb of denial reaches every phrase of the list after it, joined by
    # commas or by `list_ands` too ("denies trauma, wt loss, night pain"; "nega perda de peso
    # e dor noturna"), as a "no" reaches a series that ends in "or" ("no trauma, weight loss
    # or night pain").
    listing_denials: frozenset[str] = frozenset()
    list_ands: frozenset[str] = frozenset()
    # Words of a clinician's note that leave a short answer alone in its clause: "Pt 41M".
    note_words: frozenset[str] = frozenset()
    # A number glued to a letter at a note's head is an age from here ("52F R groin"), not
    # the distance of "10m walk" (ui.yaml `glued_age_at_least`, shared with flows/who_is_asked.py).
    glued_age_at_least: int = 0
    # "whether", and "if" a few words after "know"/"tell": they open what is not known
    # (ui.yaml `whether_words`, `if_words`, `knowing_words`).
    whether_words: frozenset[str] = frozenset()
    if_words: frozenset[str] = frozenset()
    knowing_words: frozenset[str] = frozenset()
    # "s", "es": a phrase's word typed singular for plural or the other way is a slip of it
    # ("veio aos pouco" is "aos poucos"), though the word typed is itself a word of the language.
    plural_endings: tuple[str, ...] = ()

    def unsure_at(self, words: list[str], at: int) -> bool:
        """A way of saying "don't know" of two words or more begins at `at` ("não sei", "not
        sure"); one word ("maybe") may hedge a finding said all the same."""
        return any(len(unsure) > 1 and tuple(words[at:at + len(unsure)]) == unsure for unsure in self.unsure)

    def opens_whether(self, words: list[str], at: int) -> bool:
        """The word at `at` opens what is asked or not known: "whether", or an "if" at most
        `window` words after a word of knowing or telling ("can't tell us if he fell")."""
        word = words[at]
        return word in self.whether_words or (
            word in self.if_words and any(w in self.knowing_words for w in words[max(0, at - self.window):at]))

    def unsure_in(self, words: list[str]) -> bool:
        """`words` hold a way of saying "don't know" of two words or more."""
        return any(self.unsure_at(words, at) for at in range(len(words)))


def glued_age(word: str, letters: frozenset[str] | None, at_least: int) -> bool:
    """An adult's age and one letter written as one word ("65f", "42a"); `letters`: the
    letters allowed (None: any)."""
    parts = letter_apart(word)
    return len(parts) == 2 and (letters is None or parts[1] in letters) and adults_age(word, at_least)


def adults_age(word: str, at_least: int) -> bool:
    """"62" or "62a": a whole number of at least `at_least` (an adult's age), bare or glued
    to its letter; not the Ethiopic digits that str.isdigit also takes."""
    digits = letter_apart(word)[0]
    return digits.isascii() and digits.isdigit() and int(digits) >= at_least


def _sounded_alike(typed: str, meant: str) -> bool:
    """`typed` is `meant` spelled as it sounds: the same consonants in the same order, at
    most two edits apart, all of them in vowels or in where a consonant stands among them."""
    def consonants(word: str) -> str:
        return "".join(ch for ch in word if ch not in _VOWELS)
    return abs(len(typed) - len(meant)) <= 1 and DamerauLevenshtein.distance(typed, meant) <= 2 \
        and consonants(typed) == consonants(meant) and len(consonants(meant)) >= 2


def _each_word_within_a_slip(typed: list[str], meant: list[str]) -> bool:
    """Each word is at most one edit from its own (two in words longer than 7 letters), or
    its own cut short ("came on quick"): "had a bad night" is not "had a baby", though the
    phrases are two edits apart."""
    return all(DamerauLevenshtein.distance(t, m) <= (1 if len(m) <= 7 else 2) or m.startswith(t)
               for t, m in zip(typed, meant, strict=True))


def tokens(text: str) -> list[str]:
    """Words and the punctuation that ends a clause (kept, so negation stops there)."""
    return _TOKEN.findall(text)


def token_spans(text: str) -> list[tuple[int, int]]:
    """Where each of `tokens(text)` is in `text`."""
    return [match.span() for match in _TOKEN.finditer(text)]


def _clauses(words: list[str]) -> list[tuple[int, int]]:
    """The (start, end) token positions of each clause: the words between punctuation."""
    spans, start = [], 0
    for index, word in enumerate([*words, "."]):
        if word in _PUNCTUATION:
            if index > start:
                spans.append((start, index))
            start = index + 1
    return spans


def listed_in(words: list[str], phrases: list[tuple[str, ...]]) -> bool:
    """One of `phrases` (each as its words) stands in `words`."""
    return any(tuple(words[i:i + len(p)]) == p for p in phrases if p for i in range(len(words)))


@lru_cache(maxsize=8192)  # the same few thousand words, read again at every question
def without_accents(word: str) -> str:
    """The word's letters without their accents: "não" is "nao", "pé" is "pe"."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))


def words_only(text: str) -> str:
    return " ".join(t for t in tokens(text) if t not in _PUNCTUATION)


class PhraseIndex:
    """Every phrase of one question's options, by token sequence."""

    def __init__(self, phrases: dict[str, tuple[int, ...]], language: Language,
                 denials: frozenset[int] = frozenset(), typos: bool = True,
                 known_words: frozenset[str] = frozenset(), everyday: frozenset[str] = frozenset()) -> None:
        self.language = language
        # The options whose words deny ("no fever", "não tenho", "None of these"): a negation
        # inside one of their phrases still denies what follows ("não tenho psoríase"),
        # while one inside another option's phrase is part of it ("can't move it and it's
        # hot": the "can't" is the item, it does not deny the heat).
        self.denials = denials
        self.whole: dict[str, tuple[int, ...]] = {}
        self.by_tokens: dict[tuple[str, ...], tuple[int, ...]] = {}
        for phrase, options in phrases.items():
            key = words_only(phrase)
            if not key:
                continue
            self.whole[key] = options
            # (a sign is no letter of a word: "#", a fracture, is read anywhere: "no # seen")
            if len(key) > SHORT or not key.isalnum():
                self.by_tokens[tuple(key.split())] = options
        # The same phrases with their accents dropped, for words typed with some accents and
        # not others ("nao consigo pôr o pé no chão"); only phrases of two words or more, or
        # one long word, and none whose plain letters two phrases of different options share
        # ("é" and "e" stay apart).
        self.by_plain_letters: dict[tuple[str, ...], tuple[int, ...]] = {}
        clashes: set[tuple[str, ...]] = set()
        for phrase_words, options in self.by_tokens.items():
            if len(phrase_words) < 2 and len(phrase_words[0]) < PLAIN_LETTERS_SHORTEST:
                continue
            plain = tuple(without_accents(word) for word in phrase_words)
            if self.by_plain_letters.setdefault(plain, options) != options:
                clashes.add(plain)
        for plain in clashes:
            del self.by_plain_letters[plain]
        self.longest = max((len(t) for t in self.by_tokens), default=1)
        self.vocabulary = frozenset(word for key in self.whole for word in key.split())  # every word of every phrase
        self.one_word = frozenset(key for key in self.whole if " " not in key)  # "female", "f": whole answers in a word
        # typos=False: only what is typed as written (a second language tried as a fallback
        # must not turn English "now" into Portuguese "não").
        self.fuzzy_pool = [(" ".join(key), len(key), options) for key, options in self.by_tokens.items()
                           if len(" ".join(key)) >= 3] if typos else []
        # The words of the language (all of its content): a word typed as one of them is that
        # word, not a slip of another.
        self.known_words = known_words
        # Everyday words a letter away from an option's word ("bath", "both"): in a sentence
        # they are themselves; typed alone as the answer, a slip.
        self.everyday = everyday

    def whole_answer(self, text: str) -> tuple[int, ...] | None:
        return self.whole.get(words_only(text))

    def find(self, text: str, around: list[Match] | None = None) -> list[Match]:
        """Every phrase in `text`, longest first and not overlapping, each marked if negated.
        `around`: phrases found in it already (another question's answers): a negation inside
        one of them belongs to it ("can't" in "can't stand on my right leg")."""
        words = tokens(text)
        plain = [without_accents(word) for word in words]
        taken = [False] * len(words)
        found: list[Match] = []
        for size in range(min(self.longest, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                if any(taken[start:start + size]):
                    continue
                options = self.by_tokens.get(tuple(words[start:start + size]))
                if options is None:
                    options = self.by_plain_letters.get(tuple(plain[start:start + size]))
                if options is None or (size > 1 and self.language.unsure_at(words, start + size - 1)):
                    continue  # "febre não sei": the "não" is the "don't know"'s, no "febre não"
                taken[start:start + size] = [True] * size
                found.append(Match(options, start, start + size, False))
        for start, end in _clauses(words):  # "F, 34", "58 M": a short word alone in its clause, numbers aside
            # ...and the words a clinician's note puts around them ("Pt 41M", "41 yo M")
            # ...and an age glued to a letter that answers nothing here ("F 62A": 62 anos)
            lone = [i for i in range(start, end) if not words[i].isdigit() and words[i] not in self.language.note_words
                    and not (glued_age(words[i], None, self.language.glued_age_at_least)
                             and letter_apart(words[i])[-1] not in self.whole)]
            # ...but not a decimal's end: the "f" of "T 100.8F" is Fahrenheit, no sex
            decimal = bool(lone) and lone[0] >= 2 and words[lone[0] - 1] in ".," and words[lone[0] - 2].isdigit()
            # ...or an age and a sex glued at the head of a note's clause: "Pt 41M L hip pain 3/52"
            head = min((i for i in range(start, end) if words[i] not in self.language.note_words), default=-1)
            glued = bool(lone) and glued_age(words[lone[0]], None, self.language.glued_age_at_least) and lone[0] == head
            # ...or with a space between them: "28 F left hip pain 2/12", "F 62A dor no quadril"
            at_least = self.language.glued_age_at_least
            # (the age's note words between them too: "44 yo F c/o L hip pain", "44 y/o F")
            glued = glued or (bool(lone) and lone[0] > head >= 0 and words[head].isdigit()
                              and all(w in self.language.note_words for w in words[head + 1:lone[0]])
                              and adults_age(words[head], at_least) and len(words[lone[0]]) == 1)
            glued = glued or (bool(lone) and lone[0] == head and len(words[head]) == 1 and head + 1 < end
                              and adults_age(words[head + 1], at_least))
            if (len(lone) == 1 or glued) and not taken[lone[0]] and not decimal:
                word = letter_apart(words[lone[0]])[-1]
                options = self.whole.get(word)
                if options is not None and len(word) <= SHORT:
                    found.append(Match(options, lone[0], lone[0] + 1, False))
        return self._negated(words, found, around)

    def find_with_typos(self, text: str) -> list[Match]:
        """`find`, then the words it left over read for typos ("bone marow edema and a small
        efusion": the oedema is found as typed, the effusion only with its slip)."""
        exact = self.find(text)
        return sorted(exact + self.fuzzy(text, around=exact, shortest=LEFTOVER_TYPO), key=lambda m: m.start)

    def fuzzy(self, text: str, around: list[Match] | None = None, shortest: int = 3) -> list[Match]:
        """Phrases typed with a slip: at most one edit in short words, two in longer ones;
        none overlapping the matches `around` (found already), which are not returned, and
        none shorter than `shortest` characters."""
        words = tokens(text)
        found: list[Match] = list(around or [])
        for size in range(min(3, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                typed = " ".join(words[start:start + size])
                if len(typed) < shortest or _PUNCTUATION.intersection(words[start:start + size]) or any(
                        start < m.end and start + size > m.start for m in found):
                    continue
                if all(word in self.known_words for word in words[start:start + size]):
                    # words of the language are themselves, not slips: but one of a phrase's
                    # words with its plural ending off or on is that phrase ("aos pouco")
                    agreed = self._plural_slip(words[start:start + size])
                    if agreed is not None:
                        found.append(Match(agreed, start, start + size, False))
                    continue
                if size < sum(w not in _PUNCTUATION for w in words) \
                        and all(word in self.everyday for word in words[start:start + size]):
                    continue
                best = self._closest(typed, size)
                if best is not None:
                    found.append(Match(best, start, start + size, False))
        return self._negated(words, found[len(around or []):], around or [])

    def _plural_slip(self, typed: list[str]) -> tuple[int, ...] | None:
        """The options of the one phrase of two words or more that `typed` is, but for a word
        or more with a plural ending (`Language.plural_endings`) left off or added: "aos pouco"
        is "aos poucos"; at least one word is as typed, so "um pouco" is not "aos poucos"."""
        endings = self.language.plural_endings
        if len(typed) < 2 or not endings:
            return None

        forms = [[word, *(word + e for e in endings), *(word[:-len(e)] for e in endings
                                                        if word.endswith(e) and len(word) > len(e) + 1)]
                 for word in typed]
        candidates = {options for phrase in itertools.product(*forms)
                      if phrase != tuple(typed) and any(w == m for w, m in zip(typed, phrase, strict=True))
                      and (options := self.by_tokens.get(phrase)) is not None}
        return candidates.pop() if len(candidates) == 1 else None

    def _closest(self, typed: str, size: int) -> tuple[int, ...] | None:
        """The options of the one phrase within reach of a typo: the same first letter in
        every word (slips rarely change it: "walking or" is not "walking far"), one edit in
        words of up to 7 letters, two in longer ones."""
        allowed = 1 if len(typed) <= 7 else 2
        typed_words = typed.split(" ")
        initials = [word[0] for word in typed_words]
        candidates = {options for phrase, count, options in self.fuzzy_pool
                      if count == size and [word[0] for word in phrase.split(" ")] == initials
                      and abs(len(phrase) - len(typed)) <= allowed
                      and DamerauLevenshtein.distance(typed, phrase) <= allowed
                      and _each_word_within_a_slip(typed_words, phrase.split(" "))
                      and (len(phrase) >= TYPO_SHORTEST or sorted(phrase) == sorted(typed))}
        if not candidates and size == 1 and len(typed) >= SOUNDED_SLIP_SHORTEST:
            # ...or one word typed as it sounds: "femail, 34" (the same consonants in order)
            candidates = {options for phrase, count, options in self.fuzzy_pool
                          if count == 1 and phrase[0] == typed[0] and _sounded_alike(typed, phrase)}
        return candidates.pop() if len(candidates) == 1 else None

    def _negated(self, words: list[str], found: list[Match], around: list[Match] | None = None) -> list[Match]:
        """`found` in order, each marked with the negation that reaches it, if any."""
        part_of_item = {i for m in (*found, *(around or [])) if m.end - m.start > 1
                        and not self.denials.intersection(m.options) for i in range(m.start, m.end)}
        marked: list[Match] = []
        ordered = sorted(found, key=lambda m: m.start)
        for match in ordered:
            if self.language.unsure_at(words, self._past_gaps(words, match.end)):
                continue  # "fever? not sure", "febre não medi": neither said nor denied
            # A denial is not turned around by another ("não tive febre nenhuma", "não, nada").
            denial = set(match.options) <= self.denials
            negator = None if denial else self._negator(words, match.start, part_of_item)
            if negator is None and not denial:
                negator = self._hedge_after(words, match.end, part_of_item)
            if negator is None and not denial and marked and marked[-1].negated and (self._listed_after(
                    words, marked[-1].end, match.start) or self._in_a_denied_list(words, marked[-1], match, ordered)):
                negator = marked[-1].negator
            # ...and so does an answer that is itself a "not": "not pregnant or breastfeeding"
            # denies the breastfeeding too (user test en 26: asked which of the two)
            if negator is None and not denial and marked and not marked[-1].negated and (
                    words[marked[-1].start] in self.language.negations
                    or words[marked[-1].start] in self.language.clause_negations) and self._listed_after(
                    words, marked[-1].end, match.start):
                negator = marked[-1].start
            marked.append(Match(match.options, match.start, match.end, negator is not None, negator))
        return marked

    def negated_at(self, words: list[str], start: int) -> bool:
        """A negation reaches the word at `start` ("I haven't been dieting")."""
        return self._negator(words, start, set()) is not None

    def denied_in_a_list(self, words: list[str], match: Match, found: list[Match]) -> bool:
        """`match` (found by other means: its parts said together) stands in a list after a
        denied phrase of `found` ("denies trauma, wt loss, night pain")."""
        ordered = sorted([m for m in found if m.end <= match.start or m.start >= match.end] + [match],
                         key=lambda m: m.start)
        at = ordered.index(match)
        return at > 0 and ordered[at - 1].negated and (
            self._listed_after(words, ordered[at - 1].end, match.start)
            or self._in_a_denied_list(words, ordered[at - 1], match, ordered))

    def _in_a_denied_list(self, words: list[str], denied: Match, match: Match, ordered: list[Match]) -> bool:
        """`match` follows the `denied` one in one list: after a verb of denial ("denies A, B
        and C"), joined by commas, "and" or "or"; after any negation, in a series of commas
        that ends in "or" ("no A, B or C"; not "no trauma, night pain", which may say it)."""
        commas = frozenset({","})
        verb = denied.negator is not None and words[denied.negator] in self.language.listing_denials
        joining = commas | self.language.alternatives | (self.language.list_ands if verb else frozenset())
        between = words[denied.end:match.start]
        if not between or not all(w in joining for w in between):
            return False
        if verb:
            return True
        later = [m for m in ordered if m.start >= match.end]
        end = match.end
        for following in later:  # the series goes on to an "or" before its last phrase
            gap = words[end:following.start]
            if not gap or not all(w in joining for w in gap):
                return False
            if any(w in self.language.alternatives for w in gap):
                return True
            end = following.end
        return False

    def _listed_after(self, words: list[str], end: int, start: int) -> bool:
        """Only "or" / "nor" (and commas) between a denied phrase and this one: one list."""
        between = words[end:start]
        return bool(between) and any(w in self.language.alternatives for w in between) and all(
            w in self.language.alternatives or w == "," for w in between)

    def _negator(self, words: list[str], start: int, part_of_item: set[int]) -> int | None:
        """The negation that reaches the phrase at `start`, within its clause: a short reach
        for "no"/"without", a longer one for "not"/"don't" (but not past "and": "I don't
        sleep well and lost weight"); none inside an idiom or another item's phrase."""
        language = self.language
        joined = False
        for position in range(start - 1, max(0, start - max(language.window, language.clause_window)) - 1, -1):
            word = words[position]
            # a negation before "whether" denies the knowing, not what is not known
            if word in language.clause_breaks or word in _PUNCTUATION or language.opens_whether(words, position):
                return None
            joined = joined or word in language.joiners
            distance = start - position
            reach = language.window if joined else language.clause_window
            denies = (distance <= language.window and word in language.negations) or (
                distance <= reach and (word in language.clause_negations or any(
                    word.endswith(suffix) for suffix in language.negation_suffixes)))
            if denies and position not in part_of_item and not self._in_idiom(words, position):
                return position
        return None

    def _past_gaps(self, words: list[str], at: int) -> int:
        """Past the gaps a note puts after a phrase (":", "?"), at most two."""
        end = at
        while at < min(len(words), end + 2) and words[at] in self.language.closing_negation_gaps:
            at += 1
        return at

    def _hedge_after(self, words: list[str], end: int, part_of_item: set[int]) -> int | None:
        """A hedge that denies the phrase ending at `end`, within its clause ("AVN less likely"),
        or a negation right after it that closes the clause ("diabetes não,", "fever: nil")."""
        language = self.language
        at = end
        while at < min(len(words), end + 2) and words[at] in language.closing_negation_gaps:
            at += 1
        for closing in language.closing_negations:
            after = at + len(closing)
            if tuple(words[at:after]) == closing and at not in part_of_item and (
                    after == len(words) or words[after] in language.clause_breaks or words[after] in _PUNCTUATION):
                return at
        for position in range(end, min(len(words), end + language.window + 1)):
            if words[position] in language.clause_breaks or words[position] in _PUNCTUATION:
                return None
            for hedge in language.after_negations:
                if tuple(words[position:position + len(hedge)]) == hedge and position not in part_of_item:
                    return position
        return None

    def _in_idiom(self, words: list[str], position: int) -> bool:
        for idiom in self.language.idioms:
            for first in range(max(0, position - len(idiom) + 1), position + 1):
                if tuple(words[first:first + len(idiom)]) == idiom:
                    return True
        return False
