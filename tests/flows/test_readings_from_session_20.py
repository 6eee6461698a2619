"""Session 20: what people type that was missed or misread, each rule both ways."""

from __future__ import annotations

from datetime import date

import pytest

from flows.assessment import assess
from flows.case import Case
from flows.clinician_report import build_report
from flows.dialogue import get_engine
from flows.guidance import select_guidance
from flows.messages import Reply
from flows.report import emergency_replies
from flows.summary import build_summary
from tests.support.conversation import Conversation, talk

ENGINE = get_engine()
CONTENT = ENGINE.content


# --- a warning sign that needs help now says "now", not "today" ------------------------------


def first_lines(case: Case, language: str = "en") -> list[str]:
    return [line.text for line in build_summary(case, assess(case, CONTENT), CONTENT, language).first[:2]]


BLEEDING = Case(sex="female", age=32, pregnancy="postpartum", heavy_bleeding_after_birth=True)


@pytest.mark.parametrize("language", ["en", "pt", "pt-BR"])
def test_heavy_bleeding_after_a_birth_is_help_now_in_every_line_that_names_the_level(language: str) -> None:
    at_once = CONTENT.triage.levels["emergency"].at_once
    assert at_once is not None
    label, now = first_lines(BLEEDING, language)
    assert label == CONTENT.text(at_once.label, language)
    assert now == CONTENT.text(at_once.now, language)
    assert label != CONTENT.text(CONTENT.triage.levels["emergency"].label, language)
    first = emergency_replies(BLEEDING, assess(BLEEDING, CONTENT), CONTENT, language)[-1]
    assert first.lines[0].text == label
    assert CONTENT.text(at_once.advice, language) in first.text
    report = build_report(BLEEDING, assess(BLEEDING, CONTENT), CONTENT, date(2026, 12, 3), language)
    assert report.level == label


def test_the_words_say_now_and_never_today() -> None:
    at_once = CONTENT.triage.levels["emergency"].at_once
    assert at_once is not None
    for words in (at_once.label, at_once.now, at_once.advice):
        assert "now" in CONTENT.text(words, "en") and "today" not in CONTENT.text(words, "en")


@pytest.mark.parametrize("case", [
    Case(sex="male", age=50, fever=True),  # a fever: the same day
    Case(sex="female", age=80, trauma=True, unable_to_bear_weight=True),
    # a heavy bleeding is help now only after a birth or a loss, where its warning holds
    Case(sex="female", age=32, pregnancy="not_pregnant", heavy_bleeding_after_birth=True, fever=True),
])
def test_an_emergency_of_the_same_day_still_says_today(case: Case) -> None:
    label, now = first_lines(case)
    assert label == CONTENT.text(CONTENT.triage.levels["emergency"].label, "en")
    assert "today" in now


def test_a_pregnancy_warning_sign_says_where_to_get_help_now() -> None:
    case = Case(sex="female", age=29, pregnancy="trimester_3", pregnancy_warning_signs=True)
    label, now = first_lines(case)
    assert "now" in label
    assert "maternity unit" in now and "999" not in now


def test_the_spines_nerves_say_the_emergency_department_now() -> None:
    label, now = first_lines(Case(sex="male", age=50, cauda_equina_signs=True))
    assert "now" in label and "emergency department now" in now


# --- a checklist's item said after the summary is added -------------------------------------------

TO_THE_SUMMARY = ["for my mother, 72, she has had a sore left hip for about a year, worse after walking, better "
                  "with rest", "xray last year showed some arthritis", "gradually", "she walks fine just aches", "2",
                  "none", "no", "none", "stiff in the morning for 10 mins only", "5", "3"]


def codes(replies: list[Reply]) -> list[str]:
    return [r.code for r in replies]


def test_a_blood_thinner_said_after_the_summary_is_added_and_the_summary_fits_it() -> None:
    conv = talk(*TO_THE_SUMMARY)
    assert conv.session is not None and conv.state == "summary"
    assert not conv.session.case.anticoagulant
    before = conv.session.case.model_dump()
    replies = conv.say("oh she takes rivaroxaban, forgot")
    assert conv.session.case.anticoagulant is True
    after = conv.session.case.model_dump()
    assert {k for k, v in before.items() if after[k] != v} == {"anticoagulant"}
    assert "summary_added" in codes(replies) and "summary_changed" not in codes(replies)
    assert codes(replies).index("noted_early") < codes(replies).index("summary_added") < codes(replies).index("first")
    pain = conv.say("3")
    text = " ".join(r.text for r in pain)
    assert "blood-thinning" in text and "short course of an anti-inflammatory" not in text


def test_what_was_ticked_before_is_never_taken_away_after_the_summary() -> None:
    conv = talk(*TO_THE_SUMMARY)
    assert conv.session is not None
    conv.say("oh she takes rivaroxaban, forgot")
    case = conv.session.case.model_dump()
    for text in ("she doesn't take warfarin any more", "none of those", "she takes rivaroxaban"):
        replies = conv.say(text)
        assert conv.session.case.model_dump() == case, text
        assert codes(replies) == ["finished"], text


@pytest.mark.parametrize("language", ["pt", "pt-BR"])
def test_a_blood_thinner_said_after_a_fall_after_the_summary_is_added_in_portuguese(language: str) -> None:
    conv = talk("o meu pai tem 84 anos, dor na anca esquerda ha 1 semana", "nenhum", "aos poucos",
                "anda com a bengala, doi mais a andar", "nao", "nao", "nao", "nao",
                "ah esqueci de dizer, ele caiu na semana passada no quintal", language=language)
    assert conv.session is not None and conv.session.case.trauma is True
    replies = conv.say("e toma xarelto")
    assert conv.session.case.anticoagulant is True and "summary_added" in codes(replies)
    now = " ".join(r.text for r in conv.say("2"))
    assert CONTENT.text(next(i for i in CONTENT.guidance.items if i.id == "care_fall_on_a_blood_thinner").text,
                        language) in now


# --- "and ibuprofen?" asks -------------------------------------------------------------------------


@pytest.mark.parametrize(("language", "text"), [
    ("pt", "e brufen gel?"), ("pt-BR", "e ibuprofeno?"), ("en", "and ibuprofen?"),
    ("pt", "posso tomar ben-u-ron? e brufen gel?"),
])
def test_a_second_medicine_asked_with_and_is_a_question(language: str, text: str) -> None:
    assert ENGINE.reader(language).asks_back(text)


@pytest.mark.parametrize(("language", "text"), [
    ("pt", "e tomo brufen"), ("en", "and i take ibuprofen"), ("pt-BR", "e toma xarelto"),
])
def test_a_medicine_told_with_and_is_no_question(language: str, text: str) -> None:
    assert not ENGINE.reader(language).asks_back(text)


def test_asking_about_ibuprofen_in_pregnancy_records_no_anti_inflammatory() -> None:
    conv = talk("tou gravida de 30 semanas, dor na anca", "posso tomar ben-u-ron? e brufen gel?", language="pt")
    assert conv.session is not None and conv.session.case.nsaid_use is None
    replies = conv.transcript[-1][1]
    assert not any(r.kind == "warning" for r in replies)
    assert any(r.code == "quick_answer:painkillers_in_pregnancy" for r in replies)


# --- painkillers asked about outside pregnancy and breastfeeding ------------------------------------


def quick_answer(*messages: str, language: str = "en") -> str:
    conv = talk(*messages, language=language)
    return next((r.code.split(":", 1)[1] for r in conv.transcript[-1][1] if r.code.startswith("quick_answer:")), "")


@pytest.mark.parametrize(("messages", "language", "answer"), [
    (("male 45, right hip pain for about 20 days", "can i take ibuprofen?"), "en", "painkillers_outside_pregnancy"),
    (("male 45, right hip pain for about 20 days", "and codeine?"), "en", "painkillers_outside_pregnancy"),
    (("female", "40", "not pregnant", "is paracetamol ok?"), "en", "painkillers_outside_pregnancy"),
    (("tenho 58 anos, sou homem, diabetico. dor na anca esq desde anteontem, febre 38,7 e calafrios",
      "posso tomar brufen?"), "pt", "painkillers_with_a_fever"),
    (("homem 50 anos", "tomo xarelto, posso tomar ibuprofeno?"), "pt-BR",
     "painkillers_when_anti_inflammatories_could_bleed"),
    (("its for my mum shes 81", "she fell in the kitchen last night and now her hip hurts, left one",
      "can she take ibuprofen?"), "en", "painkillers_while_a_break_is_possible"),
])
def test_painkillers_asked_about_outside_pregnancy_are_answered_for_the_person(
        messages: tuple[str, ...], language: str, answer: str) -> None:
    assert quick_answer(*messages, language=language) == answer


def test_painkillers_are_not_answered_as_outside_pregnancy_before_the_pregnancy_is_known() -> None:
    assert quick_answer("female", "30", "can i take ibuprofen?") == ""
    assert quick_answer("female", "30", "breastfeeding, can i take ibuprofen?") != "painkillers_outside_pregnancy"


def test_the_answers_that_forbid_an_anti_inflammatory_never_offer_one() -> None:
    for answer in CONTENT.guidance.quick_answers:
        if answer.id in ("painkillers_with_a_fever", "painkillers_when_anti_inflammatories_could_bleed",
                         "painkillers_while_a_break_is_possible"):
            assert "short course" not in CONTENT.text(answer.text, "en")
            assert "do not take" in CONTENT.text(answer.text, "en").lower()


# --- steroid tablets are not stopped suddenly -------------------------------------------------------


def guidance_ids(case: Case) -> set[str]:
    return {item.id for _, items in select_guidance(case, assess(case, CONTENT), CONTENT) for item in items}


def test_steroid_tablets_with_an_urgent_reason_are_not_to_be_stopped() -> None:
    septic = Case(sex="female", age=67, glucocorticoids=True, fever=True, unable_to_bear_weight=True)
    assert "care_steroid_tablets_not_stopped" in guidance_ids(septic)
    assert "care_steroid_tablets_not_stopped" not in guidance_ids(septic.model_copy(update={"glucocorticoids": False}))
    routine = Case(sex="male", age=45, glucocorticoids=True, side="left", duration_weeks=30, onset="gradual",
                   xray=["joint_space_narrowing"])
    assert assess(routine, CONTENT).triage == "consultation"
    assert "care_steroid_tablets_not_stopped" not in guidance_ids(routine)


# --- a warning of a lower level after a graver one ----------------------------------------------------


@pytest.mark.parametrize("language", ["en", "pt"])
def test_a_lesser_warning_after_a_graver_one_says_the_graver_advice_comes_first(language: str) -> None:
    conv = talk({"en": "male 58, diabetic, left hip pain since the day before yesterday, fever 38.7 and shivering",
                 "pt": "tenho 58 anos, sou homem, diabetico. dor na anca esq desde anteontem, febre 38,7 e calafrios"}
                [language], language=language)
    assert "fever" in [r.code for r in conv.transcript[-1][1] if r.kind == "warning"]
    replies = conv.say({"en": "i cant move the hip at all", "pt": "nao consigo mexer a perna"}[language])
    lesser = [r for r in replies if r.kind == "warning"]
    assert "hip_cannot_move" in [r.code for r in lesser]
    # the first says the graver advice comes first; any other one said with it for the same
    # cause ("cannot walk" beside "cannot move the hip", session 25) that it points the same way
    under = CONTENT.message("warning_under_a_graver_one", language)
    same = CONTENT.message("warning_points_the_same_way", language)
    assert under in lesser[0].text
    assert all(under in r.text or same in r.text for r in lesser)


def test_the_gravest_warning_comes_first_and_says_no_more() -> None:
    conv = talk("male 58, left hip pain, i cant move the hip at all and i have a fever of 38.7")
    warnings = [r for r in conv.transcript[-1][1] if r.kind == "warning"]
    levels = [next(f.level for f, _ in CONTENT.red_flags if f.id == r.code) for r in warnings]
    assert levels[0] == "emergency" and "urgent" in levels
    assert CONTENT.message("warning_under_a_graver_one", "en") not in warnings[0].text
    # ...and a lesser warning alone is said as it is
    alone = talk("male 58, left hip pain, i cant move the hip at all")
    only = [r for r in alone.transcript[-1][1] if r.kind == "warning"]
    assert only and all(CONTENT.message("warning_under_a_graver_one", "en") not in r.text for r in only)


# --- a knock to the head on a blood thinner ------------------------------------------------------------


@pytest.mark.parametrize(("language", "messages"), [
    ("pt", ("boa noite, é pela minha mae, tem 82 anos",
            "caiu ontem na casa de banho e agora n consegue por o pe no chao, a perna direita parece mais curta",
            "ela toma varfarina", "ela bateu com a cabeça tb qd caiu, faz mal?")),
    ("en", ("for my dad, 80", "he fell this morning, left hip, he's on apixaban", "he hit his head too")),
])
def test_a_knock_to_the_head_on_a_blood_thinner_is_answered_at_once(language: str, messages: tuple[str, ...]) -> None:
    assert quick_answer(*messages, language=language) == "head_knock_on_a_blood_thinner"


def test_a_knock_to_the_head_without_a_blood_thinner_or_a_femoral_head_is_not_this_answer() -> None:
    assert quick_answer("for my dad, 80", "he fell this morning, left hip", "he hit his head too") == ""
    assert quick_answer("for my dad, 80", "he fell this morning, left hip, he's on apixaban",
                        "is the femoral head ok?") != "head_knock_on_a_blood_thinner"


# --- a clinician is told the summary is the patient's, and where their report is -------------------------


def summary_notice(*messages: str, language: str = "en") -> list[str]:
    conv = talk(*messages, language=language)
    while conv.state != "summary":
        conv.say("don't know" if language == "en" else "não sei")
    summary = next(replies for _, replies in reversed(conv.transcript) if any(r.code == "first" for r in replies))
    return [r.code for r in summary if r.code.startswith("summary_for_")]


@pytest.mark.parametrize(("language", "first"), [
    ("en", "GP here, entering for a patient. 52M, R hip pain 3/52, no trauma, MRI BMO femoral head, CRP 12"),
    ("en", "physio here, my patient is a 45 year old woman with left hip pain"),
    ("pt", "H 52a, dor anca dta 3 sem, RM com edema medular, PCR 12"),
    ("pt-BR", "sou fisio, pcte fem 45a, dor no quadril esquerdo"),
])
def test_a_clinician_is_told_the_summary_is_the_patients_and_where_the_report_is(language: str, first: str) -> None:
    assert summary_notice(first, language=language) == ["summary_for_a_clinician"]
    assert "/re" in CONTENT.message("summary_for_a_clinician", language)


@pytest.mark.parametrize(("language", "first"), [
    ("en", "asking for my mum, she's 78, left hip pain"),
    ("pt", "é pela minha mãe, tem 82 anos, dor na anca"),
])
def test_a_relative_is_told_only_whom_the_summary_speaks_to(language: str, first: str) -> None:
    assert summary_notice(first, language=language) == ["summary_for_someone_else"]


def test_a_clinician_who_says_it_is_for_themself_after_all_is_told_nothing() -> None:
    assert summary_notice("GP here, 52M R hip pain", "actually it's for me, I'm the patient") == []


# --- a number taken back ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("language", "question", "text", "value"), [
    ("en", "pregnancy", "38 weeks not 18", "trimester_3"),
    ("en", "pregnancy", "sorry i mean 38 weeks not 18", "trimester_3"),
    ("pt", "pregnancy", "38 semanas e nao 18", "trimester_3"),
    ("en", "age", "not 54, 45", 45),
    ("en", "age", "45 not 54", 45),
    ("en", "duration_weeks", "3 weeks not 3 days", 3.0),
    ("en", "duration_weeks", "not 3 days, 3 weeks", 3.0),
])
def test_a_number_taken_back_is_not_the_answer(language: str, question: str, text: str, value: object) -> None:
    parsed = ENGINE.reader(language).read(question, text)
    assert parsed.ok and parsed.value == value


@pytest.mark.parametrize(("language", "question", "text", "value"), [
    ("pt", "pregnancy", "nao", "not_pregnant"),  # a plain no is still no
    ("en", "age", "not sure, maybe 45", 45),
    ("en", "duration_weeks", "2 weeks", 2.0),
])
def test_a_negation_without_a_number_after_it_is_read_as_before(language: str, question: str, text: str,
                                                                 value: object) -> None:
    parsed = ENGINE.reader(language).read(question, text)
    assert parsed.ok and parsed.value == value


def test_a_week_of_pregnancy_corrected_at_a_later_question_changes_it() -> None:
    conv = talk("female", "30", "18 weeks", "sorry i mean 38 weeks not 18")
    assert conv.session is not None and conv.session.case.pregnancy == "trimester_3"


def test_a_duration_corrected_is_never_a_week_of_pregnancy() -> None:
    conv = talk("female", "30", "34 weeks", "none", "left", "actually its 3 weeks not 2")
    assert conv.session is not None and conv.session.case.pregnancy == "trimester_3"


def test_a_late_fact_that_would_lower_the_level_of_care_is_not_taken_from_a_late_message() -> None:
    conv = talk("male 50, left hip pain for 2 weeks, bloods done, CRP 250 mg/L")
    while conv.state != "summary":
        conv.say("don't know")
    assert conv.session is not None
    before = conv.session.model_dump()
    assert first_summary_level(conv) == "emergency"
    replies = conv.say("oh i forgot, i have rheumatoid arthritis")  # known arthritis: urgent, not emergency
    assert codes(replies) == ["late_fact_by_change"]
    assert conv.session.model_dump() == before
    # ...while one that keeps the level is added
    replies = conv.say("oh and i take warfarin")
    assert "summary_added" in codes(replies) and conv.session.case.anticoagulant is True


def first_summary_level(conv: Conversation) -> str:
    first = next(r for _, replies in reversed(conv.transcript) for r in replies if r.code == "first")
    assert first.assessed is not None
    return first.assessed.triage


# --- no clue of cancer answered "yes" or left unknown: the chance alone does not make it urgent ------

# A runner of 30 with a pinch in the groin for 3 weeks (user test en 20b), as recorded
NO_CANCER_CLUE = Case.model_validate({
    "sex": "male", "age": 30, "side": "right", "onset": "gradual", "duration_weeks": 3.0,
    "weight_bearing_pain": False, "unable_to_bear_weight": False, "trauma": False, "repetitive_loading": False,
    "glucocorticoids": False, "alcohol_excess": False, "other_avn_risk": False, "fever": False,
    "cancer_history": False, "weight_loss": False, "night_pain": False, "other_joints": False,
    "psoriasis_ibd_or_uveitis": False, "morning_stiffness": False, "prior_episode": False,
    "hot_swollen_joint": False, "cannot_move_hip": False, "immunosuppressed": False,
    "recent_joint_procedure": False, "xray": "not_done", "mri": "not_done", "bone_scan": "not_done",
    "inflammatory_markers": "not_done", "white_cell_count": "not_done"})


def test_with_every_cancer_clue_answered_no_a_young_adults_pain_is_not_urgent_for_a_growth() -> None:
    assessment = assess(NO_CANCER_CLUE, CONTENT)
    assert assessment.probability("malignancy") >= 0.10  # the estimate alone would have fired
    assert "malignancy >= 10%" not in assessment.triage_because
    assert assessment.triage == "consultation"


@pytest.mark.parametrize("clue", [
    {"age": 55}, {"cancer_history": True}, {"weight_loss": True}, {"night_pain": None},
    {"duration_weeks": 6.0}, {"inflammatory_markers": "mildly_raised"}, {"cancer_history": None},
])
def test_any_cancer_clue_present_or_unknown_keeps_the_rule(clue: dict[str, object]) -> None:
    case = NO_CANCER_CLUE.model_copy(update=clue)
    assessment = assess(case, CONTENT)
    if assessment.probability("malignancy") >= 0.10:
        assert assessment.triage in ("urgent", "emergency")
    assert assessment.triage != "consultation" or assessment.probability("malignancy") < 0.10


# --- round two (user tests en 20b, pt 20b) ----------------------------------------------------------------


def read_in_passing(language: str, question: str, text: str) -> list[str]:
    options = CONTENT.options[question]
    return [str(options[i].value) for i in ENGINE.reader(language).mentions(question, text)]


@pytest.mark.parametrize(("language", "text", "heard"), [
    ("pt-BR", "meu pai 70 anos ta com dor no quadril direito faz 3 semanas, nao mediu febre", []),
    ("pt-BR", "nao medi a febre", []),
    ("en", "didn't take her temperature, hip pain", []),
    ("pt-BR", "com calafrios, nao medi a febre", ["True"]),  # a fever felt all the same
    ("en", "felt hot but didn't measure", ["True"]),
    ("pt-BR", "tive febre", ["True"]),
])
def test_a_temperature_not_measured_is_no_fever_unless_one_is_felt(language: str, text: str, heard: list[str]) -> None:
    assert read_in_passing(language, "fever", text) == heard


@pytest.mark.parametrize(("language", "text", "heard"), [
    ("pt-BR", "oi, to com 36 semanas de gravidez, dor no quadril direito faz uns 10 dias e hj nao consigo mais "
              "pisar com essa perna", ["cannot"]),
    ("pt", "mulher 40 anos, dor na anca direita, deixei de conseguir andar", ["cannot"]),
    ("pt-BR", "ela deixou de conseguir andar", ["cannot"]),
    ("pt", "consigo mais ou menos andar", []),
    ("pt-BR", "consigo andar mais devagar", []),
])
def test_no_longer_able_to_walk_is_not_able(language: str, text: str, heard: list[str]) -> None:
    values = {str(o.value): name for o, name in zip(CONTENT.options["walking"], ["fine", "worse", "cannot"],
                                                     strict=False)}
    assert [values.get(v, v) for v in read_in_passing(language, "walking", text)] == heard


@pytest.mark.parametrize(("language", "text", "why"), [
    ("pt-BR", "por que vc pergunta isso?", True), ("pt", "pq isso?", True), ("pt", "pq é q quer saber isso?", True),
    ("pt-BR", "pra que isso?", True), ("pt-BR", "porque pergunta isso?", True),
    ("pt-BR", "pq dói tanto?", False), ("pt", "porque dói", False),
])
def test_why_is_asked_as_it_is_texted(language: str, text: str, why: bool) -> None:
    assert ENGINE.reader(language).asks_why(text) is why


@pytest.mark.parametrize(("language", "text", "weeks"), [
    ("pt", "esqueci, ela teve cancro da mama ha 5 anos", None),  # the cancer's time, asked again
    ("pt", "ele toma prednisolona ha 2 anos", None),
    ("en", "diabetic for 10 years", None),
    ("pt", "teve cancro ha 5 anos e dor ha 2 semanas", 2.0),  # the pain's own number is taken
    ("pt", "dor ha 5 anos", 260.7),
    ("pt", "cai ha 2 semanas", 2.0),  # a fall is what the pain is counted from
    ("en", "since i fell 2 weeks ago", 2.0),
])
def test_a_number_of_another_checklists_item_is_not_how_long_the_pain_has_lasted(
        language: str, text: str, weeks: float | None) -> None:
    parsed = ENGINE.reader(language).read("duration_weeks", text)
    assert (parsed.value if parsed.ok else None) == (pytest.approx(weeks, abs=0.1) if weeks else None)


@pytest.mark.parametrize(("language", "text", "heard"), [
    ("pt-BR", "oi, tive bebe faz 3 semanas, to amamentando, e to com dor no quadril esquerdo desde o final da gravidez",
     ["postpartum"]),
    ("en", "had my baby 3 weeks ago, hip pain since the end of the pregnancy", ["postpartum"]),
    ("pt-BR", "to no final da gravidez, dor desde ontem", ["trimester_3"]),  # late pregnancy now
])
def test_a_pain_since_the_end_of_a_pregnancy_is_no_pregnancy_now(language: str, text: str, heard: list[str]) -> None:
    assert read_in_passing(language, "pregnancy", text) == heard


def test_how_long_corrected_at_a_later_question_with_the_number_taken_back_changes_it() -> None:
    conv = talk("30 m, play 5 a side, bit of a pinch in my right groin when i kick, 3 weeks, fine walking", "none",
                "gradual", "actually it's been 6 weeks not 3")
    assert conv.session is not None and conv.session.case.duration_weeks == 6.0


@pytest.mark.parametrize(("text", "given", "instead"), [
    ("afinal sao 6 semanas e nao 3", 3.0, 6.0),
    ("actually it's been 6 weeks not 3", 3.0, 6.0),
    ("actually it's been 6 weeks not 3", 4.0, None),  # not the number given: another question's
    ("actually 6 weeks", 3.0, None),  # nothing taken back
])
def test_a_number_is_corrected_only_where_the_number_given_is_taken_back(text: str, given: float,
                                                                          instead: float | None) -> None:
    reader = ENGINE.reader("pt" if "semanas" in text else "en")
    assert reader.corrected_number("duration_weeks", text, given) == instead


def test_a_late_fact_that_would_change_which_questions_apply_is_not_taken_from_a_late_message() -> None:
    conv = talk(*["don't know"] * 40)
    assert conv.session is not None and conv.state == "summary"
    before = conv.session.model_dump()
    assert codes(conv.say("had a hip replacement")) == ["late_fact_by_change"]  # it would end the questions early
    assert conv.session.model_dump() == before
