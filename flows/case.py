"""The Case: everything the conversation learns about one patient.

Field names and values are a public contract (docs/case-format.md, the repository's copy
of the shared contract): files written against it must keep working, so fields may be
added here but never renamed.
The dialogue fills a Case answer by answer; `itoh-bot assess` reads one from a file;
the assessment reads nothing else.
"""

from __future__ import annotations

from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field, field_validator

Sex = Literal["female", "male"]
Pregnancy = Literal[
    "not_pregnant", "trimester_1", "trimester_2", "trimester_3", "postpartum",
    "recent_pregnancy_loss",  # added by this project: a miscarriage, termination or ectopic in the past 3 months
    "pregnant_stage_unknown",  # added in session 17: pregnant, the week not known to the person answering
]
Side = Literal["left", "right", "both"]
Onset = Literal["sudden", "gradual"]
XrayFinding = Literal[
    "normal",
    "osteopenia",
    "subchondral_cortical_loss",
    "joint_space_narrowing",
    "fracture_line",
    "lytic_or_sclerotic_lesion",
    "femoral_head_collapse",
    "erosions_or_destruction",  # added by this project (contract: "may add values")
]
MriFinding = Literal[
    "normal",
    "bone_marrow_oedema",
    "double_line_sign",
    "fracture_line",
    "joint_effusion",
    "focal_lesion_or_mass",
    "synovitis_or_erosions",
    "cartilage_loss",
    "femoral_head_collapse",  # added by this project, as on X-ray
]
BoneScan = Literal[
    "not_done", "normal", "diffuse_femoral_head_uptake", "focal_uptake", "multifocal_uptake"
]
LabLevel = Literal["not_done", "normal", "mildly_raised", "markedly_raised"]
WhiteCells = Literal["not_done", "normal", "raised"]
NotDone = Literal["not_done"]

UNKNOWN_WORDS = frozenset({"unknown"})


class Case(BaseModel):
    """One patient, as far as known. Every field is optional; None means "not known"."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    sex: Sex | None = None
    age: int | None = Field(default=None, ge=12, le=110)
    pregnancy: Pregnancy | None = None
    breastfeeding: bool | None = None
    side: Side | None = None
    onset: Onset | None = None
    duration_weeks: float | None = Field(default=None, ge=0)
    weight_bearing_pain: bool | None = None
    unable_to_bear_weight: bool | None = None
    trauma: bool | None = None
    repetitive_loading: bool | None = None
    glucocorticoids: bool | None = None
    alcohol_excess: bool | None = None
    other_avn_risk: bool | None = None
    fever: bool | None = None
    cancer_history: bool | None = None
    weight_loss: bool | None = None
    night_pain: bool | None = None
    other_joints: bool | None = None
    psoriasis_ibd_or_uveitis: bool | None = None  # added by this project
    morning_stiffness: bool | None = None
    prior_episode: bool | None = None
    # Added by this project (issue 13): what a clinician asks when infection or a
    # fragility fracture is in question, and the commonest pregnancy differential.
    hot_swollen_joint: bool | None = None  # the hip or groin is hot, red or swollen
    cannot_move_hip: bool | None = None  # any movement of the hip is too painful to allow
    immunosuppressed: bool | None = None  # diabetes, immunosuppressant/biologic drugs, chemotherapy
    recent_joint_procedure: bool | None = None  # injection into or surgery on this hip (3 months)
    # Added in session 12: this hip is an artificial joint (a replacement). Its pain is not
    # transient osteoporosis, osteonecrosis or wear of the joint, which need the natural
    # head and cartilage; infection, a break around it and a growth remain.
    artificial_hip: bool | None = None
    injecting_drug_use: bool | None = None
    # Added in session 14: a blood-thinning medicine (an anticoagulant). No condition of the
    # ranking: with an NSAID, bleeding is far more likely (user test round 14: "on
    # rivaroxaban" was offered an NSAID course).
    anticoagulant: bool | None = None
    # Added in session 13: emergencies that are not of the hip but come with hip or groin
    # pain (user test round 13): pressure on the nerves at the bottom of the spine (cauda
    # equina: new saddle numbness, bladder or bowel trouble), and a blood clot (a swollen
    # painful leg, sudden breathlessness or chest pain), commonest in pregnancy and after birth.
    cauda_equina_signs: bool | None = None
    clot_signs: bool | None = None
    # ...and in pregnancy: bleeding or spotting, waters breaking, painful regular
    # contractions or feeling faint (asked of every pregnant woman since session 14:
    # questions.yaml `pregnancy_warning_signs`).
    pregnancy_warning_signs: bool | None = None
    # Added in session 14, asked in pregnancy and after a birth or loss (user test round 14):
    # the baby moving less; the signs of pre-eclampsia (a severe headache, blurred vision,
    # pain below the ribs, sudden swelling of the face or hands), in pregnancy or after
    # birth; heavy bleeding after a birth or loss; a red or oozing wound after a birth.
    reduced_fetal_movements: bool | None = None
    # Early in pregnancy (the first trimester, or the week not known): bleeding or spotting,
    # and the signs of an ectopic pregnancy (one-sided pain low in the tummy, shoulder-tip
    # pain, feeling very dizzy or faint).
    early_pregnancy_bleeding: bool | None = None
    ectopic_signs: bool | None = None
    preeclampsia_signs: bool | None = None
    heavy_bleeding_after_birth: bool | None = None
    wound_signs: bool | None = None
    # ...and a leg that looks shorter or turned outwards (a displaced hip fracture), heard
    # when said, never asked (questions.yaml `fracture_signs`).
    leg_shortened_or_turned: bool | None = None
    # ...and pain that suddenly got much worse (a weakened bone that may have broken), heard
    # when said, never asked; it warns only with a leg that takes no weight.
    sudden_worsening: bool | None = None
    # ...and pain that is getting better (a course: transient osteoporosis settles, a growth or
    # an untreated infection does not), heard when said, never asked.
    improving: bool | None = None
    # ...and periods that stopped or became rare outside pregnancy and the months after a birth
    # (with hard training or eating too little: the female athlete triad, a stress fracture
    # risk), heard when said, never asked.
    missed_periods: bool | None = None
    # ...and new confusion ("more muddled than usual"), a sign of sepsis or of severe
    # illness in an older person (NICE NG51): heard when said, not asked.
    new_confusion: bool | None = None
    # ...and metamizole (dipyrone, "dipirona") taken, heard when said, never asked; it warns
    # only in the last three months of pregnancy, when it must not be taken (EMA 2018).
    metamizole_use: bool | None = None
    # Added in session 22: the temperature typed with the fever answer, in °C ("temp 37.9"):
    # "No" below 38.0 all the same, but said back and shown to the doctor with its number.
    temperature_c: float | None = Field(default=None, ge=30, le=45)
    # Added in session 24: a scan report's conclusion (or a doctor's word) that keeps a
    # dangerous cause open beside another ("transient osteoporosis vs early AVN", "cannot
    # exclude an insufficiency fracture"): heard when said, never asked (user test 24a).
    avn_in_report_differential: bool | None = None
    fracture_in_report_differential: bool | None = None
    known_osteoporosis: bool | None = None  # osteoporosis diagnosed, or a bone broken in a minor fall
    # Added in session 9: years of a bisphosphonate (or denosumab), the drugs linked to
    # atypical femoral fractures, whose first sign is often a groin or thigh ache.
    long_term_bisphosphonate: bool | None = None
    known_inflammatory_arthritis: bool | None = None  # RA, spondyloarthritis, psoriatic arthritis diagnosed
    pelvic_girdle_pattern: bool | None = None  # pain over the pubic bone or sacroiliac joints (pelvic girdle)
    # Added in session 12: taking ibuprofen or another NSAID now, asked in pregnancy, where
    # they are not advised (from about 20 weeks they harm the baby's kidneys: FDA 2020).
    nsaid_use: bool | None = None
    # Added in session 11: "Not sure" which tests were done. Their results are then not
    # asked one by one (five "don't know"s); unknown results count as tests not done.
    tests_unsure: bool | None = None
    xray: NotDone | list[XrayFinding] | None = None
    mri: NotDone | list[MriFinding] | None = None
    bone_scan: BoneScan | None = None
    inflammatory_markers: LabLevel | None = None
    white_cell_count: WhiteCells | None = None

    @field_validator("*", mode="before")
    @classmethod
    def _unknown_means_none(cls, value: Any) -> Any:
        # The contract lets files say `unknown` for any field; it means "not known".
        if isinstance(value, str) and value.strip().lower() in UNKNOWN_WORDS:
            return None
        return value

    @field_validator("xray", "mri", mode="after")
    @classmethod
    def _findings_without_repeats(cls, value: Any) -> Any:
        if isinstance(value, list):
            return list(dict.fromkeys(value))
        return value

    def known(self) -> dict[str, Any]:
        """The fields that have a value, in contract order."""
        return {name: value for name, value in self if value is not None}


def field_values(field: str) -> tuple[Any, ...] | None:
    """The allowed literal values of a Case field (findings for list fields), or None.

    Used by the content loader to reject predicates that compare against a value the
    field can never take (a typo in content must fail at start, not silently never match).
    """
    annotation = Case.model_fields[field].annotation
    values: list[Any] = []
    _collect_literals(annotation, values)
    return tuple(values) or None


def _collect_literals(annotation: Any, into: list[Any]) -> None:
    if get_origin(annotation) is Literal:
        into.extend(get_args(annotation))
        return
    if annotation is bool:
        into.extend([True, False])
        return
    for arg in get_args(annotation):
        _collect_literals(arg, into)


def is_list_field(field: str) -> bool:
    """True for the imaging fields that hold a list of findings."""
    annotation = Case.model_fields[field].annotation
    return any(get_origin(arg) is list for arg in get_args(annotation))


CASE_FIELDS: tuple[str, ...] = tuple(Case.model_fields)
