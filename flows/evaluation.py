"""Scoring the assessment on vignettes: ranking, safety, over-triage and calibration.

Definitions are those of docs/case-format.md; `itoh-bot evaluate` prints them.

* top1 / top3: the final diagnosis ranks first / in the first three.
* red_flag_sensitivity (the contract's measure): of the dangerous diagnoses, the share
  triaged urgent or emergency and ranked in the first three.
* safe: of the dangerous diagnoses, the share triaged urgent or emergency AND either
  ranked in the first three or named "not ruled out yet" — the "safe urgency advice"
  measure of symptom-checker studies (Gilbert et al., BMJ Open 2020), with not ruling
  out a condition counting as keeping it in view.
* over_triage: of the other diagnoses, the share sent to the emergency department.
* calibration: for each band of predicted probability, over every condition possible for
  the person of every vignette, how often that condition was the diagnosis.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from flows.assessment import assess
from flows.case_files import Vignette
from flows.content import Content

ESCALATED = ("urgent", "emergency")
CALIBRATION_BANDS = (0.0, 0.05, 0.15, 0.3, 0.5, 0.7, 0.85, 1.0)


@dataclass
class CalibrationBand:
    low: float
    high: float
    predictions: int = 0
    mean_predicted: float = 0.0
    observed: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {"band": f"{self.low:.0%}-{self.high:.0%}", "n": self.predictions,
                "mean_predicted": round(self.mean_predicted, 3), "observed": round(self.observed, 3)}


@dataclass
class Evaluation:
    n: int = 0
    top1: float = 0.0
    top3: float = 0.0
    red_flag_sensitivity: float | None = None
    safe: float | None = None
    dangerous: int = 0
    over_triage: float | None = None
    not_dangerous: int = 0
    brier: float = 0.0
    calibration: list[CalibrationBand] = field(default_factory=list)
    misses: list[dict[str, Any]] = field(default_factory=list)
    unsafe: list[dict[str, Any]] = field(default_factory=list)
    over_triaged: list[str] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        def rounded(value: float | None) -> float | None:
            return None if value is None else round(value, 4)

        return {
            "n": self.n,
            "top1": rounded(self.top1),
            "top3": rounded(self.top3),
            "red_flag_sensitivity": rounded(self.red_flag_sensitivity),
            "safe": rounded(self.safe),
            "dangerous": self.dangerous,
            "over_triage": rounded(self.over_triage),
            "not_dangerous": self.not_dangerous,
            "brier": rounded(self.brier),
            "calibration": [band.to_json() for band in self.calibration],
            "misses": self.misses,
            "unsafe": self.unsafe,
            "over_triaged": self.over_triaged,
        }


def evaluate(vignettes: list[Vignette], content: Content) -> Evaluation:
    result = Evaluation(n=len(vignettes))
    hits1 = hits3 = caught = safe = emergencies = 0
    brier_total = 0.0
    predictions: list[tuple[float, bool]] = []
    for vignette in vignettes:
        assessment = assess(vignette.case, content)
        rank = assessment.rank(vignette.diagnosis)
        hits1 += rank == 1
        hits3 += rank <= 3
        for r in assessment.ranking:
            brier_total += (r.probability - (r.condition == vignette.diagnosis)) ** 2
            # A condition impossible for the person (conditions.yaml `only_when`: pelvic girdle
            # pain for a man, tendon or back pain before a normal MRI) is no prediction: its 0
            # would only fill the lowest band with certain misses of nothing.
            if r.possible:
                predictions.append((r.probability, r.condition == vignette.diagnosis))
        escalated = assessment.triage in ESCALATED
        kept_open = any(n.condition == vignette.diagnosis for n in assessment.not_ruled_out)
        if vignette.diagnosis in content.dangerous:
            result.dangerous += 1
            caught += rank <= 3 and escalated
            is_safe = escalated and (rank <= 3 or kept_open)
            safe += is_safe
            if not is_safe:
                result.unsafe.append({"id": vignette.id, "diagnosis": vignette.diagnosis, "rank": rank,
                                      "triage": assessment.triage})
        else:
            result.not_dangerous += 1
            if assessment.triage == "emergency":
                emergencies += 1
                result.over_triaged.append(vignette.id)
        ranking = [{"condition": r.condition, "probability": round(r.probability, 3)} for r in assessment.ranking]
        row = {"id": vignette.id, "diagnosis": vignette.diagnosis, "rank": rank, "top": assessment.top.condition,
               "probability": round(assessment.probability(vignette.diagnosis), 3), "triage": assessment.triage,
               "not_ruled_out": [n.condition for n in assessment.not_ruled_out]}
        result.rows.append(row)
        if rank != 1:
            result.misses.append({"id": vignette.id, "diagnosis": vignette.diagnosis, "rank": rank,
                                  "triage": assessment.triage, "ranking": ranking})
    if vignettes:
        result.top1 = hits1 / len(vignettes)
        result.top3 = hits3 / len(vignettes)
        result.brier = brier_total / len(vignettes)
        result.calibration = calibration(predictions)
    if result.dangerous:
        result.red_flag_sensitivity = caught / result.dangerous
        result.safe = safe / result.dangerous
    if result.not_dangerous:
        result.over_triage = emergencies / result.not_dangerous
    return result


def calibration(predictions: list[tuple[float, bool]]) -> list[CalibrationBand]:
    """Predicted probability bands against how often the condition was the diagnosis."""
    bands = [CalibrationBand(low, high) for low, high in pairwise(CALIBRATION_BANDS)]
    for band in bands:
        inside = [(p, hit) for p, hit in predictions
                  if band.low <= p < band.high or (band.high == 1.0 and p == 1.0)]
        band.predictions = len(inside)
        if inside:
            band.mean_predicted = sum(p for p, _ in inside) / len(inside)
            band.observed = sum(hit for _, hit in inside) / len(inside)
    return bands
