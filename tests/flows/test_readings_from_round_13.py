"""What the known limits of round 12 and user test round 13 asked for, each as the general
rule that fixes it, both ways: a CRP without its unit, a pregnancy's weeks beside the pain's,
a year alone, a note's "x 4 wks" and "M 45"."""

from __future__ import annotations

from datetime import date

import pytest

from flows.dialogue import get_engine
from flows.messages import Reply, UserInput
from tests.support.conversation import Conversation, talk

ENGINE = get_engine()
DAY = date(2026, 12, 2)


def texts(replies: list[Reply]) -> str:
    return "\n".join(reply.text for reply in replies)


def held(conv: Conversation) -> dict[str, object]:
    """What the first message recorded or kept for later: the case's values, the states' held
    words and single choices."""
    assert conv.session is not None
    kept: dict[str, object] = {name: value for name, value in conv.session.case.model_dump().items()
                               if value is not None}
    kept.update({state: said for state, said in conv.session.held_numbers.items() if said})
    for state, indices in conv.session.noted.items():
        if len(indices) == 1:
            kept[state] = ENGINE.content.options[ENGINE.machine.question_of[state]][indices[0]].value
    return kept


# --- a CRP without its unit ------------------------------------------------------------

@pytest.mark.parametrize(("language", "first", "tests", "unit", "expected"), [
    ("en", "45M left hip pain 3 weeks, no injury, no fever, crp 12", "bloods only", "mg/dL", "markedly_raised"),
    ("en", "45M left hip pain 3 weeks, no injury, no fever, crp 12", "bloods only", "mg/L", "mildly_raised"),
    ("pt", "homem 45 anos, dor na anca esquerda há 3 semanas, sem febre, pcr 12", "só análises", "mg/dL",
     "markedly_raised"),
])
def test_a_crp_said_early_without_its_unit_is_held_and_its_unit_asked_when_its_question_comes(
        language: str, first: str, tests: str, unit: str, expected: str) -> None:
    # It had been dropped: neither kept nor asked ("PCR 12" in Portuguese), and in English read
    # as mg/L, so a US lab's 9.8 mg/dL (98 mg/L) was "normal".
    conv = talk(first, language=language)
    assert conv.session is not None
    assert conv.session.case.inflammatory_markers is None
    assert conv.session.noted.get("tests_done"), "the blood tests are shown ticked: a result was said"
    asked = conv.say(tests)
    assert conv.state == "inflammatory_markers"
    assert "12 mg/L" in texts(asked) and "12 mg/dL" in texts(asked)
    conv.say(unit)
    assert conv.session.case.inflammatory_markers == expected


def test_a_crp_whose_unit_changes_nothing_is_still_taken_at_once() -> None:
    conv = talk("F 62, hip pain 6 weeks, CRP 180")
    assert conv.session is not None and conv.session.case.inflammatory_markers == "markedly_raised"


# --- how long beside the weeks of a pregnancy -----------------------------------------

@pytest.mark.parametrize(("language", "typed", "expected"), [
    ("en", "30 F, 32 weeks pregnant, left hip pain getting worse, about 2 weeks",
     {"pregnancy": "trimester_3", "duration_weeks": "2 weeks"}),
    ("pt", "grávida de 32 semanas, dor na anca esquerda, há 2 semanas",
     {"pregnancy": "trimester_3", "duration_weeks": "2 semanas"}),
])
def test_a_pregnancy_named_with_its_weeks_leaves_the_weeks_after_the_pain_to_the_pain(
        language: str, typed: str, expected: dict[str, object]) -> None:
    kept = held(talk(typed, language=language))
    assert {state: kept.get(state) for state in expected} == expected


@pytest.mark.parametrize("typed", [
    "pregnant, hip pain, for 30 weeks",                     # which weeks? asked
    "I'm 12 weeks pregnant - sorry, 14 weeks now, hip pain",  # a correction: asked
])
def test_weeks_that_may_be_the_pregnancys_are_not_taken_as_the_pains(typed: str) -> None:
    kept = held(talk(typed))
    assert "duration_weeks" not in kept


# --- a year alone, a season, and a note's shorthand ----------------------------------

@pytest.mark.parametrize(("language", "typed"), [
    ("en", "since 2025"), ("en", "since early 2024"), ("en", "since last year"), ("en", "since the summer"),
    ("pt", "desde 2025"), ("pt", "desde o ano passado"),
])
def test_a_year_alone_or_a_season_asks_for_a_rough_number(language: str, typed: str) -> None:
    parsed = ENGINE.reader(language).read("duration_weeks", typed, today=DAY)
    assert not parsed.ok and parsed.error == "vague_number", parsed


def test_a_month_and_its_year_is_still_counted() -> None:
    parsed = ENGINE.reader("en").read("duration_weeks", "since september 2025", today=DAY)
    assert parsed.ok and parsed.value == 65.3  # from 1 September 2025


def test_a_year_alone_at_the_question_is_asked_again_in_the_conversation() -> None:
    conv = Conversation()
    conv.send(UserInput.command("start"))
    for typed in ("45M left hip pain", "none", "gradually"):
        conv.send(UserInput.typed(typed).model_copy(update={"sent_on": DAY}))
    replies = conv.send(UserInput.typed("since 2025").model_copy(update={"sent_on": DAY}))
    assert conv.state == "duration_weeks"
    assert any(reply.code == "vague_number" for reply in replies)


@pytest.mark.parametrize(("typed", "expected"), [
    ("L hip pain x 4 wks, no trauma", "4 wks"),
    ("45F, R hip pain x 3 weeks", "3 weeks"),
])
def test_times_x_in_a_note_is_for_how_long(typed: str, expected: str) -> None:
    assert held(talk(typed)).get("duration_weeks") == expected


def test_an_x_ray_is_no_times_x() -> None:
    assert "duration_weeks" not in held(talk("45M, left hip pain, x-ray 2 weeks ago was normal"))


@pytest.mark.parametrize(("language", "typed", "sex", "age"), [
    ("en", "M 45 left hip pain", "male", 45),
    ("en", "F 62 right hip pain", "female", 62),
    ("pt", "H 45 dor na anca esquerda", "male", 45),
])
def test_a_notes_sex_letter_then_age(language: str, typed: str, sex: str, age: int) -> None:
    conv = talk(typed, language=language)
    assert conv.session is not None
    assert (conv.session.case.sex, conv.session.case.age) == (sex, age)


def test_a_letter_then_a_small_number_is_no_age() -> None:
    conv = talk("F 2")
    assert conv.session is not None and conv.session.case.age is None


# --- a report to take to the emergency department -------------------------------------

def test_after_an_emergency_warning_the_report_is_made_from_the_answers_so_far() -> None:
    from flows.assessment import assess
    from flows.clinician_report import build_report

    conv = talk("my mum is 78, she fell yesterday and can't walk, left hip", "1")
    assert conv.session is not None and conv.session.before_the_summary
    replies = conv.send(UserInput.command("report"))
    assert [r.kind for r in replies] == ["report"]
    case = conv.session.case
    early = build_report(case, assess(case, ENGINE.content), ENGINE.content, DAY, "en", True, before_the_end=True)
    assert "before all the questions were answered" in early.headings["made"]
    late = build_report(case, assess(case, ENGINE.content), ENGINE.content, DAY, "en", True)
    assert "before all the questions" not in late.headings["made"]


def test_without_a_warning_the_report_waits_for_the_summary() -> None:
    conv = talk("45M left hip pain")
    replies = conv.send(UserInput.command("report"))
    assert "report" not in [r.kind for r in replies]
    assert any(r.code == "report_unavailable" for r in replies)


# --- user test round 13: warnings said in a word, and numbers that are no age ----------

@pytest.mark.parametrize(("language", "typed", "fever"), [
    ("en", "male 50, hip pain and fever", True),
    ("en", "been sweating and shivering at night, left groin sore", True),
    ("pt", "dor na anca e febre", True),
    ("en", "hip pain, no fever", False),
    ("en", "hip pain, fever 37.5", False),                       # measured: below 38.0
])
def test_a_fever_named_in_one_word_is_heard_at_once(language: str, typed: str, fever: bool) -> None:
    conv = talk(typed, language=language)
    assert conv.session is not None and conv.session.case.fever is fever


def test_a_relatives_fever_is_still_not_the_writers() -> None:
    conv = talk("my son had a fever, my left hip hurts, im 45 m")
    assert conv.session is not None and conv.session.case.fever is None


@pytest.mark.parametrize(("language", "typed", "age"), [
    ("en", "im 34 weeks pregnant, fever 38.6 and hip pain", None),     # had been "Age: 38 years"
    ("pt", "Estou grávida de 38 semanas, hoje tenho 38.5 de febre e dói-me muito a anca", None),
    ("pt", "meu filho de 12 anos com dor no quadril, teve febre 38", 12),  # the child's age, not 38
    ("en", "male 45, fever 38.5", 45),
    ("en", "F 62 right hip pain", 62),
])
def test_a_temperature_is_no_age(language: str, typed: str, age: int | None) -> None:
    conv = talk(typed, language=language)
    assert conv.session is not None
    assert conv.session.case.age == age or conv.session.held_numbers.get("age") == (str(age) if age else None)


@pytest.mark.parametrize(("language", "typed"), [
    ("pt", "escorreguei no banheiro e to com dor no quadril, nao consigo pisar"),
    ("en", "8 weeks pregnant, twisted my hip getting off the bus and now cant put weight on my right leg, 28f"),
])
def test_a_slip_or_a_twist_is_an_injury_and_with_cannot_walk_an_emergency(language: str, typed: str) -> None:
    conv = talk(typed, language=language)
    assert conv.session is not None and conv.session.case.trauma is True
    assert "trauma_cannot_bear_weight" in conv.session.announced


def test_a_slipped_disc_is_no_fall() -> None:
    conv = talk("i slipped a disc years ago, hip pain now")
    assert conv.session is not None and conv.session.case.trauma is None


@pytest.mark.parametrize(("language", "typed", "flag"), [
    ("pt", "to com dor nas costas, na lombar, que desce pela perna ate o pe, com formigamento. e as vezes perco o "
           "controle do xixi", "cauda_equina_signs"),
    ("pt", "tenho dor lombar que vai pela perna abaixo, dormência na zona genital e não consigo urinar desde ontem",
     "cauda_equina_signs"),
    ("pt", "estou grávida de 30 semanas, dor na anca esquerda, e hoje a barriga da perna esquerda está inchada e "
           "dorida e tenho falta de ar", "clot_signs"),
    ("en", "gave birth 3 days ago, left groin pain, leg swollen", "clot_signs"),
])
def test_an_emergency_that_is_not_of_the_hip_warns_at_once(language: str, typed: str, flag: str) -> None:
    conv = talk(typed, language=language)
    assert conv.session is not None and flag in conv.session.announced
    assert conv.session.mode == "danger_offer"


@pytest.mark.parametrize("typed", [
    "hip pain, i leak a bit when i cough since the birth",   # stress leaking after birth: no cauda equina
    "hip pain, no chest pain, not breathless",
])
def test_what_is_no_sign_of_those_emergencies_raises_nothing(typed: str) -> None:
    conv = talk(typed)
    assert conv.session is not None and not conv.session.announced


def test_what_to_do_now_counts_a_pregnancy_said_but_not_yet_asked() -> None:
    conv = talk("oi to gravida de 7 meses e to com dor no quadril esquerdo faz umas 3 semanas, "
                "ontem tive febre de 39,2", "1", language="pt")
    assert conv.session is not None and conv.session.case.pregnancy is None  # still to be asked and said back
    shown = texts(conv.transcript[-1][1])
    assert "gravidez" in shown  # pelvic girdle pain of pregnancy is among the causes weighed


# --- user test round 13: more of what it found --------------------------------------------

@pytest.mark.parametrize(("language", "typed", "fever"), [
    ("pt", "37,9 ontem a noite, com calafrio", True),     # chills: the graver answer, not "No"
    ("en", "37.8 and shivering", True),
    ("pt", "tive 37º de febre", False),                   # the measure's own word says no more than it
    ("en", "yes 37.5", False),
    ("en", "dunno never checked, just sweats", None),    # had been "No"
])
def test_chills_with_a_temperature_below_38_are_a_fever(language: str, typed: str, fever: bool | None) -> None:
    parsed = ENGINE.reader(language).read("fever", typed)
    assert parsed.ok and parsed.value is fever


def test_a_fall_from_mid_pregnancy_sends_her_to_the_maternity_unit_today() -> None:
    conv = talk("30 weeks pregnant, slipped on ice yesterday and landed on my right hip, it hurts but i can walk")
    assert conv.session is not None and "injury_in_pregnancy" in conv.session.announced


def test_a_fall_early_in_pregnancy_raises_no_maternity_warning() -> None:
    conv = talk("8 weeks pregnant, fell yesterday, my right hip hurts but i can walk")
    assert conv.session is not None and conv.session.case.trauma is True
    assert "injury_in_pregnancy" not in conv.session.announced


@pytest.mark.parametrize("history", ["alcohol_excess", "glucocorticoids"])
def test_cannot_walk_with_bone_thinned_by_drink_or_steroids_is_an_emergency(history: str) -> None:
    from flows.assessment import assess
    from flows.case import Case

    case = Case(sex="male", age=56, unable_to_bear_weight=True, trauma=False, **{history: True})
    assessment = assess(case, ENGINE.content)
    assert assessment.triage == "emergency"
    assert "cannot_bear_weight_fragile_bone" in [flag.id for flag in assessment.red_flags]
    assert assess(Case(sex="male", age=56, unable_to_bear_weight=True, trauma=False), ENGINE.content).triage == "urgent"


def test_a_replaced_hip_with_a_fever_ends_with_go_today() -> None:
    conv = talk("Bom dia. Escrevo pela minha mãe, tem 72 anos, prótese na anca direita há 2 anos, diabética. "
                "Desde ontem tem muitas dores e febre 38.5", "2", language="pt")
    assert conv.state == "replaced_hip"
    replies = conv.say("e agora?")
    assert [r.code for r in replies] == ["ended_go_today", "replaced_hip_after_a_warning"]  # no "1 to 2 weeks"


def test_a_replaced_hip_without_a_warning_ends_as_before() -> None:
    conv = talk("I had a hip replacement on the right 3 years ago, it aches when I walk, 71 female")
    assert conv.state == "replaced_hip"
    assert [r.code for r in conv.say("so what now")] == ["replaced_hip"]
    assert [r.code for r in conv.say("ok")] == ["ended_again"]  # a line, not the end again (user test en 19)


@pytest.mark.parametrize(("language", "typed"), [
    ("en", "is ibuprofen ok to take?"), ("en", "can i take ibuprofen?"), ("pt", "posso tomar ibuprofeno?"),
])
def test_asking_about_a_painkiller_at_its_question_is_no_yes(language: str, typed: str) -> None:
    parsed = ENGINE.reader(language).read("pain_medicines", typed)
    assert not parsed.ok
    taking = "tomo ibuprofeno" if language == "pt" else "i take ibuprofen"
    assert ENGINE.reader(language).read("pain_medicines", taking).value is True


def test_blood_tests_stay_done_when_the_white_cells_are_not_known() -> None:
    from flows.case import Case
    from flows.recording import recorded

    question = ENGINE.content.questions["tests_done"]
    case = Case(xray=["normal"], mri="not_done", bone_scan="not_done", inflammatory_markers="normal")
    assert "blood_tests" in recorded(case, question)
    case = Case(xray=["normal"], mri="not_done", bone_scan="not_done",
                inflammatory_markers="not_done", white_cell_count="not_done")
    assert "blood_tests" not in recorded(case, question)


@pytest.mark.parametrize(("pregnancy", "shown", "hidden"), [
    ("trimester_2", "care_bisphosphonate_before_pregnancy", "care_long_term_bisphosphonate"),
    ("not_pregnant", "care_long_term_bisphosphonate", "care_bisphosphonate_before_pregnancy"),
])
def test_bone_medicine_advice_fits_a_pregnancy(pregnancy: str, shown: str, hidden: str) -> None:
    from flows.assessment import assess
    from flows.case import Case
    from flows.guidance import select_guidance

    case = Case(sex="female", age=35, pregnancy=pregnancy, long_term_bisphosphonate=True, duration_weeks=3)
    chosen = {item.id for _, items in select_guidance(case, assess(case, ENGINE.content), ENGINE.content)
              for item in items}
    assert shown in chosen and hidden not in chosen


def test_what_to_do_first_tells_a_pregnant_woman_to_call_the_maternity_unit() -> None:
    conv = talk("22 wks pregnant, hip pain and i have a temp 38.6 since last night", "1")
    assert "maternity unit" in texts(conv.transcript[-1][1])
    conv = talk("male 50, hip pain, temp 38.6 since last night", "1")
    assert "maternity unit" not in texts(conv.transcript[-1][1])


@pytest.mark.parametrize(("typed", "expected"), [
    ("22f training for a marathon, upped my miles a lot, now pain in my right groin when i run and now even "
     "walking, 3 weeks", "3 weeks"),
    ("56 m, left hip agony since 2 days, cant walk on it at all", "2 days"),
    ("34 male, groin on the left side real sore 4 days", "4 days"),
])
def test_how_long_said_after_a_long_telling_or_with_since(typed: str, expected: str) -> None:
    assert held(talk(typed)).get("duration_weeks") == expected


def test_ok_confirms_what_is_shown_ticked() -> None:
    conv = talk("58 yr old woman, diabetic on insulin, left hip pain 2 weeks, bloods show CRP 145 and ESR 80, no temp",
                "2")
    assert conv.state == "tests_done"
    conv.say("ok")
    assert conv.session is not None and "tests_done" in conv.session.answered


@pytest.mark.parametrize(("question", "typed", "value"), [
    ("side", "nos dois lados", "both"),
    ("walking", "piora com carga", "worse"),
    ("medical_history", "lupus tb (LES)", ["other_avn_risk"]),
    ("medical_history", "bebo todo dia umas 10 latinhas de cerveja", ["alcohol_excess"]),
    ("warning_signs", "aumentei muito os km", ["repetitive_loading"]),
])
def test_brazilian_words(question: str, typed: str, value: object) -> None:
    parsed = ENGINE.reader("pt").read(question, typed)
    assert parsed.ok and parsed.value == value, parsed


def test_gestante_is_pregnant_and_asks_which_weeks() -> None:
    parsed = ENGINE.reader("pt").read("pregnancy", "sou gestante")
    assert not parsed.ok and len(parsed.clarify) == 3


def test_a_second_report_is_kept_beside_the_first_and_delete_removes_both(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import io

    from bot.terminal import run_demo

    monkeypatch.chdir(tmp_path)
    said = ["my mum is 78, she fell yesterday and can't walk, left hip", "1", "/report", "/report"]
    out = io.StringIO()
    run_demo(ENGINE, stdin=io.StringIO("\n".join(said) + "\n"), stdout=out, language="en")
    written = sorted(path.name for path in tmp_path.glob("*.pdf"))
    assert len(written) == 2 and written[0] != written[1], written
    run_demo(ENGINE, stdin=io.StringIO("\n".join([*said, "/delete"]) + "\n"), stdout=io.StringIO(), language="en")
    assert sorted(path.name for path in tmp_path.glob("*.pdf")) == written  # the first run's are not this one's


@pytest.mark.parametrize(("typed", "someone_else"), [
    ("gestante de 22 semanas, dor no quadril direito faz 10 dias, to tomando nimesulida que minha vizinha deu", False),
    ("o meu pai tem dor na anca, tive de o levar ao médico", True),
    ("minha mãe tá com dor no quadril, ela tem 70", True),
])
def test_a_neighbour_who_gave_a_medicine_is_not_the_patient(typed: str, someone_else: bool) -> None:
    assert ENGINE.reader("pt").asks_for_someone_else(typed) is someone_else


@pytest.mark.parametrize(("language", "typed"), [("en", "hip pain R side"), ("pt", "dor quadril D ha 6 sem")])
def test_a_side_in_a_notes_letter(language: str, typed: str) -> None:
    parsed = ENGINE.reader(language).read("side", typed)
    assert parsed.ok and parsed.value == "right"


def test_a_physios_note_is_heard_in_full() -> None:
    conv = talk("Physio here, 48M, 6/52 L groin pain, insidious onset, PMHx T2DM, nocturnal pain, wt loss 4kg, "
                "no trauma")
    assert conv.session is not None
    case = conv.session.case
    assert (case.immunosuppressed, case.night_pain, case.weight_loss) == (True, True, True)


def test_a_night_up_with_the_baby_is_no_night_pain() -> None:
    conv = talk("sleeping badly at night because of the baby, hip hurts")
    assert conv.session is not None and conv.session.case.night_pain is None


# --- the warning signs of pregnancy: heard when said, never asked ----------------------

@pytest.mark.parametrize(("language", "typed"), [
    ("pt", "to gravida de 8 meses com dor no quadril direito faz 2 semanas e hoje to sangrando e com contração"),
    ("en", "30 weeks pregnant, hip pain, some bleeding today"),
])
def test_bleeding_or_contractions_in_pregnancy_warn_at_once(language: str, typed: str) -> None:
    conv = talk(typed, language=language)
    assert conv.session is not None and "pregnancy_warning_signs" in conv.session.announced


@pytest.mark.parametrize("typed", [
    "male 50, hip pain, bleeding gums",                          # no pregnancy: not recorded, nor listed
    "had my baby 2 weeks ago, still bleeding a bit, hip hurts",  # bleeding after a birth is expected
])
def test_bleeding_outside_pregnancy_is_not_taken_as_its_warning(typed: str) -> None:
    conv = talk(typed)
    assert conv.session is not None and conv.session.case.pregnancy_warning_signs is None


def test_the_warning_signs_of_pregnancy_are_asked_in_pregnancy_only() -> None:
    # Never asked in round 13; asked of every pregnant woman since round 14 (only heard in
    # passing, most were missed). Never of a man or a woman who is not pregnant.
    assert "pregnancy_warning_signs" in ENGINE.machine.question_of.values()
    assert talk("male", "40").state == "side" and talk("female", "40", "not pregnant").state == "side"


# --- regression round 13: the same warnings in other words ----------------------------

@pytest.mark.parametrize(("language", "typed", "flag"), [
    ("pt", "to gravida de 32 semanas, meu quadril ta doendo e a panturrilha direita ficou vermelha e inchada, e to "
           "sentindo o peito apertado e respirando com dificuldade", "clot_signs"),
    ("pt", "Tive o meu bebé há 10 dias. Dói-me a anca esquerda e desde ontem fico sem fôlego a subir um lanço de "
           "escadas", "clot_signs"),
    ("en", "my wife had our baby last week by caesarean. she's 39. right groin really hurts when she walks, her right "
           "calf is also puffy and tender now", "clot_signs"),
    ("pt", "tô com uma dor lombar que irradia pra perna direita e hoje percebi que tô sem sensibilidade na região da "
           "virilha e do bumbum", "cauda_equina_signs"),
    ("en", "29 yrs, 37 weeks pregnant, left hip pain for 2 weeks, and since this morning the baby has hardly moved",
     "pregnancy_warning_signs"),
    ("en", "I think I'm about 6 weeks pregnant, sudden sharp pain in my right groin since this morning, a bit of "
           "bleeding and I feel dizzy. 27", "early_pregnancy_warning_signs"),
    ("pt", "minha mãe tem 80 anos, operou o quadril e botou prótese ano passado, agora tá com 38 e pouco de "
           "temperatura e o quadril quentinho", "hot_swollen_joint"),
    ("en", "my dad is 90 and has dementia so he can't explain. since yesterday he won't walk",
     "cannot_bear_weight_fragile_bone"),
    # the final round
    ("en", "its 3am, 36 weeks pregnant, hip pain both sides and ive been having tightenings every 5 mins for the "
           "last hour", "pregnancy_warning_signs"),
    ("pt", "oi, to gravida de 30 semanas, dor no quadril e a panturrilha esquerda ta inchada e doendo desde ontem",
     "clot_signs"),
    ("pt", "Escrevo pela minha mãe, 88 anos, tem Alzheimer. Desde ontem não quer apoiar a perna esquerda e geme "
           "quando lhe mexemos, mas ninguém a viu cair", "cannot_bear_weight_fragile_bone"),
    ("pt", "minha vó de 79 anos caiu ontem no quintal, ta andando com dificuldade e reclamando do quadril",
     "fall_with_fragile_bone"),
])
def test_the_warnings_in_other_words(language: str, typed: str, flag: str) -> None:
    conv = talk(typed, language=language)
    assert conv.session is not None and flag in conv.session.announced, conv.session.announced


@pytest.mark.parametrize(("language", "typed"), [
    ("en", "my dad is 90, hip pain since yesterday. not sure if he fell in the care home"),
    ("pt", "O meu pai tem 88 anos, dói-lhe a anca esquerda. Vive num lar e não sei se caiu."),
])
def test_a_fall_not_known_is_no_fall(language: str, typed: str) -> None:
    conv = talk(typed, language=language)
    assert conv.session is not None and conv.session.case.trauma is None


@pytest.mark.parametrize(("language", "typed", "pregnancy"), [
    ("pt", "dói-me a anca, estou à espera de bebé", None),              # pregnant, which weeks: asked (was postpartum)
    ("pt", "Boa tarde, estou no sétimo mês de gestação, a anca direita dói-me", "trimester_3"),
    ("pt", "to com 36 semanas de gravidez, meu quadril tá doendo demais", "trimester_3"),
    ("en", "my mum is 78, she had her left hip replaced in 2019", None),  # "had her" is no birth here
])
def test_a_pregnancy_in_other_words(language: str, typed: str, pregnancy: str | None) -> None:
    kept = held(talk(typed, language=language))
    assert kept.get("pregnancy") == pregnancy


def test_a_childs_age_in_the_first_message_ends_with_the_childs_advice_not_an_adults_causes() -> None:
    conv = talk("meu filho de 12 anos com dor no quadril, teve febre 38", "1", language="pt")
    assert conv.state == "out_of_scope"
    codes = [reply.code for reply in conv.transcript[-1][1]]
    assert codes == ["ended_go_today", "out_of_scope"], codes


# --- what the reasons and the report say ------------------------------------------------

@pytest.mark.parametrize(("history", "condition"), [
    ({"glucocorticoids": True}, "fracture"), ({"alcohol_excess": True}, "fracture"),
    ({"cancer_history": True}, "fracture"), ({"immunosuppressed": True}, "septic_arthritis"),
])
def test_a_risk_factor_is_never_said_against_its_condition(history: dict[str, bool], condition: str) -> None:
    from flows.assessment import assess
    from flows.case import Case

    case = Case(sex="female", age=39, duration_weeks=8, weight_bearing_pain=True, **history)
    ranked = next(r for r in assess(case, ENGINE.content).ranking if r.condition == condition)
    assert next(iter(history)) not in [reason.finding_id for reason in ranked.reasons_against]


def test_a_guideline_bodys_short_name_is_in_capitals() -> None:
    from flows.clinician_report import short_source

    assert short_source("nice_cg124_hip_fracture", "guideline").startswith("NICE")
    assert short_source("asadipooya_2017", "paper") == "Asadipooya 2017"


def test_new_confusion_said_by_a_relative_warns_at_once() -> None:
    conv = talk("my gran is 86, she had a fall in the kitchen two days ago, she can still walk with her frame but "
                "the left hip is very painful and she's more muddled than usual")
    assert conv.session is not None and "new_confusion" in conv.session.announced


@pytest.mark.parametrize("typed", [
    "i'm confused about what the mri means, hip pain",
    "my dad is 90 and has dementia so he can't explain, hip pain",   # known dementia is no new confusion
])
def test_confusion_about_something_or_known_dementia_is_no_warning(typed: str) -> None:
    conv = talk(typed)
    assert conv.session is not None and conv.session.case.new_confusion is None


def test_what_about_a_painkiller_is_a_question_not_a_yes() -> None:
    parsed = ENGINE.reader("en").read("pain_medicines", "what about naproxen, can i use that for the pain")
    assert not parsed.ok


# --- final round 13 -------------------------------------------------------------------

def test_an_old_fall_already_x_rayed_is_no_fall_warning() -> None:
    from flows.assessment import assess
    from flows.case import Case

    case = Case(sex="male", age=68, duration_weeks=26, trauma=True, xray=["joint_space_narrowing"])
    assert "fall_with_fragile_bone" not in [flag.id for flag in assess(case, ENGINE.content).red_flags]
    recent = Case(sex="male", age=68, duration_weeks=0.3, trauma=True)
    assert "fall_with_fragile_bone" in [flag.id for flag in assess(recent, ENGINE.content).red_flags]
