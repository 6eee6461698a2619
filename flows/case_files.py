"""Reading cases and vignettes written by hand (YAML or JSON), per shared/case-format.md.

Who calls it: `itoh-bot assess` and `itoh-bot evaluate`, and the vignette tests.
A file with an unknown field or value fails with a message that names it.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, ValidationInfo, field_validator

from flows.case import Case
from flows.content_models import REQUIRED_CONDITIONS
from flows.yaml_loader import load_yaml


class CaseFileError(ValueError):
    """The file cannot be used; the message names the file, the entry and the field."""


class Vignette(BaseModel):
    """A case with a known final diagnosis, and where it was published."""

    model_config = ConfigDict(extra="forbid")

    id: str
    source: str
    diagnosis: str
    case: Case
    notes: str | None = None

    @field_validator("diagnosis")
    @classmethod
    def _known_condition(cls, value: str, info: ValidationInfo) -> str:
        # The contract's conditions, or those of the content in use (which may add some).
        known = (info.context or {}).get("conditions", REQUIRED_CONDITIONS)
        if value not in known:
            raise ValueError(f"unknown condition `{value}`; use one of {list(known)}")
        return value


def read_case(path: Path) -> Case:
    """One case from a YAML or JSON file."""
    raw = _parse(path)
    if not isinstance(raw, dict):
        raise CaseFileError(f"{path}: a case file must be a mapping of field: value")
    try:
        return Case.model_validate(raw)
    except ValidationError as exc:
        raise CaseFileError(f"{path}: {_explain(exc)}") from None


def read_vignettes(path: Path, conditions: Collection[str] = REQUIRED_CONDITIONS) -> list[Vignette]:
    """A list of vignettes from a YAML or JSON file; a diagnosis must be one of `conditions`."""
    raw = _parse(path)
    if not isinstance(raw, list) or not raw:
        raise CaseFileError(f"{path}: a vignette file must be a non-empty list")
    vignettes: list[Vignette] = []
    for index, item in enumerate(raw):
        label = item.get("id", f"#{index + 1}") if isinstance(item, dict) else f"#{index + 1}"
        try:
            vignettes.append(Vignette.model_validate(item, context={"conditions": tuple(conditions)}))
        except ValidationError as exc:
            raise CaseFileError(f"{path}: vignette {label}: {_explain(exc)}") from None
    ids = [v.id for v in vignettes]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise CaseFileError(f"{path}: vignette ids appear twice: {duplicates}")
    return vignettes


def _parse(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise CaseFileError(f"{path}: cannot read: {exc.strerror}") from None
    is_json = path.suffix.lower() == ".json"
    try:
        return json.loads(text) if is_json else load_yaml(text)
    except Exception as exc:
        raise CaseFileError(f"{path}: not valid {'JSON' if is_json else 'YAML'}: {exc}") from None


def _explain(exc: ValidationError) -> str:
    parts = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error["loc"] if not str(p).startswith(("literal[", "list[")))
        if error["type"] == "extra_forbidden":
            parts.append(f"unknown field `{where}`")
        else:
            parts.append(f"field `{where}`: {error['msg']} (got {error.get('input')!r})")
    return "; ".join(dict.fromkeys(parts))
