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
    ("pt-BR", "consigo andar", "fine"),
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
    assert conv.state == "walking"


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
