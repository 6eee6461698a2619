"""Who the answers are about: the writer, or someone they write for.

Who calls it: flows.answers (AnswerReader), for the dialogue (`Session.for_someone_else`)
and for reading the sex (a relative named by a writer speaking of their own hip gives
none). The words are content (ui.yaml `understanding`); this module holds only how they
combine:

* A strong sign decides alone: "asking for my mum", a clinician's role ("GP here", "sou
  enfermeira"), a carer, a message that opens on the person ("she's 78", "Mum's hip",
  "Dad, 79", "Senhora idosa") or a note's glued age and sex standing apart ("65F, R hip").
* A weak sign, a relative named as one's own ("my husband's hip", "da minha mulher") or a
  person at the head of a later sentence ("we think it's her hip. Nan fell"), counts only
  if the writer does not speak as "I" ("my mum had the same and now I'm..."): a writer
  wrongly asked about "them" is worse than a relative asked as "you".
* Neither counts when the writer speaks of their own hip, age or pregnancy ("my left hip",
  "im 41", "tenho 45 anos", "made me come"): the writer is the patient.
"""

from __future__ import annotations

from collections.abc import Callable

from rapidfuzz.distance import DamerauLevenshtein

from flows.content_models import Understanding
from flows.phrases import CLAUSE_PUNCTUATION, glued_age, listed_in, token_spans, tokens

RELATIVE_REACH = 4  # how far before a relative its possessive may stand: "my 25 yo daughter"
SENTENCE_ENDS = frozenset(".!?:")
GLUED_CLAUSE_AT_MOST = 2  # "65F," or "H 42A,": a note's demographics stand nearly alone


def _phrases(words: list[str], plain: Callable[[str], str]) -> list[tuple[str, ...]]:
    return [tuple(tokens(plain(w))) for w in words]


class WhoIsAsked:
    """The signs, in one language, that a message is about someone other than its writer."""

    def __init__(self, understanding: Understanding, function_words: frozenset[str],
                 plain: Callable[[str], str]) -> None:
        def words(items: list[str]) -> frozenset[str]:
            return frozenset(plain(w) for w in items)

        self.plain = plain
        self.for_someone_else = _phrases(understanding.for_someone_else, plain)
        self.roles = words(understanding.roles)
        self.role_before = _phrases(understanding.role_before, plain)
        self.role_after = _phrases(understanding.role_after, plain)
        self.relatives = words(understanding.relatives)
        self.persons = words(understanding.persons)
        self.possessives = words(understanding.possessives)
        self.possessives_after = _phrases(understanding.possessives_after, plain)
        self.relatives_after_a_possessive = words(understanding.relatives_after_a_possessive)
        self.opens = words(understanding.opens_for_someone_else)
        self.clinician_words = _phrases(understanding.clinician_words, plain)
        self.clinician_opens = words(understanding.clinician_opens)
        self.note_shorthand = _phrases(understanding.note_shorthand, plain)
        self.note_durations = tuple(understanding.note_durations)
        self.note_queries = tuple(understanding.note_queries)
        self.sex_words = words(understanding.sex_words)
        self.baby_movements = words(understanding.baby_movements)
        self.babies = words(understanding.babies)
        self.baby_age_units = words(understanding.baby_age_units)
        self.baby_age_after = _phrases(understanding.baby_age_after, plain)
        self.age_letters = words(understanding.age_letters)
        self.glued_age_at_least = understanding.glued_age_at_least
        self.writer_age_leads = _phrases(understanding.writer_age_leads, plain)
        self.writer_states = _phrases(understanding.writer_states, plain)
        self.for_the_writer = _phrases(understanding.for_the_writer, plain)
        self.writer_words = words(understanding.writer_words)
        self.for_myself = _phrases(understanding.for_myself, plain)
        self.function_words = function_words
        self.subject_changes = words(understanding.subject_changes)

    def words(self, text: str) -> list[str]:
        return tokens(self.plain(text))

    def for_someone_else_in(self, text: str) -> bool:
        words = self.words(text)
        if not words:
            return False
        if self._said_for_someone_else_last(words):  # "asking for my mum, she's 72 ... I'm 45": the writer's age
            return True
        if self.speaks_of_own_hip(words):
            return False
        strong = self._role(words) or self._opens_on_someone(words) or self._note_demographics(words, text)
        if strong:
            return True
        weak = bool(self.own_relatives(words)) or self._later_sentence_on_someone(words)
        return weak and not self.writer_words.intersection(words)

    def writer_said_in(self, text: str) -> bool:
        """The writer says who they are to the patient, by a role or in words that say so
        ("im his GP", "asking for my dad"): not by a pronoun nor a note ("he hit his head too",
        "52M"), which say something of the patient."""
        words = self.words(text)
        return bool(words) and (self._role(words) or listed_in(words, self.for_someone_else))

    def _said_for_someone_else_last(self, words: list[str]) -> bool:
        """The writer says they write for someone else, after anything said of their own
        hip or pregnancy: "sou enfermeira e estou grávida, mas escrevo pelo meu pai" is the
        father's; "asking for my own hip" and "asking for my mum, I've had the same" stay
        the writer's."""
        def starts(phrases: list[tuple[str, ...]]) -> list[tuple[int, int]]:
            return [(i, i + len(p)) for p in phrases if p for i in range(len(words))
                    if tuple(words[i:i + len(p)]) == p]
        own = starts(self.for_the_writer)
        return any(all(end <= at for _, end in own) for at, _ in starts(self.for_someone_else))

    def for_myself_in(self, text: str) -> bool:
        return listed_in(self.words(text), self.for_myself)

    def speaks_of_own_hip(self, words: list[str]) -> bool:
        """"my left hip", "made me come", "i'm 41", "tenho 45 anos": the writer is the patient."""
        if listed_in(words, self.for_the_writer):
            return True
        return any(tuple(words[i:i + len(lead)]) == lead and i + len(lead) < len(words)
                   and words[i + len(lead)].isdigit() for lead in self.writer_age_leads for i in range(len(words)))

    def own_relatives(self, words: list[str]) -> list[int]:
        """Where a relative is named as the writer's own: "my husband's", "my 25 yo daughter",
        "a anca da minha mulher", "um amigo meu", "Grandad's hip" (an 's is someone else's)."""
        found = []
        for i, word in enumerate(words):
            if word in self.relatives_after_a_possessive and i > 0 and words[i - 1] in self.possessives:
                found.append(i)  # "my bf has hip pain" ("bf yes" alone is breastfeeding)
                continue
            if self.noun(word) not in self.relatives or self._a_baby(words, i):
                continue
            before = words[max(0, i - RELATIVE_REACH):i]
            clause = before[max((j + 1 for j, w in enumerate(before) if w in CLAUSE_PUNCTUATION), default=0):]
            if (self.possessives.intersection(clause) or word.endswith(("'s", "’s"))
                    or any(tuple(words[i + 1:i + 1 + len(p)]) == p for p in self.possessives_after)):
                found.append(i)
        return found

    def _a_baby(self, words: list[str], at: int) -> bool:
        """The child named at `at` is given an age in days, weeks or months within a few
        words ("my son is 2 weeks old", "a minha filha tem 2 meses"): the writer's baby."""
        if words[at] not in self.babies:
            return False
        after = words[at + 1:at + 5]
        return any(word.isdigit() and i + 1 < len(after) and after[i + 1] in self.baby_age_units
                   for i, word in enumerate(after))

    def relatives_named(self, words: list[str]) -> set[int]:
        """Where a relative is named: as someone's own ("my mum"), or by a kinship word
        heading a sentence ("mum thinks it's nothing")."""
        # ("Mulher, 66 anos": a person's word heading a sentence is no one's relative)
        heads = {at for at in self._sentence_heads(words)
                 if self.noun(words[at]) in self.relatives and words[at] not in self.persons
                 and not self._a_baby(words, at)}
        return set(self.own_relatives(words)) | heads

    def said_of_relatives(self, text: str) -> list[tuple[int, int]]:
        """Where, in `text` as plain words, a clause speaks of a relative ("my son had a
        fever last week", "a minha mãe partiu a anca"): from the clause's start to its end
        (punctuation, or a word where the subject may change: "and my hip hurts")."""
        words = tokens(text)
        return self._clauses_around(text, self.relatives_named(words), unless_the_writer=True)

    def said_of_the_writer(self, text: str) -> list[tuple[int, int]]:
        """Where, in `text` as plain words, the writer answering for someone else gives their
        own age or state ("asking for my mum, she's 72... I'm 45", "estou grávida, mas
        escrevo pelo meu pai"): not the patient's."""
        words = tokens(text)
        own = {i + len(lead) for lead in self.writer_age_leads for i in range(len(words))
               if tuple(words[i:i + len(lead)]) == lead and i + len(lead) < len(words)
               and words[i + len(lead)].isdigit()}
        own |= {i for state in self.writer_states for i in range(len(words)) if tuple(words[i:i + len(state)]) == state}
        return self._clauses_around(text, own, at_any_subject_change=True)  # "I'm pregnant but asking for my mum"

    def _clauses_around(self, text: str, named: set[int], unless_the_writer: bool = False,
                        at_any_subject_change: bool = False) -> list[tuple[int, int]]:
        """The character spans of the clauses holding the words at `named`. A clause ends at
        punctuation, or where the writer takes the subject back ("... and my hip hurts", "e a
        minha mãe": not "and her MRI showed", still the sister's). `unless_the_writer`: a
        clause where the writer speaks as "I" is theirs ("I had my son 2 weeks ago").
        `at_any_subject_change`: the clause ends at any "but" or "and" ("I'm pregnant but
        asking for my mum": the mum is the patient)."""
        words, spans = tokens(text), token_spans(text)
        if not named:
            return []
        mine = self.writer_words | self.possessives
        ends = [i for i, w in enumerate(words) if (w in self.subject_changes
                                                   and (at_any_subject_change or mine.intersection(words[i + 1:i + 3])))
                or (w in CLAUSE_PUNCTUATION and not (0 < i < len(words) - 1 and words[i - 1].isdigit()
                                                     and words[i + 1].isdigit()))]  # not the point of "39.2"
        cut = []
        for at in sorted(named):
            start = max((e + 1 for e in ends if e < at), default=0)
            end = min((e for e in ends if e > at), default=len(words))
            if unless_the_writer and (self.writer_words.intersection(words[start:end])
                                      or listed_in(words[start:end], self.for_the_writer)):
                continue  # "I had my son 2 weeks ago", "tive meu filho há 1 mês": the writer's own
            if end < len(words) and words[end] in self.subject_changes:
                end += 1  # the "e" of "... e a minha mãe tem osteoporose" goes too: alone, it is "esquerda"
            cut.append((spans[start][0], spans[end - 1][1]))
        return cut

    def naming_a_relative(self, words: list[str]) -> bool:
        """`words` (a matched phrase) only name a relative: "my mum", "a minha mãe" (not "had my son")."""
        naming = self.possessives | self.relatives | self.function_words
        return all(self.noun(w) in naming for w in words)

    def near_a_relative(self, words: list[str]) -> bool:
        """A word one slip from a relative's ("bother" and brother, "falha" and filha): such a
        slip names no one's sex unless the message is about a relative."""
        return any(DamerauLevenshtein.distance(self.noun(word), relative) <= 1
                   for word in words for relative in self.relatives)

    def noun(self, word: str) -> str:
        """A relative's word without its possessive "'s" or "s" ("wife's", "wifes": wife)."""
        noun = word[:-2] if word.endswith(("'s", "’s")) else word
        return noun[:-1] if noun not in self.relatives and noun.endswith("s") and noun[:-1] in self.relatives else noun

    def _role(self, words: list[str]) -> bool:
        """A clinician's role said of the writer: "GP here", "physio asking", "sou enfermeira",
        "I'm a midwife", or opening the message ("Interno de ortopedia: ...")."""
        for i, word in enumerate(words):
            if word not in self.roles:
                continue
            if i == 0 or any(tuple(words[i + 1:i + 1 + len(tail)]) == tail for tail in self.role_after) or any(
                    tuple(words[max(0, i - len(lead)):i]) == lead for lead in self.role_before):
                return True
        return False

    def _glued_age(self, word: str) -> bool:
        """An adult's age and a sex (or "anos") written as one word: "65f", "42a" (not the
        "10m" of a distance)."""
        return glued_age(word, self.age_letters, self.glued_age_at_least)

    def _sentence_heads(self, words: list[str]) -> list[int]:
        """The first word of each sentence, past up to two articles ("the", "a"; not "my":
        "My son is driving me" opens on the writer)."""
        heads = []
        articles = self.function_words - self.possessives
        for start in [0, *(i + 1 for i, w in enumerate(words) if w in SENTENCE_ENDS)]:
            at = start
            while at < len(words) and at - start < 2 and words[at] in articles:
                at += 1
            if at < len(words):
                heads.append(at)
        return heads

    def _someone_word(self, word: str) -> bool:
        return self.noun(word) in self.relatives or word in self.persons

    def _opens_on_someone(self, words: list[str]) -> bool:
        """The message opens on the person: "she's 78", "Pt 41M", "Mum's hip", "Dad, 79" -
        and says something of them: "man", "a woman" or "homem" alone answers what the
        writer's sex is."""
        first = self._sentence_heads(words)[:1]
        if not first or not any(w.isalpha() and w not in self.function_words for w in words[first[0] + 1:]):
            return False
        if self._sex_then_age(words, first[0]):  # "mulher, 72 anos, dor na anca": the writer's own
            return False
        if words[first[0]] in self.opens and self.baby_movements.intersection(words):
            return False  # "ele ta mexendo pouco": the baby, in a pregnant writer's answer
        if words[first[0]] in self.opens and self._a_babys_age(words, first[0]):
            return False  # "she's 5 weeks old": the writer's baby (user test en 26)
        return words[first[0]] in self.opens or self._someone_word(words[first[0]]) or words[0] in self.opens

    def _a_babys_age(self, words: list[str], at: int) -> bool:
        """A number in days, weeks or months within a few words after `at`, then one of
        `baby_age_after` ("she's 5 weeks old")."""
        after = words[at + 1:at + 5]
        return any(word.isdigit() and i + 1 < len(after) and after[i + 1] in self.baby_age_units
                   and any(tuple(after[i + 2:i + 2 + len(end)]) == end for end in self.baby_age_after if end)
                   for i, word in enumerate(after))

    def _sex_then_age(self, words: list[str], at: int) -> bool:
        """A sex word, then (past a comma) a number: how one says one's own sex and age
        ("mulher, 30 anos"); with no article before it, past "de" too ("mulher de 30 anos",
        not "a woman of 70 fell", said of someone)."""
        if words[at] not in self.sex_words:
            return False
        linking = self.function_words if at == 0 else frozenset()
        after = [w for w in words[at + 1:at + 3] if w not in CLAUSE_PUNCTUATION and w not in linking]
        return bool(after) and after[0].isdigit()

    def by_a_clinician_in(self, text: str) -> bool:
        """A clinician writes for a patient: a role said ("GP here", "sou fisio") or a note's
        demographics ("65F, R hip", "H 52a, dor anca dta")."""
        words = self.words(text)
        return bool(words) and (self._role(words) or self._note_demographics(words, text)
                                or words[0] in self.clinician_opens
                                or listed_in(words, self.clinician_words))

    def names_a_relative(self, text: str) -> bool:
        """`text` names a relative, own or heading a sentence ("asking for my brother", "Mum
        fell"): answers given after it were about that person, not the writer."""
        return bool(self.relatives_named(self.words(text)))

    def _later_sentence_on_someone(self, words: list[str]) -> bool:
        # ...but a sex then an age opening it is the writer's own, after a greeting as at the
        # start ("oi. homem, 45 anos": user test pt-BR 19)
        return any(self._someone_word(words[at]) and not self._sex_then_age(words, at)
                   for at in self._sentence_heads(words)[1:])

    def _in_a_note(self, words: list[str], text: str) -> bool:
        """`text` is written as a clinician's note: its shorthand ("hx", "c/o"), a duration
        as notes write it ("3/52") or a query glued to a word ("?AVN")."""
        typed = text.casefold()
        return (listed_in(words, self.clinician_words) or listed_in(words, self.note_shorthand)
                or words[0] in self.clinician_opens
                or any(self._marked(typed, mark, before=str.isdigit, after=lambda c: not c.isdigit())
                       for mark in self.note_durations)
                or any(self._marked(typed, mark, before=lambda c: not c.isalnum(), after=str.isalpha)
                       for mark in self.note_queries))

    @staticmethod
    def _marked(typed: str, mark: str, before: Callable[[str], bool], after: Callable[[str], bool]) -> bool:
        """`mark` in `typed` with a character before it that `before` accepts ("" at the
        start) and one after it that `after` accepts ("" at the end): "3/52", " ?AVN"."""
        at = typed.find(mark)
        while at >= 0:
            end = at + len(mark)
            if before(typed[at - 1] if at else "") and after(typed[end] if end < len(typed) else ""):
                return True
            at = typed.find(mark, at + 1)
        return False

    def _note_demographics(self, words: list[str], text: str) -> bool:
        """A note's age and sex glued, opening it or standing (nearly) alone in a clause, in
        a message written as a note: "52F R groin pain, ?AVN", "L hip pain, 3/52, 41M" - not
        "can only walk 10m before the pain", not "22F, marathon training, groin pain 3 wks"
        (the writer's own: user test en 24), and not a message that says nothing else: "55F"
        or "F 62A" answers "how old are you?"."""
        if not any(len(w) > 1 and w.isalpha() and w not in self.function_words for w in words):
            return False
        if not self._in_a_note(words, text):
            return False
        if self._glued_age(words[0]):
            return not self.writer_words.intersection(words)
        start = 0
        for end, word in enumerate([*words, "."]):
            if word in CLAUSE_PUNCTUATION:
                clause = words[start:end]
                if 0 < len(clause) <= GLUED_CLAUSE_AT_MOST and any(self._glued_age(w) for w in clause):
                    return not self.writer_words.intersection(words)
                # ...or with a space between them, a clause of their own: "F 34, G2P1, 32/40, R hip
                # pain 3/52" (session 29: a GP's note was answered as the patient, "you")
                if len(clause) == 2 and (self._glued_age(clause[0] + clause[1])
                                         or self._glued_age(clause[1] + clause[0])):
                    return not self.writer_words.intersection(words)
                start = end + 1
        return False
