"""Reading cases and vignettes written by hand (YAML or JSON), per docs/case-format.md.

Who calls it: `itoh-bot assess` and `itoh-bot evaluate`, and the vignette tests.
A file with an unknown field or value fails with a message that names it. Files come
from anywhere, so every failure is one line (CaseFileError) in bounded memory and time:
the size is capped before parsing, YAML aliases and repeated keys are refused
(flows/yaml_loader.py), and a value quoted back is shortened.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, ValidationInfo, field_validator

from flows.case import Case
from flows.content_models import REQUIRED_CONDITIONS
from flows.yaml_loader import load_case_yaml, shorten

MAX_FILE_BYTES = 1_000_000  # a case is under 2 kB and the vignette files under 50 kB


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
        label = shorten(str(item.get("id", f"#{index + 1}"))) if isinstance(item, dict) else f"#{index + 1}"
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
    """The file's data, read within MAX_FILE_BYTES; every failure is one CaseFileError line."""
    try:
        with path.open("rb") as file:  # a bounded read: /dev/zero or a 50 MB file is not loaded
            data = file.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise CaseFileError(f"{path}: cannot read: {exc.strerror}") from None
    if len(data) > MAX_FILE_BYTES:
        raise CaseFileError(f"{path}: larger than {MAX_FILE_BYTES // 1000} kB, more than any case file needs")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CaseFileError(f"{path}: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})") from None
    is_json = path.suffix.lower() == ".json"
    try:
        return json.loads(text, object_pairs_hook=_no_repeated_keys) if is_json else load_case_yaml(text)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError and load_case_yaml's errors are ValueErrors
        reason = shorten(" ".join(str(exc).split()), 200)
        raise CaseFileError(f"{path}: not valid {'JSON' if is_json else 'YAML'}: {reason}") from None


def _no_repeated_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    mapping: dict[str, Any] = {}
    for key, value in pairs:
        if key in mapping:
            raise ValueError(f"`{shorten(key)}` appears twice")
        mapping[key] = value
    return mapping


def _explain(exc: ValidationError) -> str:
    parts = []
    for error in exc.errors():
        where = shorten(".".join(str(p) for p in error["loc"] if not str(p).startswith(("literal[", "list["))))
        if error["type"] == "extra_forbidden":
            parts.append(f"unknown field `{where}`")
        else:
            parts.append(f"field `{where}`: {error['msg']} (got {shorten(repr(error.get('input')))})")
    return "; ".join(dict.fromkeys(parts))
