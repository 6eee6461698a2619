"""Session 17: what people type about a pregnancy's due date, a "don't know" said of the
question's own subject, a woman describing herself as "mulher de 30 anos", and European
texts without the Brazilian asides. Each rule both ways."""

from __future__ import annotations

from datetime import date

import pytest

from flows.content import texts_of
from flows.dialogue import get_engine
from flows.messages import UserInput
from tests.support.conversation import talk

ENGINE = get_engine()
CONTENT = ENGINE.content


def read(language: str, question: str, text: str) -> object:
    parsed = ENGINE.reader(language).read(question, text)
    return parsed.value if parsed.ok else "not read"


# --- a due date is a time left, counted back from 40 weeks ---------------------------------


@pytest.mark.parametrize(("language", "text"), [
    ("en", "due in 3 weeks"),
    ("en", "I'm due in 3 weeks"),
    ("en", "3 weeks to go"),
    ("en", "2 more weeks to go"),
    ("en", "due date is in 5 weeks"),
    ("en", "baby due in 2 months"),      # 40 - 8.7 weeks: week 31
    ("en", "due in 10 days"),
    ("en", "37 weeks, due in 3 weeks"),  # both readings agree
    ("en", "due next month"),
    ("en", "past my due date"),
    ("pt", "faltam 3 semanas para o parto"),
    ("pt", "o bebé nasce daqui a 3 semanas"),
    ("pt", "falta um mês para nascer"),
    ("pt", "faltam umas 3 semanas"),
    ("pt", "faltam mais 2 semanas"),
    ("pt", "o bebé nasce no próximo mês"),
    ("pt", "já passei do tempo"),
    ("pt-BR", "falta 3 semanas pra ganhar"),
    ("pt-BR", "faltam 2 semanas pro parto"),
])
def test_a_time_left_to_the_birth_is_late_pregnancy(language: str, text: str) -> None:
    # Read as week 3 these were the first trimester (or after the birth), where the
    # anti-inflammatory bar from 20 weeks does not apply.
    assert read(language, "pregnancy", text) == "trimester_3"


@pytest.mark.parametrize(("language", "text", "value"), [
    ("en", "3 weeks", "trimester_1"),
    ("en", "only 3 weeks pregnant", "trimester_1"),
    ("en", "34 weeks", "trimester_3"),
    ("en", "had a baby 2 weeks ago", "postpartum"),
    ("en", "had my baby last month", "postpartum"),
    ("en", "due in 30 weeks", "trimester_1"),   # counted back: week 10
    ("en", "due in 20 weeks", "trimester_2"),   # week 20
    ("pt", "tive o bebé há 3 semanas", "postpartum"),
    ("pt", "o bebé nasceu há 3 semanas", "postpartum"),
    ("pt", "tive o bebé há 3 semanas e tenho falta de ar", "postpartum"),
    ("pt-BR", "ganhei neném faz 3 semanas", "postpartum"),
])
def test_a_number_not_said_as_a_time_left_keeps_its_reading(language: str, text: str, value: str) -> None:
    assert read(language, "pregnancy", text) == value


@pytest.mark.parametrize(("language", "text", "pregnancy", "duration"), [
    ("en", "im 34 and due in 3 weeks, my left hip has been really sore for a month", "due in 3 weeks", "1 month"),
    ("en", "left hip pain, due in 3 weeks", "due in 3 weeks", None),
    ("pt", "dor na anca, faltam 3 semanas para o parto", "faltam 3 semanas para o parto", None),
])
def test_a_due_date_in_a_first_message_is_the_pregnancys_not_the_pains(
        language: str, text: str, pregnancy: str, duration: str | None) -> None:
    reader = ENGINE.reader(language)
    heard = reader.heard_number("pregnancy", text, "sex")
    assert heard == pregnancy
    assert reader.read("pregnancy", heard).value == "trimester_3"
    assert reader.heard_number("duration_weeks", text, "sex") == duration


TODAY = date(2026, 12, 2)


@pytest.mark.parametrize(("language", "text", "value"), [
    ("en", "due on 20 december", "trimester_3"),         # 2.6 weeks ahead: week 37
    ("en", "edd 20/1", "trimester_3"),                   # day first (en_GB): 20 January, week 33
    ("en", "due in january", "trimester_3"),             # a month alone: its first day
    ("en", "due date is the 3rd of march", "trimester_2"),  # 13 weeks ahead: week 27
    ("en", "due in june", "trimester_2"),
    ("en", "c-section booked for 15 december", "trimester_3"),  # a birth to come, not after one
    ("pt-BR", "DPP dia 20/01", "trimester_3"),
    ("pt-BR", "cesárea marcada pro dia 15/12", "trimester_3"),
    ("pt", "previsto para 3 de março", "trimester_2"),
])
def test_a_due_date_counts_back_from_the_day_the_message_was_sent(language: str, text: str, value: str) -> None:
    assert ENGINE.reader(language).read("pregnancy", text, today=TODAY).value == value


@pytest.mark.parametrize(("language", "text", "value"), [
    ("en", "had a planned c-section 3 weeks ago", "postpartum"),
    ("en", "had an elective section last week", "postpartum"),
    ("pt-BR", "fiz cesárea marcada há 2 semanas", "postpartum"),
])
def test_a_birth_that_was_planned_is_still_after_the_birth(language: str, text: str, value: str) -> None:
    assert ENGINE.reader(language).read("pregnancy", text, today=TODAY).value == value


def test_a_due_date_without_the_day_it_was_sent_is_asked_not_guessed() -> None:
    assert not ENGINE.reader("en").read("pregnancy", "due on 20 december").ok


@pytest.mark.parametrize(("language", "text"), [
    ("en", "F 31, hip pain for 2 weeks, edd 20/1"),
    ("pt-BR", "mulher, 28 anos, DPP dia 20/01, dor no quadril direito faz 2 semanas"),
])
def test_a_due_date_in_a_first_message_is_taken_in_the_conversation(language: str, text: str) -> None:
    conversation = talk(language=language)
    conversation.send(UserInput.typed(text).model_copy(update={"sent_on": TODAY}))
    assert conversation.session is not None
    assert conversation.session.case.pregnancy == "trimester_3"


# --- a "don't know" of the question's own subject is "Don't know" ---------------------------


@pytest.mark.parametrize(("language", "text"), [
    ("en", "fever not sure"),
    ("en", "fever? dunno"),
    ("en", "not sure if i had a fever"),
    ("en", "temp not sure"),
    ("en", "no idea if fever"),
    ("pt", "febre não sei, não tenho termómetro"),
    ("pt", "não sei se tive febre"),
    ("pt", "febre não sei"),
])
def test_unsure_of_the_fever_is_dont_know(language: str, text: str) -> None:
    # Before: a fever (English) or no fever (the Portuguese thermometer).
    assert read(language, "fever", text) is None


@pytest.mark.parametrize(("language", "text", "value"), [
    ("en", "maybe a fever", True),                      # leans to yes: said unsurely, still a fever
    ("en", "had a fever, not sure how high", True),     # unsure of something else
    ("en", "no fever", False),
    ("pt", "tive febre, não sei quanto", True),
    ("pt", "talvez febre", True),
])
def test_unsure_of_something_else_keeps_the_answer(language: str, text: str, value: bool) -> None:
    assert read(language, "fever", text) is value


# --- "mulher de 30 anos" opening a message is the writer -------------------------------------


@pytest.mark.parametrize(("language", "text", "someone_else"), [
    ("pt", "mulher de 30 anos, tive um aborto espontâneo há 3 semanas", False),
    ("pt", "homem de 45 anos com dor na anca", False),
    ("pt", "mulher, 30 anos, dor na anca", False),
    ("pt", "a mulher de 30 anos tem dor na anca", True),   # with an article: said of someone
    ("pt", "minha mulher tem 30 anos e dor na anca", True),
    ("en", "a woman of 70 fell and cant walk", True),
])
def test_a_sex_and_age_opening_the_message_are_the_writers(language: str, text: str, someone_else: bool) -> None:
    assert ENGINE.reader(language).who.for_someone_else_in(text) is someone_else


# --- the European texts carry no Brazilian asides now that pt-BR has its own ------------------


def test_european_portuguese_texts_say_112_and_cancro_alone() -> None:
    european = list(texts_of(CONTENT, "pt"))
    assert not [t for t in european if "no Brasil" in t or "(câncer)" in t]
    brazilian = list(texts_of(CONTENT, "pt-BR"))
    assert any("192" in t for t in brazilian) and any("câncer" in t for t in brazilian)


# --- an answer to "which unit?" that no unit would give asks the unit again -----------------


@pytest.mark.parametrize("reply", ["ok", "the first one", "1", "normal"])
def test_a_reply_to_which_unit_that_no_unit_gives_asks_again(reply: str) -> None:
    reader = ENGINE.reader("en")
    asked = reader.read("inflammatory_markers", "crp 45")
    assert asked.error == "which_unit" and asked.pending
    # 45 is raised in mg/L and in mg/dL: "Normal" or "Not done" contradicts it
    again = reader.read("inflammatory_markers", reply, pending=asked.pending)
    assert not again.ok and again.error == "which_unit" and again.pending == asked.pending


@pytest.mark.parametrize(("reply", "value"), [
    ("mg/l", "mildly_raised"), ("mg/dL", "markedly_raised"), ("a little raised", "mildly_raised"),
    # the unit not known: the graver reading, said (session 26a; it was "Don't know", the CRP lost)
    ("don't know", "markedly_raised"),
])
def test_a_reply_to_which_unit_that_a_unit_gives_is_taken(reply: str, value: object) -> None:
    reader = ENGINE.reader("en")
    asked = reader.read("inflammatory_markers", "crp 45")
    taken = reader.read("inflammatory_markers", reply, pending=asked.pending)
    assert taken.ok and taken.value == value


# --- a finding followed by a "don't know" is neither said nor denied ------------------------


@pytest.mark.parametrize(("language", "text"), [
    ("pt", "custa a andar. febre não sei, não tenho termómetro"),  # was "Febre: Não" (user test pt 17)
    ("en", "fever? not sure, hip hurts"),
])
def test_a_finding_said_unsurely_in_passing_is_left_to_its_question(language: str, text: str) -> None:
    assert ENGINE.reader(language).mentions("fever", text) == []


@pytest.mark.parametrize(("language", "text", "named"), [
    ("pt-BR", "febre não", [1]), ("pt", "sem febre", [1]), ("pt", "febre não tive", [1]),
    ("en", "fever no", [1]), ("en", "no fever", [1]), ("en", "fever 38.9", [0]),
    # was left to its question (user test pt-BR 17); a body felt hot, not measured, is a fever (pt-BR 23b)
    ("pt-BR", "febre nao medi, mas tava quente", [0]),
])
def test_a_finding_said_plainly_in_passing_is_still_heard(language: str, text: str, named: list[int]) -> None:
    assert ENGINE.reader(language).mentions("fever", text) == named


# --- a baby's age is after the birth, and the writer is the mother ---------------------------


@pytest.mark.parametrize(("language", "text"), [
    ("en", "my 4 month old is exclusively breastfed"),   # was the second trimester (user test en 17)
    ("en", "i have a 6 week old"),                        # was the first trimester
    ("en", "im 6 months pp"),
    ("en", "my son is 2 weeks old"),
    ("en", "my daughter is 8 weeks"),
    ("pt", "bebé de 2 meses"),
    ("pt", "o meu filho tem 3 semanas"),
    ("pt", "15 dias de pós-parto"),
    ("pt-BR", "faz 15 dias que ganhei neném"),
])
def test_a_babys_age_is_after_the_birth(language: str, text: str) -> None:
    assert read(language, "pregnancy", text) == "postpartum"


@pytest.mark.parametrize(("language", "text", "value"), [
    ("en", "30 weeks pregnant", "trimester_3"),
    ("en", "my 2 year old", "not read"),      # no birth in the last year; asked
    ("pt", "há 3 semanas", "not read"),       # a time since what? asked
])
def test_a_number_without_the_babys_words_keeps_its_reading(language: str, text: str, value: str) -> None:
    assert read(language, "pregnancy", text) == value


@pytest.mark.parametrize(("language", "text", "someone_else"), [
    ("en", "my son is 2 weeks old", False),
    ("pt", "a minha filha tem 2 meses", False),
    ("en", "my son is 40 and his hip hurts", True),
    ("pt", "o meu filho tem 30 anos e dói-lhe a anca", True),
    ("pt", "minha mãe tem dor há 3 meses", True),
])
def test_a_child_given_an_age_in_weeks_or_months_is_the_writers_baby(
        language: str, text: str, someone_else: bool) -> None:
    assert ENGINE.reader(language).who.for_someone_else_in(text) is someone_else


# --- a pregnancy lost, or a due date passed ------------------------------------------------


@pytest.mark.parametrize(("language", "text", "value"), [
    ("en", "i was but lost it at 9 wks in october", "recent_pregnancy_loss"),  # was the first trimester
    ("en", "had a chemical pregnancy last week", "recent_pregnancy_loss"),
    ("en", "had a mc 3 weeks ago", "recent_pregnancy_loss"),
    ("en", "due date was last week, still waiting lol", "trimester_3"),       # was the first trimester
    ("en", "10 days overdue", "trimester_3"),
    ("pt-BR", "meu parto ta previsto pra 20 de janeiro", "trimester_3"),     # was after the birth
    ("pt-BR", "previsao do parto é pra janeiro", "trimester_3"),
    ("pt-BR", "to pra ganhar semana que vem", "trimester_3"),
    ("pt-BR", "vou ter neném mes que vem", "trimester_3"),
    ("pt-BR", "já passei 3 dias", "trimester_3"),
    ("pt-BR", "ganhei neném semana passada", "postpartum"),
])
def test_a_pregnancy_lost_or_a_due_date_passed(language: str, text: str, value: str) -> None:
    assert ENGINE.reader(language).read("pregnancy", text, today=TODAY).value == value


def test_a_month_typed_without_its_accent_is_a_month() -> None:
    reader = ENGINE.reader("pt")
    assert reader.read("duration_weeks", "desde marco", today=TODAY).value == reader.read(
        "duration_weeks", "desde março", today=TODAY).value


# --- low-dose aspirin is no anti-inflammatory to stop, nor a sign of pre-eclampsia -----------


@pytest.mark.parametrize(("language", "text"), [
    ("pt", "sim, aspirina 150 que a medica mandou"), ("en", "yes, aspirin 150 for pre-eclampsia"),
])
def test_a_yes_with_low_dose_aspirin_is_asked_about(language: str, text: str) -> None:
    parsed = ENGINE.reader(language).read("pain_medicines", text)
    assert not parsed.ok and len(parsed.clarify) == 2


@pytest.mark.parametrize(("language", "text", "value"), [
    ("pt", "aspirina 150", False), ("pt", "tomo aspirina para a pré-eclâmpsia", False),
    ("pt", "paracetamol e ibuprofeno", True), ("pt", "sim, brufen", True), ("pt", "clonix", True),
    ("en", "paracetamol and ibuprofen", True),
])
def test_anti_inflammatories_named_are_read_so(language: str, text: str, value: bool) -> None:
    assert read(language, "pain_medicines", text) is value


@pytest.mark.parametrize(("language", "text"), [
    ("en", "aspirin 150 for pre-eclampsia"), ("en", "im on aspirin to prevent pre-eclampsia"),
    ("pt", "tomo aspirina para prevenir a pré-eclâmpsia"),
])
def test_aspirin_to_prevent_pre_eclampsia_is_no_sign_of_it(language: str, text: str) -> None:
    assert read(language, "pregnancy_warning_signs", text) != ["preeclampsia_signs"]


def test_the_anti_inflammatory_warning_says_to_keep_prescribed_aspirin() -> None:
    conversation = talk("female", "30", "30 weeks", "none", "left", "none", "groin", "gradual", "3 weeks",
                        "walking makes it worse", "none")
    replies = conversation.say("ibuprofen")
    warning = next(r for r in replies if r.code == "nsaid_in_pregnancy")
    assert "aspirin" in warning.text and "keep taking it" in warning.text


# --- on the floor after a fall: call now, do not lift ------------------------------------------


@pytest.mark.parametrize(("language", "text", "words"), [
    ("pt-BR", "minha mãe de 78 caiu no banheiro e nao consegue levantar", "não tente levantá-la"),
    ("pt", "a minha mãe caiu e não se consegue levantar", "não a tente levantar"),
    ("en", "mum fell and cant get up", "do not try to lift them"),
])
def test_a_fall_and_cannot_get_up_warns_to_call_and_not_lift(language: str, text: str, words: str) -> None:
    conversation = talk(text, language=language)
    assert conversation.session is not None and conversation.session.case.unable_to_bear_weight is True
    warnings = [r.text for _, replies in conversation.transcript for r in replies
                if r.code == "trauma_cannot_bear_weight"]
    assert warnings and words in warnings[0]


# --- everyday words for walking, the spinal nerves and a wound ------------------------------


@pytest.mark.parametrize(("language", "question", "text", "value"), [
    ("en", "walking", "WB with pain", "worse"),
    ("en", "walking", "mobilising with stick", "worse"),
    ("en", "walking", "walks with frame now", "worse"),
    ("en", "walking", "she can walk but it hurts when she walks", "worse"),
    ("en", "walking", "fine until i walk far", "worse"),
    ("pt", "walking", "ta a doer muito quando ando", "worse"),
    ("pt", "walking", "está a doer ao andar", "worse"),
    ("pt", "walking", "não consegue andar", "cannot"),
    ("pt", "walking", "não se consegue levantar", "cannot"),
    ("en", "warning_signs", "numbness round my bum and trouble peeing", ["cauda_equina_signs"]),
    ("en", "warning_signs", "tingling between my legs", ["cauda_equina_signs"]),
    ("en", "warning_signs", "wetting myself", ["cauda_equina_signs"]),
    ("pt-BR", "after_birth_warning_signs", "os pontos tao vermelhos e saindo pus", ["wound_signs"]),
    ("pt-BR", "after_birth_warning_signs", "os pontos inflamaram", ["wound_signs"]),
    ("pt", "breastfeeding", "sim, mas não sempre", True),                  # a "but" that adds no answer
])
def test_everyday_words_are_read(language: str, question: str, text: str, value: object) -> None:
    assert read(language, question, text) == value


@pytest.mark.parametrize(("language", "text"), [
    ("pt", "estou grávida mas nsei de quantas semanas"), ("pt", "gravida, nao sei bem de quanto tempo"),
    ("en", "pregnant, not sure how far along"), ("en", "not sure how many weeks"),
])
def test_a_pregnancy_but_not_the_week_is_a_pregnancy_of_unknown_stage(language: str, text: str) -> None:
    assert read(language, "pregnancy", text) == "pregnant_stage_unknown"


@pytest.mark.parametrize(("language", "text"), [("pt", "nao sei"), ("en", "not sure")])
def test_dont_know_alone_is_still_dont_know(language: str, text: str) -> None:
    assert read(language, "pregnancy", text) is None


def test_a_pregnancy_of_unknown_stage_keeps_the_pregnancys_rules() -> None:
    # user test pt 17: "tomo brufen" was not warned once the pregnancy was lost
    conversation = talk("mulher", "30", "gravida, nao sei bem de quanto tempo", "nenhuma", "direita", "nenhum",
                        "de repente", "2 semanas", "doi a andar", "nenhuma", language="pt")
    assert conversation.session is not None and conversation.session.case.pregnancy == "pregnant_stage_unknown"
    replies = conversation.say("tomo brufen")
    assert any(r.code == "nsaid_in_pregnancy" for r in replies)
    assert conversation.session.case.pregnancy_warning_signs is False  # its warning signs were asked


# --- at the offer of what to do now, an answer carries on --------------------------------------


def test_an_answer_to_a_later_question_at_the_offer_carries_on() -> None:
    conversation = talk("66F, hx breast ca, L hip pain 3/52, night pain, no trauma, XR NAD, ESR 80")
    assert conversation.session is not None and conversation.session.mode == "danger_offer"
    conversation.say("mobile, painful")
    assert conversation.session.mode == "asking"


def test_a_word_that_says_nothing_at_the_offer_asks_again() -> None:
    conversation = talk("66F, hx breast ca, L hip pain 3/52, night pain, no trauma, XR NAD, ESR 80")
    replies = conversation.say("hmm")
    assert conversation.session is not None and conversation.session.mode == "danger_offer"
    assert replies[-1].code == "danger_offer"


# --- a temperature typed at another number question is no number of it --------------------


@pytest.mark.parametrize("text", ["101F", "39.2C"])
def test_a_temperature_at_how_long_is_asked_again(text: str) -> None:
    assert not ENGINE.reader("en").read("duration_weeks", text).ok  # was 101 weeks (23 months)


@pytest.mark.parametrize(("text", "age"), [("45 F", 45), ("41F", 41), ("38 f", 38)])
def test_an_age_with_the_sex_is_still_an_age(text: str, age: int) -> None:
    assert read("en", "age", text) == age


@pytest.mark.parametrize(("language", "text", "value"), [
    ("pt-BR", "bebo cerveja no fds", "not read"),           # was heavy drinking
    ("pt-BR", "tomei prednisona 5 dias pra dor", "not read"),  # a course for this pain: no AVN risk
    ("pt-BR", "bebo muito todo dia", ["alcohol_excess"]),
    ("pt", "tomo prednisona há 2 anos para o lúpus", ["glucocorticoids", "other_avn_risk"]),
])
def test_what_is_no_risk_factor_is_not_ticked(language: str, text: str, value: object) -> None:
    assert read(language, "medical_history", text) == value


# --- round 17c: the verification round's findings ------------------------------------------


@pytest.mark.parametrize(("language", "text", "value"), [
    ("pt", "o parto era para a semana passada e ainda nada", "trimester_3"),  # was after the birth
    ("en", "passed my due date 5 days ago", "trimester_3"),
    ("en", "due the 10th", "trimester_3"),            # a day alone: the next 10th (was week 10)
    ("en", "due on the 20th", "trimester_3"),
    ("pt", "previsto para dia 10", "trimester_3"),
    ("pt", "é para dia 28", "trimester_3"),
    ("en", "my wife is 36 weeks", "trimester_3"),     # was not heard
    ("en", "pregnant but no idea how far", "pregnant_stage_unknown"),
    ("pt", "perdi um bebé em junho", "recent_pregnancy_loss"),  # was after the birth
    ("en", "10 weeks", "trimester_1"),
])
def test_the_stage_said_in_the_verification_round(language: str, text: str, value: str) -> None:
    assert ENGINE.reader(language).read("pregnancy", text, today=TODAY).value == value


@pytest.mark.parametrize(("language", "question", "text", "value"), [
    ("en", "pregnancy_warning_signs", "the midwife put me on it for pre-eclampsia", "not read"),
    ("pt-BR", "pregnancy_warning_signs", "perdi liquido", ["pregnancy_warning_signs"]),
    ("pt-BR", "pregnancy_warning_signs", "saiu uma aguinha", ["pregnancy_warning_signs"]),
    ("pt-BR", "walking", "meu pai caiu e não levanta", "cannot"),
    ("en", "duration_weeks", "naproxen 500 bd", "not read"),         # was 500 weeks
    ("pt-BR", "duration_weeks", "tomo nimesulida 100mg 2x ao dia", "not read"),
])
def test_the_words_of_the_verification_round(language: str, question: str, text: str, value: object) -> None:
    assert read(language, question, text) == value


@pytest.mark.parametrize(("language", "text"), [
    ("en", "I'm her husband. she miscarried 2 weeks ago"), ("pt", "sou o marido. ela teve um aborto há 2 semanas"),
])
def test_a_husband_writing_is_asking_for_her(language: str, text: str) -> None:
    assert ENGINE.reader(language).who.for_someone_else_in(text) is True


@pytest.mark.parametrize("text", ["a minha mulher tem 34+2", "34+2"])
def test_weeks_and_days_are_no_age(text: str) -> None:
    assert not ENGINE.reader("pt").read("age", text).ok  # was 34 years old (user test pt 17c)


@pytest.mark.parametrize(("typed", "language"), [
    ("português", "pt-BR"), ("pt", "pt-BR"), ("português de portugal", "pt"), ("pt-pt", "pt"), ("english", "en"),
])
def test_a_name_of_the_whole_language_keeps_the_variant(typed: str, language: str) -> None:
    conversation = talk("feminino", language="pt-BR")
    conversation.say("/language")
    conversation.say(typed)
    assert conversation.session is not None and conversation.session.locale == language


@pytest.mark.parametrize(("text", "found"), [
    ("62F L hip pain 3/12, xray mild OA, night pain", [["joint_space_narrowing"]]),  # was dropped (user test en 17c)
    ("MRI consistent with TOH", []),        # a diagnosis named as such is no finding
    # ...but said as what the X-ray showed, unhedged, it is its finding, as at the X-ray
    # question (user test en 19: "xray last year said some arthritis" was lost)
    ("xray: osteoarthritis", [["joint_space_narrowing"]]),
    ("xray: ?osteoarthritis", []),
])
def test_an_xray_finding_in_a_note_is_heard_and_a_diagnosis_is_not(text: str, found: list[list[str]]) -> None:
    assert ENGINE.reader("en").heard_findings("xray", text) == found


@pytest.mark.parametrize(("language", "question", "text", "value"), [
    ("pt-BR", "warning_signs", "fiquei quente mas nao medi", "not read"),    # was a hot, swollen hip
    ("en", "warning_signs", "dont think so, feel hot and cold tho", "none"),
    ("pt-BR", "warning_signs", "o quadril está quente e inchado", ["hot_swollen_joint"]),
    ("pt-BR", "fever", "fiquei quente mas nao medi", True),                  # felt hot: a fever said
])
def test_feeling_hot_is_a_fever_not_a_hot_joint(language: str, question: str, text: str, value: object) -> None:
    assert read(language, question, text) == value


@pytest.mark.parametrize(("text", "value"), [
    ("tive o bebé há 2 semanas, tenho consulta na semana que vem", "postpartum"),  # a visit to come is no birth
    ("não, mas vou ter consulta mês que vem", "not_pregnant"),
])
def test_a_time_to_come_alone_says_nothing_of_the_pregnancy(text: str, value: str) -> None:
    assert ENGINE.reader("pt").read("pregnancy", text, today=TODAY).value == value


@pytest.mark.parametrize(("language", "question", "text"), [
    ("en", "side", "left but sometimes right"),        # not "right": asked which
    ("en", "onset", "gradual but came on suddenly too"),
    ("pt", "side", "esquerda mas às vezes direita"),
])
def test_a_but_after_a_plain_answer_does_not_replace_it(language: str, question: str, text: str) -> None:
    parsed = ENGINE.reader(language).read(question, text)
    assert not parsed.ok and len(parsed.clarify) == 2


def test_a_pain_that_got_worse_suddenly_still_began_as_said() -> None:
    # Session 19: "got worse suddenly" says how the pain changed, not how it began
    # (questions.yaml onset `not_with`); before, this was asked "suddenly or gradually?"
    assert ENGINE.reader("en").read("onset", "gradual but got worse suddenly").value == "gradual"
