"""The assessment as FHIR: a Questionnaire of the conversation, and a Bundle (collection) of a
QuestionnaireResponse (the answers, `linkId` = question id) and a RiskAssessment (one
prediction per condition, with its probability, based on that response).

Built as fhir.resources models, so an invalid resource fails here rather than in a
clinician's system. The models are those of FHIR R4B (4.3.0, the R4-compatible release
that fhir.resources models with pydantic 2); QuestionnaireResponse, RiskAssessment,
Questionnaire and Bundle are unchanged from R4 (4.0.1) in everything used here.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from fhir.resources.R4B.riskassessment import RiskAssessment

from flows.answers import describe
from flows.assessment import Assessment
from flows.case import Case
from flows.content import Content
from flows.content_models import Question
from flows.recording import recorded
from flows.summary import level_words

SYSTEM = "urn:itoh-bot"
ANSWERS = f"{SYSTEM}:answer"
CONDITIONS = f"{SYSTEM}:condition"


def questionnaire_url(content: Content) -> str:
    return f"{SYSTEM}:questionnaire:{content.version}"


def questionnaire(content: Content, locale: str = "en") -> dict[str, Any]:
    """The conversation's questions as a FHIR Questionnaire."""
    items = []
    for question in content.questions.values():
        item: dict[str, Any] = {"linkId": question.id, "text": content.text(question.text, locale)}
        if question.kind == "number":
            item["type"] = "integer" if question.integer else "decimal"
        else:
            item["type"] = "choice"
            item["repeats"] = question.several
            item["answerOption"] = [{"valueCoding": _coding(content, question, option.value, locale)}
                                    for option in content.options[question.id] if option.value is not None]
        items.append(item)
    resource = Questionnaire.model_validate({
        "resourceType": "Questionnaire", "url": questionnaire_url(content), "version": content.version,
        "status": "active", "name": "ItohBotHipPain", "title": content.message("report_title", locale),
        "item": items,
    })
    questionnaire: dict[str, Any] = json.loads(resource.model_dump_json(exclude_none=True))
    return questionnaire


def bundle(case: Case, assessment: Assessment, content: Content, made_on: str, locale: str = "en") -> dict[str, Any]:
    """The answers and the assessment as one FHIR Bundle of type collection."""
    seed = f"{content.version}:{case.model_dump_json()}"
    response_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"{SYSTEM}:response:{seed}"))
    risk_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"{SYSTEM}:risk:{seed}"))
    patient = {"display": content.message("fhir_patient", locale)}
    # Resource.language: the BCP 47 tag of the texts in it ("pt-PT"), from the Babel locale.
    language = content.languages[locale].babel.replace("_", "-") if locale in content.languages else None
    answers = []
    for question in content.questions.values():
        value = recorded(case, question)
        if value is None:
            continue
        values = value if isinstance(value, list) else [value]
        answers.append({"linkId": question.id, "text": content.text(question.text, locale),
                        "answer": [_answer(content, question, v, locale) for v in values]})
    response = QuestionnaireResponse.model_validate({
        "resourceType": "QuestionnaireResponse", "id": response_id, "language": language,
        "questionnaire": questionnaire_url(content),
        "status": "completed", "authored": made_on, "subject": patient, "item": answers,
    })
    # A child or a replaced hip ended the questions: no natural hip's estimates, and why it
    # stopped is noted (user test en 19).
    end = content.early_end(case)
    ended = content.message(end.report, locale) if end is not None and end.report else ""
    shown = [] if ended else assessment.shown
    notes = [{"text": ended}] if ended else []
    risk = RiskAssessment.model_validate({
        "resourceType": "RiskAssessment", "id": risk_id, "language": language, "status": "final", "subject": patient,
        "occurrenceDateTime": made_on,
        "method": {"text": content.message("fhir_method", locale, version=content.version)},
        "basis": [{"reference": f"urn:uuid:{response_id}"}],
        "prediction": [
            {"outcome": {"coding": [{"system": CONDITIONS, "code": r.condition,
                                     "display": content.text(content.conditions[r.condition].clinical_term, locale)}],
                         "text": content.text(content.conditions[r.condition].name, locale)},
             "probabilityDecimal": round(r.probability, 4)}
            for r in shown  # not the conditions impossible for the person
        ] or None,
        "mitigation": content.text(level_words(content, assessment, case).advice, locale),
        "note": [*notes, {"text": content.message("disclaimer", locale)}],
    })
    built = Bundle.model_validate({
        "resourceType": "Bundle", "type": "collection", "timestamp": f"{made_on}T00:00:00Z",
        "meta": {"tag": [{"system": f"{SYSTEM}:content-version", "code": content.version}]},
        "entry": [{"fullUrl": f"urn:uuid:{response_id}", "resource": response},
                  {"fullUrl": f"urn:uuid:{risk_id}", "resource": risk}],
    })
    collection: dict[str, Any] = json.loads(built.model_dump_json(exclude_none=True))
    return collection


def _coding(content: Content, question: Question, value: Any, locale: str) -> dict[str, Any]:
    return {"system": f"{ANSWERS}:{question.id}", "code": str(value).lower(),
            "display": describe(content, question.id, value, locale)}


def _answer(content: Content, question: Question, value: Any, locale: str) -> dict[str, Any]:
    if question.kind == "number":
        return {"valueInteger": int(value)} if question.integer else {"valueDecimal": value}
    return {"valueCoding": _coding(content, question, value, locale)}
