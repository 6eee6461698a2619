"""Which words of a message are said about which test.

Who calls it: flows.answers (`AnswerReader.heard_findings`). A first message often carries
results: "XR NAD, MRI: BMO femoral head, small effusion", "the x-ray was fine but the MRI
showed bone marrow oedema", "RX normal, RM com edema medular". Each finding belongs to the
test it is said about, so the words are shared out between the tests named:

* in a clause (between punctuation: commas, colons, full stops...) naming tests, the words before the first
  one are said about it ("normal x-ray", "no fracture on x-ray"), and the words after each
  about it until the next ("xray normal and mri shows bmo");
* a clause naming none goes with the test named last before it ("MRI: BMO femoral head,
  small effusion", "Relatório da RM: 'Edema... Pequeno derrame.'"), never with one named
  after it: what comes before the first test ("left hip pain for 6 weeks, MRI says...")
  is about something else. Not past a question or an exclamation mark: "MRI normal.
  ?fracture" asks, it does not report; nor is a clause that asks ("did the MRI show
  oedema?") said about any test;
* tests named together, joined only by words such as "and" ("xray and mri were both
  normal", "RX e RM normais"), share what is said after the last of them: one result
  said of both;
* a test a report compares with ("Comparison: radiograph two weeks ago, normal.
  Findings: ...") keeps only its own clause: the findings after it are the report's.

Pure: words in, positions out.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from flows.phrases import CLAUSE_PUNCTUATION

QUESTION_ENDS = frozenset("!?")  # of the clause punctuation, what ends a question or an exclamation


@dataclass(frozen=True)
class Mention:
    """One test named in the message: the questions that ask about it ("bloods": the CRP
    and the white cell count), none for a test that no question asks about (an
    ultrasound, a CT), whose findings belong to no question."""

    tests: tuple[str, ...]
    start: int  # token positions of the words naming it
    end: int


@dataclass(frozen=True)
class SaidAbout:
    """The words said about one mention: its own clause's share (`own`), then the clauses
    that name no test and follow it (`after`), each a list of positions."""

    mention: Mention
    own: list[int]
    after: list[list[int]]


def find_mentions(words: list[str], names: dict[tuple[str, ...], tuple[str, ...]]) -> list[Mention]:
    """The tests named in `words`, longest name first ("bone scan" before "scan")."""
    longest = max((len(name) for name in names), default=0)
    found: list[Mention] = []
    at = 0
    while at < len(words):
        for size in range(min(longest, len(words) - at), 0, -1):
            tests = names.get(tuple(words[at:at + size]))
            if tests is not None:
                found.append(Mention(tests, at, at + size))
                at += size
                break
        else:
            at += 1
    return found


def share_out(words: list[str], mentions: list[Mention], each: tuple[tuple[str, ...], ...] = (),
              comparing: tuple[tuple[str, ...], ...] = (), joiners: AbstractSet[str] = frozenset(),
              before_a_test: AbstractSet[str] = frozenset()) -> list[SaidAbout]:
    """What each mention has said about it (see the module's docstring). A clause naming no
    test that begins with one of `each` ("both normal") goes with every test of the clause
    before it ("X-ray and bloods, both normal"). A test named after one of `comparing` in
    its clause ("Comparison: plain radiograph two weeks ago, reported as normal") has its
    own clause said about it, but the clauses after it stay with the test the report is of."""
    shares: dict[int, tuple[list[int], list[list[int]]]] = {i: ([], []) for i in range(len(mentions))}
    last: int | None = None
    last_clause: list[int] = []
    for after_question, asks, clause in _clauses(words):
        inside = [i for i, m in enumerate(mentions) if clause[0] <= m.start <= clause[-1]]
        if after_question:
            last, last_clause = None, []
        if asks:  # "did the MRI show oedema?", "is this just normal pregnancy stuff??"
            last, last_clause = None, []
            continue
        if not inside:
            said = tuple(words[p] for p in clause)
            if any(said[:len(phrase)] == phrase for phrase in each):
                for i in last_clause:
                    shares[i][1].append(clause)
            elif last is not None:
                shares[last][1].append(clause)
            continue
        named = {p for i in inside for p in range(mentions[i].start, mentions[i].end)}
        for position in clause:
            if position in named:
                continue
            owner = next((i for i in reversed(inside) if mentions[i].start < position), inside[0])
            shares[owner][0].append(position)
        for group in _joined(words, [mentions[i] for i in inside], joiners, before_a_test):
            last_of_group = inside[group[-1]]
            tail = [p for p in shares[last_of_group][0] if p >= mentions[last_of_group].end]
            for member in group[:-1]:
                shares[inside[member]][0].extend(tail)
        subjects = [i for i in inside if not _compared(words, clause, mentions[i], comparing)]
        if subjects:
            last, last_clause = subjects[-1], subjects
    return [SaidAbout(mentions[i], own, after) for i, (own, after) in shares.items()]


def _joined(words: list[str], named: list[Mention], joiners: AbstractSet[str],
            before_a_test: AbstractSet[str]) -> list[list[int]]:
    """Runs of two or more of the `named` mentions (in order) with only a joining word
    between each and the next, and perhaps a word such as "the" ("xray and mri", "the xray
    and the mri"), as their indexes in `named`."""
    runs: list[list[int]] = []
    for index in range(len(named)):
        between = words[named[index - 1].end:named[index].start] if index else []
        if between and any(word in joiners for word in between) and all(
                word in joiners or word in before_a_test for word in between):
            runs[-1].append(index)
        else:
            runs.append([index])
    return [run for run in runs if len(run) > 1]


def _compared(words: list[str], clause: list[int], mention: Mention, comparing: tuple[tuple[str, ...], ...]) -> bool:
    """`mention` comes after a word of comparison in its clause, or in a heading just before
    it ("Comparison: plain radiograph"): an earlier test the report compares with."""
    start = clause[0]
    if start >= 2 and words[start - 1] == ":":  # the heading's clause
        start -= 1
        while start > 0 and words[start - 1] not in CLAUSE_PUNCTUATION:
            start -= 1
    before = tuple(words[p] for p in range(start, mention.start) if words[p] not in CLAUSE_PUNCTUATION)
    return any(before[i:i + len(phrase)] == phrase for phrase in comparing for i in range(len(before)))


def _clauses(words: list[str]) -> list[tuple[bool, bool, list[int]]]:
    """The positions of each clause's words, punctuation left out; whether the clause
    comes right after a question or an exclamation mark, and whether it asks (ends at a
    question mark)."""
    clauses: list[tuple[bool, list[int]]] = [(False, [])]
    for position, word in enumerate(words):
        if word in CLAUSE_PUNCTUATION:
            clauses.append((word in QUESTION_ENDS, []))
        else:
            clauses[-1][1].append(position)
    found = []
    for after_question, clause in clauses:
        if clause:
            end = clause[-1] + 1
            found.append((after_question, end < len(words) and words[end] == "?", clause))
    return found
