"""Find English sentences in text that should be wholly Portuguese.

Two nets, because either alone misses something: every English sentence in content/
(a text shown untranslated, word for word), and any sentence of four or more words
carried by English function words that Portuguese does not use (text the code or a
library wrote in English). Who uses it: the Portuguese script tests and the demo tests.
"""

from __future__ import annotations

import re
from functools import cache

from flows.content import Content, get_content

# Frequent English words that are not Portuguese words (so "a", "do", "no", "se" are left out).
ENGLISH_ONLY = frozenset([
    "the", "you", "your", "and", "is", "are", "of", "to", "with", "what", "have", "has", "this", "that",
    "for", "not", "does", "can", "will", "which", "please", "when", "how", "it", "if", "or", "were", "was",
    "there", "their", "they", "them", "we", "our", "be", "been", "would", "should", "could", "any", "from",
    "about",
])
MIN_WORDS = 4
_SENTENCE_END = re.compile(r"(?<=[.!?:;])\s+|\n+")
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


@cache
def english_content_sentences(content: Content | None = None) -> frozenset[str]:
    """Every sentence of four or more words that content/ has in English and says
    differently in Portuguese."""
    from flows.content import _texts  # the loader's own walk over every text

    content = content or get_content()
    files = [content.ui, content.guidance, content.triage, *content.questions.values(),
             *content.conditions.values(), *content.settling_tests.values(), content.evidence,
             *(rule for rule, _ in content.not_ruled_out), *(finding for finding, _ in content.findings),
             *(group for group, _ in content.prior_groups)]
    found: set[str] = set()
    for model in files:
        for _, text in _texts(model):
            if text.pt is None or " ".join(text.en.split()) == " ".join(text.pt.split()):
                continue
            for sentence in _sentences(text.en):
                words = _WORD.findall(sentence)
                if len(words) >= MIN_WORDS and sentence not in (text.pt or ""):
                    found.add(" ".join(sentence.split()))
    return frozenset(found)


def english_in(text: str) -> list[str]:
    """The English sentences in `text`: from content/, or carried by English-only words."""
    flat = " ".join(text.split())
    hits = [sentence for sentence in english_content_sentences() if sentence in flat]
    for sentence in _sentences(text):
        words = [w.lower() for w in _WORD.findall(sentence)]
        english = [w for w in words if w in ENGLISH_ONLY]
        if len(words) >= MIN_WORDS and len(english) >= 2 and len(english) / len(words) >= 0.2:
            hits.append(sentence)
    return hits
