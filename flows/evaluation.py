"""Scoring the assessment on vignettes: top-1, top-3, red-flag sensitivity, Brier score.

Definitions are those of shared/case-format.md; `itoh-bot evaluate` prints them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from flows.assessment import assess
from flows.case_files import Vignette
from flows.content import Content, get_content

DANGEROUS = ("septic_arthritis", "fracture", "malignancy")
ESCALATED = ("urgent", "emergency")


@dataclass
class Evaluation:
    n: int = 0
    top1: float = 0.0
    top3: float = 0.0
    red_flag_sensitivity: float | None = None
    brier: float = 0.0
    misses: list[dict[str, Any]] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "top1": round(self.top1, 4),
            "top3": round(self.top3, 4),
            "red_flag_sensitivity": None if self.red_flag_sensitivity is None else round(self.red_flag_sensitivity, 4),
            "brier": round(self.brier, 4),
            "misses": self.misses,
        }


def evaluate(vignettes: list[Vignette], content: Content | None = None) -> Evaluation:
    content = content or get_content()
    result = Evaluation(n=len(vignettes))
    hits1 = hits3 = dangerous = caught = 0
    brier_total = 0.0
    for vignette in vignettes:
        assessment = assess(vignette.case, content)
        order = [r.condition for r in assessment.ranking]
        rank = order.index(vignette.diagnosis) + 1
        hits1 += rank == 1
        hits3 += rank <= 3
        brier_total += sum((r.probability - (r.condition == vignette.diagnosis)) ** 2 for r in assessment.ranking)
        if vignette.diagnosis in DANGEROUS:
            dangerous += 1
            caught += rank <= 3 and assessment.triage in ESCALATED
        ranking = [{"condition": r.condition, "probability": round(r.probability, 3)} for r in assessment.ranking]
        row = {"id": vignette.id, "diagnosis": vignette.diagnosis, "rank": rank, "top": order[0],
               "probability": round(assessment.probability(vignette.diagnosis), 3), "triage": assessment.triage}
        result.rows.append(row)
        if rank != 1:
            result.misses.append({"id": vignette.id, "diagnosis": vignette.diagnosis, "rank": rank,
                                  "triage": assessment.triage, "ranking": ranking})
    if vignettes:
        result.top1 = hits1 / len(vignettes)
        result.top3 = hits3 / len(vignettes)
        result.brier = brier_total / len(vignettes)
    result.red_flag_sensitivity = caught / dangerous if dangerous else None
    return result
