"""What the Brazilian user tests of round 16 asked for, each as the general rule that fixes
it, both ways: Brazilian women who are pregnant or had a baby, and Brazilian adults and
clinicians, typing as they do on WhatsApp."""

from __future__ import annotations

import pytest

from flows.dialogue import get_engine
from flows.messages import UserInput
from tests.support.conversation import talk

ENGINE = get_engine()
CONTENT = ENGINE.content


def read(language: str, question: str, text: str) -> object:
    parsed = ENGINE.reader(language).read(question, text)
    return parsed.value if parsed.ok else None


# --- a negation that closes its clause denies the phrase before it --------------------------


@pytest.mark.parametrize(("language", "question", "text", "value"), [
    ("pt-BR", "medical_history", "diabetes nao, tenho osteoporose", ["known_osteoporosis"]),
    ("pt-BR", "medical_history", "tenho diabetes e osteoporose não", ["immunosuppressed"]),
    ("pt-BR", "warning_signs", "queda nao, mas doi a noite", ["night_pain"]),
    ("pt-BR", "warning_signs", "cancer nunca tive, so doi a noite", ["night_pain"]),
    ("en", "medical_history", "diabetes no, osteoporosis yes", ["known_osteoporosis"]),
    ("en", "warning_signs", "fall no, night pain yes", ["night_pain"]),
])
def test_a_negation_closing_its_clause_denies_what_was_just_said(
        language: str, question: str, text: str, value: list[str]) -> None:
    assert read(language, question, text) == value


@pytest.mark.parametrize(("language", "question", "text", "value"), [
    # ...only right after the phrase and at the clause's end: these deny nothing
    ("pt-BR", "medical_history", "tenho diabetes", ["immunosuppressed"]),
    ("pt-BR", "medical_history", "diabetes não sei se conta, tenho", None),
    ("pt-BR", "pregnancy_warning_signs", "o sangramento não para", ["pregnancy_warning_signs"]),
])
def test_a_negation_that_does_not_close_the_clause_denies_nothing(
        language: str, question: str, text: str, value: object) -> None:
    assert read(language, question, text) != [] and (value is None or read(language, question, text) == value)


# --- warning signs in everyday Brazilian words -----------------------------------------------


@pytest.mark.parametrize(("question", "text", "item"), [
    ("after_birth_warning_signs", "saindo muito coagulo", "heavy_bleeding_after_birth"),
    ("after_birth_warning_signs", "sangrando bastante, troco o absorvente toda hora", "heavy_bleeding_after_birth"),
    ("after_birth_warning_signs", "nada disso, só a pressão que ta alta", "preeclampsia_signs_after_birth"),
    ("pregnancy_warning_signs", "nada disso, so uma dorzinha embaixo da costela direita", "preeclampsia_signs"),
    ("pregnancy_warning_signs", "nada, só uma dor de cabeça chata que nao passa", "preeclampsia_signs"),
    ("pregnancy_warning_signs", "nao, mas minha pressao subiu", "preeclampsia_signs"),
    ("pregnancy_warning_signs", "dor na boca do estomago", "preeclampsia_signs"),
    ("pregnancy_warning_signs", "a barriga ta dura e doendo toda hora", "pregnancy_warning_signs"),
    ("pregnancy_warning_signs", "escorreu um liquido", "pregnancy_warning_signs"),
    ("pregnancy_warning_signs", "sinto que vou desmaiar", "pregnancy_warning_signs"),
])
def test_a_warning_sign_in_brazilian_words_is_that_sign(question: str, text: str, item: str) -> None:
    assert read("pt-BR", question, text) == [item]


def test_heavy_clots_after_a_birth_warn_of_bleeding_and_not_of_a_clot_in_the_leg() -> None:
    conv = talk("mulher", "28", "tive bebe de cesarea faz 5 dias", "sim", "saindo muito coagulo", language="pt-BR")
    assert conv.session is not None
    case = conv.session.case
    assert case.heavy_bleeding_after_birth is True and case.clot_signs is not True


@pytest.mark.parametrize(("language", "text"), [
    ("pt-BR", "as pernas inchadas"), ("en", "my legs are swollen"),
])
def test_both_legs_swollen_is_no_clots_sign_nor_a_hot_hip(language: str, text: str) -> None:
    assert read(language, "warning_signs", text) is None  # asked again, not ticked


@pytest.mark.parametrize(("language", "text"), [
    ("pt-BR", "minha perna esquerda ta inchada"), ("en", "my left leg is swollen"),
])
def test_one_swollen_leg_is_still_a_clots_sign(language: str, text: str) -> None:
    assert read(language, "warning_signs", text) == ["clot_signs"]


def test_the_clot_warning_says_to_call_first_for_breathlessness() -> None:
    flag = next(flag for flag, _ in CONTENT.red_flags if flag.id == "clot_signs")
    for language in CONTENT.languages:
        message = CONTENT.text(flag.message, language)
        call = {"en": "call an ambulance now", "pt": "ligue já 112", "pt-BR": "ligue agora 192"}[language]
        go = {"en": "emergency department today", "pt": "serviço de urgência", "pt-BR": "pronto-socorro"}[language]
        assert message.index(call) < message.index(go), message


# --- painkillers by their Brazilian names ----------------------------------------------------


@pytest.mark.parametrize(("language", "text", "value"), [
    ("pt-BR", "tomei torsilax", True),
    ("pt-BR", "dipirona e ibuprofeno", True),
    ("en", "paracetamol and ibuprofen", True),
    ("pt-BR", "so dorflex", False),
    ("pt-BR", "tomei dipirona", False),
    ("pt-BR", "aas infantil que o obstetra passou", False),
    ("pt-BR", "tomo tramal quando ta mt forte", False),
    ("pt-BR", "não tomo ibuprofeno, só paracetamol", False),
    ("en", "no ibuprofen just paracetamol", False),
])
def test_an_anti_inflammatory_named_is_a_yes_and_other_painkillers_a_no(language: str, text: str, value: bool) -> None:
    assert read(language, "pain_medicines", text) is value


# --- walking -------------------------------------------------------------------------------


@pytest.mark.parametrize(("language", "text", "value"), [
    ("pt-BR", "consigo andar um pouco", "worse"),
    ("pt-BR", "consegue andar um pouquinho com andador", "worse"),
    ("pt-BR", "andando igual pinguim", "worse"),
    ("en", "i can walk a little", "worse"),
    ("pt-BR", "consigo andar bem", "fine"),
    ("pt-BR", "ando normal", "fine"),
])
def test_a_little_walking_a_walker_or_a_waddle_is_walking_that_hurts(language: str, text: str, value: str) -> None:
    assert read(language, "walking", text) == value


# --- who is asked ------------------------------------------------------------------------------


@pytest.mark.parametrize(("language", "answers"), [
    ("pt-BR", ("mulher", "28", "tive bebe faz 2 meses", "sim", "nenhuma", "direito", "nenhum", "1",
               "desde que minha filha nasceu")),
    ("pt-BR", ("mulher", "28", "tive bebe faz 2 meses", "sim", "nenhuma", "direito", "nenhum", "1", "de repente",
               "3 semanas", "so ando com ajuda do meu marido")),
    ("en", ("female", "29", "had a baby 6 weeks ago", "no", "none", "left", "none", "1", "since my son was born")),
])
def test_a_childs_birth_or_a_husbands_help_is_the_writers_own(language: str, answers: tuple[str, ...]) -> None:
    conv = talk(*answers, language=language)
    assert conv.session is not None and not conv.session.for_someone_else


@pytest.mark.parametrize("first", [
    "é pra minha mãe, eu to digitando pra ela", "é para um paciente", "sou o filho dela, minha mae tem 80 anos",
])
def test_typing_for_a_mother_or_a_patient_asks_about_them(first: str) -> None:
    conv = talk(first, language="pt-BR")
    assert conv.session is not None and conv.session.for_someone_else


# --- the offer of what to do now -------------------------------------------------------------


def test_an_answer_typed_at_the_offer_of_what_to_do_now_is_kept_and_the_questions_go_on() -> None:
    conv = talk("é pra minha mãe", "feminino", "78", "direito", "nao fez nada ainda",
                "ela caiu no banheiro ontem a noite", language="pt-BR")
    assert conv.session is not None and conv.session.mode == "danger_offer"
    conv.say("desde ontem")
    assert conv.session.mode == "asking" and conv.session.case.duration_weeks is not None
    # the questions go on past how long (walking itself is passed over for a woman of 78 after
    # a fall since session 30: a break leads and it is an emergency whatever the answer)
    assert conv.state in {"walking", "medical_history"}


def test_a_word_that_is_no_answer_at_the_offer_asks_for_the_choice_again() -> None:
    conv = talk("é pra minha mãe", "feminino", "78", "direito", "nao fez nada ainda",
                "ela caiu no banheiro ontem a noite", language="pt-BR")
    replies = conv.say("hmm")
    assert conv.session is not None and conv.session.mode == "danger_offer"
    assert replies[-1].code == "danger_offer"
    conv.say("o que eu faço?")
    assert conv.session.mode == "asking"  # what to do now was shown


def test_an_answer_not_understood_is_quoted_as_typed_not_as_read() -> None:
    conv = talk("mulher", "30", "32 semanas", language="pt-BR")
    replies = conv.send(UserInput.typed("as vezes a barriga fica dura, sei la"))
    texts = " ".join(r.text for r in replies)
    assert "fica dura" in texts and "fico dura" not in texts


# --- side remarks are not answers to the question asked ---------------------------------------


@pytest.mark.parametrize(("language", "question", "text"), [
    ("pt-BR", "medical_history", "nao consigo apoiar a perna no chão de jeito nenhum"),  # "at all", no "none"
    ("pt-BR", "inflammatory_markers", "sou soropositivo, tomo o coquetel (TARV) certinho"),  # properly, no "normal"
    ("pt-BR", "xray", "tenho osteoporose, tomo alendronato"),  # her condition, not the X-ray's finding
    ("en", "xray", "i have osteoporosis"),
    ("pt-BR", "warning_signs", "doi quando viro na cama"),  # turning in bed is no night pain
    ("pt-BR", "warning_signs", "ta na cama"),  # nor lying in bed
])
def test_a_side_remark_is_not_read_as_the_answer(language: str, question: str, text: str) -> None:
    assert read(language, question, text) is None


@pytest.mark.parametrize(("language", "question", "text", "value"), [
    ("pt-BR", "medical_history", "nenhuma", "none"),
    ("pt-BR", "inflammatory_markers", "deu tudo certinho", "normal"),
    ("pt-BR", "xray", "mostrou osteoporose", ["osteopenia"]),
    ("pt-BR", "warning_signs", "acordo a noite com dor", ["night_pain"]),
    ("pt-BR", "medical_history", "ja tive fratura no punho caindo da propria altura", ["known_osteoporosis"]),
    ("pt-BR", "medical_history", "tomo meticorten", ["glucocorticoids"]),
    ("pt-BR", "medical_history", "sou soropositivo, tomo TARV", ["other_avn_risk", "immunosuppressed"]),
    ("pt-BR", "warning_signs", "fiz mastectomia", ["cancer_history"]),
    ("pt-BR", "side", "os 2", "both"),
])
def test_the_same_words_said_as_the_answer_still_answer(language: str, question: str, text: str, value: object) -> None:
    assert read(language, question, text) == value


# --- low mood told in the middle of the questions ----------------------------------------------


@pytest.mark.parametrize(("language", "said", "helpline"), [
    ("pt-BR", "to muito triste, choro o dia todo", "188"),
    ("pt", "estou muito triste, choro muito", "808 24 24 24"),
    ("en", "i've been so depressed, crying all the time", "116 123"),
])
def test_low_mood_told_is_heard_with_where_to_turn_and_the_questions_go_on(
        language: str, said: str, helpline: str) -> None:
    conv = talk("female", "28", language=language)
    state = conv.state
    replies = conv.say(said)
    texts = [r.text for r in replies]
    assert any(helpline in t for t in texts), texts
    assert conv.state == state  # the question is asked again, nothing recorded


def test_no_low_mood_answer_without_its_words() -> None:
    replies = talk("female", "28", language="pt-BR").say("sei lá")
    assert not any(r.code.startswith("quick_answer:low_mood") for r in replies)


# --- advice that did not fit ---------------------------------------------------------------------


def test_a_heavy_drinker_is_not_told_to_use_paracetamol_and_then_that_it_harms_the_liver() -> None:
    from flows.assessment import assess
    from flows.case import Case
    from flows.guidance import select_guidance
    case = Case(sex="male", age=44, side="right", onset="sudden", fever=True, alcohol_excess=True)
    ids = {item.id for _, items in select_guidance(case, assess(case, CONTENT), CONTENT) for item in items}
    assert "pain_with_heavy_drinking" in ids
    assert "pain_no_nsaid_until_infection_excluded" not in ids
    sober = case.model_copy(update={"alcohol_excess": False})
    assert "pain_no_nsaid_until_infection_excluded" in {
        item.id for _, items in select_guidance(sober, assess(sober, CONTENT), CONTENT) for item in items}


def test_brazil_is_shown_prednisona_and_no_british_agency_as_the_advice() -> None:
    label = CONTENT.text(next(o.label for o in CONTENT.options["medical_history"] if o.field == "glucocorticoids"),
                         "pt-BR")
    assert "prednisona" in label
    shown = " ".join(texts_of_brazil())
    assert "o NICE (o órgão britânico de diretrizes clínicas) sugere" not in shown


def texts_of_brazil() -> list[str]:
    from flows.content import texts_of
    return list(texts_of(CONTENT, "pt-BR"))


# --- round 16b: the Brazilian negation at the clause's end ----------------------------------------


@pytest.mark.parametrize(("question", "text", "value"), [
    ("walking", "consigo andar não", "cannot"),  # "não consigo andar", not "I can walk"
    ("walking", "não consigo andar não", "cannot"),  # the second "não" is emphasis
    ("pregnancy_warning_signs", "sinto o nenê mexer não", ["reduced_fetal_movements"]),
    ("warning_signs", "to urinando normal nao", ["cauda_equina_signs"]),
    ("warning_signs", "sinto a bunda nao", ["cauda_equina_signs"]),
    ("warning_signs", "tem febre nao, mas xixi nao sai", ["cauda_equina_signs"]),
    ("medical_history", "diabetes nao, tenho osteoporose", ["known_osteoporosis"]),
    ("fever", "febre não", False),
    ("fever", "nn", False),
    ("fever", "naum", False),
    ("walking", "travou, nao sai do lugar", "cannot"),  # no "não sei" read from "sai"
    ("tests_done", "nenhum exame", "none"),
])
def test_a_clause_ending_in_a_negation_is_read_as_brazilians_mean_it(question: str, text: str, value: object) -> None:
    assert read("pt-BR", question, text) == value


def test_a_negation_kept_at_the_end_where_it_belongs_there() -> None:
    reader = ENGINE.reader("pt-BR")
    assert reader.negation_first("acho que não") == "acho que não"
    assert reader.negation_first("ainda não") == "ainda não"
    assert reader.negation_first("consigo andar não") == "não consigo andar"
    assert reader.negation_first("PCR 2,2, febre não") == "pcr 2,2, não febre"  # a decimal's comma parts nothing
    assert ENGINE.reader("en").negation_first("i can walk no") == "i can walk no"  # English has none to move


def test_a_fear_of_cancer_is_no_history_of_it() -> None:
    assert read("pt-BR", "warning_signs", "to com medo de ser cancer") is None
    assert read("pt-BR", "warning_signs", "tive cancer de mama") == ["cancer_history"]


# --- round 16b: metamizole late in pregnancy ---------------------------------------------------------


def test_metamizole_named_in_the_third_trimester_warns_at_once() -> None:
    conv = talk("mulher, 30 anos, gravida de 34 semanas, tomo novalgina todo dia pra dor no quadril",
                language="pt-BR")
    assert conv.session is not None and conv.session.case.metamizole_use is True
    warned = [r.code for _, replies in conv.transcript for r in replies if r.kind == "warning"]
    assert "metamizole_late_pregnancy" in warned, warned


def test_metamizole_before_the_third_trimester_or_asked_about_does_not_warn() -> None:
    earlier = talk("mulher", "30", "20 semanas", "nenhuma", "direito", "nenhum", "virilha", "aos poucos", "3 semanas",
                   "doi pra andar", "nada", "só novalgina", language="pt-BR")
    assert earlier.session is not None and earlier.session.case.metamizole_use is not True
    assert earlier.session.case.nsaid_use is False  # and it is no anti-inflammatory
    asked = talk("mulher", "30", "34 semanas", "posso tomar dipirona?", language="pt-BR")
    assert asked.session is not None and asked.session.case.metamizole_use is not True


# --- round 16b (English and European Portuguese): a note's "no" after the finding --------------


@pytest.mark.parametrize(("language", "question", "text", "value"), [
    ("en", "fever", "fever: nil", False),
    ("en", "fever", "fever -ve", False),
    ("en", "fever", "fever? no", False),
    ("en", "fever", "Fever: N", False),
    ("pt", "fever", "febre: não", False),
    ("en", "warning_signs", "fever: nil", "none"),
    ("en", "fever", "fever", True),
    ("en", "medical_history", "steroids", ["glucocorticoids"]),
])
def test_a_notes_no_after_a_colon_or_question_mark_denies_the_finding(
        language: str, question: str, text: str, value: object) -> None:
    assert read(language, question, text) == value


@pytest.mark.parametrize(("language", "text"), [
    ("en", "steroids: nil"), ("en", "HIV negative"), ("pt", "VIH negativo"), ("en", "cauda equina sx neg"),
])
def test_a_denied_finding_in_a_note_is_not_ticked(language: str, text: str) -> None:
    question = "warning_signs" if "cauda" in text else "medical_history"
    assert read(language, question, text) in (None, "none")


@pytest.mark.parametrize(("language", "text"), [
    ("en", "been weeing myself since yesterday"), ("en", "incontinent of urine"), ("pt", "perco a urina"),
    ("pt", "tenho o rabo dormente"),
])
def test_bladder_and_numbness_in_everyday_words_are_the_spinal_nerves_sign(language: str, text: str) -> None:
    assert read(language, "warning_signs", text) == ["cauda_equina_signs"]
