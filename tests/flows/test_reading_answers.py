"""flows.answers and flows.quantities: readings that once went wrong in a way that matters.

Each test names the general rule, and tries it in both languages with phrasings other
than the corpus's (tests/phrasings), so a fix that special-cased one sentence fails here.
"""

from __future__ import annotations

import pytest

from flows.dialogue import get_engine
from flows.quantities import NumberWords, quantities

ENGINE = get_engine()
CONTENT = ENGINE.content

# --- a number tied to the word trimester names the trimester --------------------------


@pytest.mark.parametrize(("language", "typed", "expect"), [
    ("en", "I am in my 3rd trimester", "trimester_3"),
    ("en", "third trimester, feeling huge", "trimester_3"),
    ("en", "in my second tri", "trimester_2"),
    ("en", "trimester 2", "trimester_2"),
    ("en", "yes - 1st trimester", "trimester_1"),
    ("en", "yep, 3rd tri", "trimester_3"),
    ("pt", "estou no 3º trimestre", "trimester_3"),
    ("pt", "terceiro trimestre", "trimester_3"),
    ("pt", "no 2.º trimestre", "trimester_2"),
    ("pt", "sim, no 1.º trimestre", "trimester_1"),
    ("pt", "trimestre 2", "trimester_2"),
    ("pt", "3 trimestre", "trimester_3"),
])
def test_a_trimester_number_or_ordinal_is_that_trimester_not_a_week(language: str, typed: str, expect: str) -> None:
    parsed = ENGINE.reader(language).read("pregnancy", typed)
    assert parsed.ok and parsed.value == expect, parsed


@pytest.mark.parametrize(("language", "typed", "expect"), [
    ("en", "28 weeks", "trimester_3"),
    ("en", "34 weeks pregnant", "trimester_3"),
    ("en", "in my 20th week", "trimester_2"),
    ("en", "my 3rd pregnancy, 12 weeks", "trimester_1"),
    ("pt", "grávida de 34 semanas", "trimester_3"),
    ("pt", "estou na 20ª semana", "trimester_2"),
    ("pt", "3ª gravidez, 30 semanas", "trimester_3"),
])
def test_weeks_stay_weeks_and_an_ordinal_of_another_word_is_no_number(language: str, typed: str, expect: str) -> None:
    parsed = ENGINE.reader(language).read("pregnancy", typed)
    assert parsed.ok and parsed.value == expect, parsed


def test_an_ordinal_is_a_number_only_with_the_unit_after_it() -> None:
    words = NumberWords({}, {}, {}, {"third": 3}, ("rd", "o", ".o"))
    units = {"", "weeks", "trimester"}
    assert [(q.value, q.unit) for q in quantities("third trimester", words, units)] == [(3, "trimester")]
    assert [(q.value, q.unit) for q in quantities("my 3rd trimester", words, units)] == [(3, "trimester")]
    assert [(q.value, q.unit) for q in quantities("no 2.o trimester", words, units)] == [(2, "trimester")]
    assert [(q.value, q.unit) for q in quantities("3rd baby, 30 weeks", words, units)] == [(30, "weeks")]
    assert [(q.value, q.unit) for q in quantities("third baby", words, units)] == []
    # at the end, with nothing to count, it is read as the plain number it always was
    assert [(q.value, q.unit) for q in quantities("45o", words, units)] == [(45, "")]


def test_the_degree_sign_typed_as_the_ordinal_sign_is_still_degrees() -> None:
    reader = ENGINE.reader("pt")
    assert reader.read("fever", "tive 37º de febre").value is False
    assert reader.read("fever", "38,5º").value is True
    assert reader.read("age", "45a").value == 45


# --- a lab result in another unit is converted; a bare number keeps its meaning --------


@pytest.mark.parametrize(("language", "typed", "expect"), [
    ("en", "CRP 2.2 mg/dL", "mildly_raised"),  # 22 mg/L
    ("en", "c reactive protein 6 mg/dl", "markedly_raised"),  # 60 mg/L
    ("en", "CRP 0.5 mg/dL", "normal"),  # 5 mg/L
    ("en", "CRP 22 mg/L", "mildly_raised"),
    ("pt", "PCR 2,2 mg/dL", "mildly_raised"),  # the decimal comma
    ("pt", "proteína c reativa 9,8 mg/dl", "markedly_raised"),
    ("pt", "PCR 0,2 mg/dL", "normal"),
])
def test_crp_in_mg_per_dl_is_ten_times_the_mg_per_l(language: str, typed: str, expect: str) -> None:
    parsed = ENGINE.reader(language).read("inflammatory_markers", typed)
    assert parsed.ok and parsed.value == expect, parsed


@pytest.mark.parametrize(("typed", "units"), [
    ("crp was 9.8", ("normal", "markedly_raised")),  # a US lab's 9.8 mg/dL is 98 mg/L
    ("CRP 12.4", ("mildly_raised", "markedly_raised")),
    ("CRP 2.2", ("normal", "mildly_raised")),
])
def test_a_bare_crp_in_english_asks_which_unit_too(typed: str, units: tuple[str, str]) -> None:
    # UK labs report CRP in mg/L, many US labs in mg/dL: read as mg/L, "crp was 9.8" was normal
    reader = ENGINE.reader("en")
    parsed = reader.read("inflammatory_markers", typed)
    assert not parsed.ok and parsed.error == "which_unit" and parsed.pending, parsed
    for unit, expect in zip(("mg/L", "it was in mg/dl"), units, strict=True):
        completed = reader.read("inflammatory_markers", unit, pending=parsed.pending)
        assert completed.ok and completed.value == expect, (unit, completed)


@pytest.mark.parametrize(("typed", "units"), [
    ("a PCR deu 9,8", ("normal", "markedly_raised")),
    ("PCR 12,4", ("mildly_raised", "markedly_raised")),
    ("pcr de 2,2", ("normal", "mildly_raised")),
    ("2,2", ("normal", "mildly_raised")),  # no measure named: a CRP or an ESR, in either unit
    ("PCR 3, VS 12", ("normal", "mildly_raised")),
])
def test_a_bare_crp_that_means_different_answers_in_its_units_asks_which_unit(
        typed: str, units: tuple[str, str]) -> None:
    # Portuguese labs report CRP in mg/L or in mg/dL (ten times smaller numbers)
    reader = ENGINE.reader("pt")
    parsed = reader.read("inflammatory_markers", typed)
    assert not parsed.ok and parsed.understood and parsed.error == "which_unit" and parsed.pending, parsed
    assert "mg/L" in parsed.values["choices"] and "mg/dL" in parsed.values["choices"]
    for unit, expect in zip(("mg/L", "em mg/dl"), units, strict=True):
        completed = reader.read("inflammatory_markers", unit, pending=parsed.pending)
        assert completed.ok and completed.value == expect, (unit, completed)
    # another answer instead of the unit is read on its own
    assert reader.read("inflammatory_markers", "muito elevada", pending=parsed.pending).value == "markedly_raised"


@pytest.mark.parametrize(("language", "typed", "expect"), [
    ("pt", "PCR 180", "markedly_raised"),  # 1800 mg/L is impossible: mg/L
    ("pt", "a pcr deu 60", "markedly_raised"),  # very raised in either unit
    ("pt", "PCR 0,3", "normal"),  # normal in either unit
    ("pt", "pcr 45 vs 70", "markedly_raised"),  # the ESR decides in either unit
    ("pt", "leucócitos 12.000", "raised"),  # per microlitre: 12 x10^9/L, the only unit it fits
    ("en", "CRP 180", "markedly_raised"),
    ("en", "crp 450", "markedly_raised"),
])
def test_a_number_with_one_meaning_in_every_unit_asks_nothing(language: str, typed: str, expect: str) -> None:
    question = "white_cell_count" if "leuc" in typed else "inflammatory_markers"
    parsed = ENGINE.reader(language).read(question, typed)
    assert parsed.ok and parsed.value == expect, parsed


def test_the_conversation_asks_the_unit_and_reads_the_reply_with_the_number() -> None:
    from flows.content import get_content
    from flows.dialogue import step
    from flows.messages import UserInput

    session, _ = step(None, UserInput(kind="command", text="start", language="pt"), ENGINE)
    for text in ("homem", "67", "direita", "análises"):
        session, _ = step(session, UserInput.typed(text), ENGINE)
    assert session.state == "inflammatory_markers", session.state
    session, replies = step(session, UserInput.typed("PCR 12,4"), ENGINE)
    assert session.state == "inflammatory_markers" and session.case.inflammatory_markers is None
    asked = next(r for r in replies if r.code == "which_unit")
    assert "12,4 mg/L" in asked.text and "12,4 mg/dL" in asked.text  # in Portuguese, with the decimal comma
    assert asked.text.startswith(get_content().message("which_unit", "pt").split("{")[0])
    session, _ = step(session, UserInput.typed("mg/dL"), ENGINE)
    assert session.case.inflammatory_markers == "markedly_raised"
    assert not session.pending


@pytest.mark.parametrize(("language", "typed", "expect"), [
    ("en", "12000", "raised"),
    ("en", "12,000/µL", "raised"),
    ("en", "12 x10^9/L", "raised"),
    ("en", "WBC 12 ×10⁹/L", "raised"),
    ("en", "wbc 9,500 cells/uL", "normal"),
    ("en", "wcc 9.5", "normal"),
    ("pt", "leucócitos 12.000/µL", "raised"),
    ("pt", "leucócitos 9.500/mm3", "normal"),
    ("pt", "GB 9,5 x 10^9/L", "normal"),
    ("pt", "9,5", "normal"),
])
def test_a_white_cell_count_per_microlitre_is_divided_by_1000(language: str, typed: str, expect: str) -> None:
    parsed = ENGINE.reader(language).read("white_cell_count", typed)
    assert parsed.ok and parsed.value == expect, parsed


def test_a_unit_of_another_measure_reads_nothing_rather_than_something_wrong() -> None:
    assert not ENGINE.reader("en").read("inflammatory_markers", "ESR 2.2 mg/dL").ok
    # the 9 of "x10^9/L" is part of the unit, not a second count
    assert not ENGINE.reader("en").read("white_cell_count", "1.5 x10^9/L").ok


def test_thousands_are_grouped_the_way_the_language_groups_them() -> None:
    en = NumberWords({}, {}, {}, thousands=(",",))
    pt = NumberWords({}, {}, {}, thousands=(".",))
    assert [q.value for q in quantities("12,000 and 38,4 and 1,500,000", en, {""})] == [12000, 38.4, 1500000]
    assert [q.value for q in quantities("12.000 e 38,4 e 13.5", pt, {""})] == [12000, 38.4, 13.5]


# --- a leading yes or no ends at the punctuation after it -------------------------------


@pytest.mark.parametrize(("language", "typed", "expect"), [
    ("pt", "não, consigo andar bem", "fine"),
    ("pt", "não consigo andar", "cannot"),  # no comma: the não denies the clause
    ("pt", "não; ando bem", "fine"),
    ("pt", "não, piora", "worse"),
    ("pt", "não piora", "fine"),
    ("en", "no, walking is fine", "fine"),
    ("en", "no, worse", "worse"),
    ("en", "no worse", "fine"),
    ("en", "no. can walk fine", "fine"),
    ("en", "nah, can't walk", "cannot"),
])
def test_a_comma_after_a_leading_yes_or_no_ends_its_scope(language: str, typed: str, expect: str) -> None:
    parsed = ENGINE.reader(language).read("walking", typed)
    assert parsed.ok and parsed.value == expect, parsed


@pytest.mark.parametrize(("language", "question", "typed", "expect"), [
    ("pt", "breastfeeding", "não, não amamento", False),
    ("pt", "fever", "não, 37,2", False),
    ("pt", "pregnancy", "não, não estou", "not_pregnant"),
    ("pt", "warning_signs", "não, nenhuma", "none"),
    ("en", "fever", "no, no fever", False),
    ("en", "pregnancy", "no, not pregnant", "not_pregnant"),
    ("en", "breastfeeding", "yes, still feeding", True),
])
def test_yes_no_answers_with_a_comma_still_read_at_other_questions(
        language: str, question: str, typed: str, expect: object) -> None:
    parsed = ENGINE.reader(language).read(question, typed)
    assert parsed.ok and parsed.value == expect, parsed


# --- a denial reaches into its clause: "doesn't make it worse" is not worse -------------


@pytest.mark.parametrize(("language", "question", "typed", "expect"), [
    ("en", "fever", "i dont believe ive had a temperature", False),
    ("en", "fever", "didnt have any fever", False),
    ("en", "fever", "never really had a fever", False),
    ("en", "fever", "i do think i had a fever", True),
    ("en", "walking", "standing doesnt make it worse", "fine"),
    ("en", "walking", "it really isnt worse walking", "fine"),
    ("en", "walking", "it hasn't got worse on walking", "fine"),
    ("en", "walking", "walking is not fine", "worse"),
    ("en", "onset", "it wasnt sudden", "gradual"),
    ("pt", "fever", "penso que nunca tive febre", False),
    ("pt", "fever", "nao tive febre", False),
    ("pt", "walking", "estar de pé não piora", "fine"),
    ("pt", "walking", "não me parece pior a andar", "fine"),
    ("pt", "onset", "não foi de repente", "gradual"),
])
def test_a_denial_a_few_words_before_negates_within_the_clause(
        language: str, question: str, typed: str, expect: object) -> None:
    parsed = ENGINE.reader(language).read(question, typed)
    assert parsed.ok and parsed.value == expect, parsed


def test_a_short_denial_reaches_only_the_words_right_after_it() -> None:
    # "no" denies the thing named next; it does not reach a finding four words on
    assert ENGINE.reader("en").read("walking", "no pain at rest worse when walking").value == "worse"
    # and punctuation or "but" ends any denial
    assert ENGINE.reader("en").read("walking", "doesnt hurt sitting, worse when walking").value == "worse"
    assert ENGINE.reader("pt").read("walking", "não dói sentada mas piora a andar").value == "worse"


def test_a_negation_inside_a_hedge_or_an_exception_denies_nothing() -> None:
    assert ENGINE.reader("en").read("fever", "not sure if i had a fever").value is not False
    assert ENGINE.reader("pt").read("walking", "bem, a não ser quando ando muito").value == "worse"


@pytest.mark.parametrize(("language", "typed", "expect"), [
    ("en", "fine until i walk a lot", "worse"),
    ("en", "ok till i walk far", "worse"),
    ("en", "normal unless i go on long walks", "worse"),
    ("en", "worse until i sit down", "worse"),  # nothing named after: the answer before stands
    ("pt", "ando bem até fazer caminhadas longas", "worse"),
    ("pt", "normal até andar bastante", "worse"),
])
def test_what_follows_until_or_unless_is_the_answer(language: str, typed: str, expect: str) -> None:
    parsed = ENGINE.reader(language).read("walking", typed)
    assert parsed.ok and parsed.value == expect, parsed


# --- a checklist answer that denies only some items is not "None of these" ------------


@pytest.mark.parametrize(("language", "question", "typed", "denied"), [
    ("en", "warning_signs", "no injury", ["trauma"]),
    ("en", "warning_signs", "hasnt lost weight", ["weight_loss"]),
    ("en", "medical_history", "no diabetes or steroids", ["immunosuppressed", "glucocorticoids"]),
    ("en", "medical_history", "denies alcohol", ["alcohol_excess"]),
    ("en", "joint_features", "no other joints, no stiffness", ["other_joints", "morning_stiffness"]),
    ("en", "tests_done", "no mri", ["mri"]),
    ("pt", "warning_signs", "sem perda de peso", ["weight_loss"]),
    ("pt", "warning_signs", "nunca tive cancro", ["cancer_history"]),
    ("pt", "medical_history", "não sou diabética", ["immunosuppressed"]),
    ("pt", "joint_features", "sem rigidez", ["morning_stiffness"]),
])
def test_denying_some_items_asks_about_the_others_and_records_nothing(
        language: str, question: str, typed: str, denied: list[str]) -> None:
    reader = ENGINE.reader(language)
    parsed = reader.read(question, typed)
    assert not parsed.ok and parsed.understood and parsed.error == "others_unanswered", parsed
    content = reader.content
    labels = {o.value: content.text(o.label, language) for o in content.options[question]}
    assert parsed.values["denied"] == "; ".join(labels[value] for value in denied)
    assert parsed.values["none"] == next(labels[o.value] for o in content.options[question]
                                         if o.exclusive and o.value is not None)
    assert content.message("others_unanswered", language, **parsed.values)


@pytest.mark.parametrize(("language", "question", "typed"), [
    ("en", "warning_signs", "no to all"),
    ("en", "warning_signs", "no, nothing like that"),
    ("en", "medical_history", "none of the above"),
    ("en", "joint_features", "no thanks"),
    ("pt", "warning_signs", "não, nada disso"),
    ("pt", "medical_history", "não a todas"),
    ("pt", "joint_features", "nenhuma"),
])
def test_denying_everything_is_still_none_of_these(language: str, question: str, typed: str) -> None:
    parsed = ENGINE.reader(language).read(question, typed)
    assert parsed.ok and parsed.value == "none", parsed


def test_denying_every_item_one_by_one_is_none_of_these() -> None:
    typed = "no other joints, no stiffness, no similar episode, no psoriasis"
    parsed = ENGINE.reader("en").read("joint_features", typed)
    assert parsed.ok and parsed.value == "none", parsed


@pytest.mark.parametrize(("language", "question", "typed", "expect"), [
    ("en", "warning_signs", "fell off a ladder, no fever", ["trauma"]),
    ("en", "medical_history", "no alcohol but on prednisolone", ["glucocorticoids"]),
    ("pt", "warning_signs", "sem queda, mas acorda-me à noite", ["night_pain"]),
    ("pt", "medical_history", "não bebo, mas tomo cortisona", ["glucocorticoids"]),
])
def test_denying_some_and_ticking_others_ticks_the_ticked(
        language: str, question: str, typed: str, expect: list[str]) -> None:
    parsed = ENGINE.reader(language).read(question, typed)
    assert parsed.ok and parsed.value == expect, parsed


def test_in_the_conversation_a_partial_denial_is_said_back_and_nothing_is_recorded() -> None:
    from flows.content import get_content
    from tests.support.conversation import Conversation

    conv = Conversation()
    conv.start()
    answers = {"sex": "male", "age": "45", "side": "left", "tests_done": "none", "onset": "sudden",
               "duration_weeks": "2 weeks", "walking": "worse", "fever": "no"}
    for _ in range(20):
        if conv.state == "warning_signs":
            break
        conv.say(answers.get(conv.state, "don't know"))
    assert conv.state == "warning_signs", conv.state
    before = conv.session.case.model_dump() if conv.session else None
    # "trauma" is a Portuguese word too: the reply must not be read again in Portuguese
    replies = conv.say("no trauma")
    assert conv.state == "warning_signs"
    assert conv.session is not None and conv.session.case.model_dump() == before
    error = next(r for r in replies if r.kind == "error")
    assert error.code == "others_unanswered"
    label = get_content().text(get_content().options["warning_signs"][0].label, "en")
    assert error.text.startswith(f"So not: {label}.")
    replies = conv.say("none")
    assert conv.state != "warning_signs"
    assert conv.session.case.trauma is False and conv.session.case.night_pain is False


# --- a several-answer reply: the parts left over are read for typos, then said back -----


@pytest.mark.parametrize(("language", "question", "typed", "expect"), [
    ("en", "mri", "marow oedema plus efusion", ["bone_marrow_oedema", "joint_effusion"]),
    ("en", "mri", "double line sign and colapse", ["double_line_sign", "femoral_head_collapse"]),
    ("en", "xray", "osteopenia, narrowed jont space", ["osteopenia", "joint_space_narrowing"]),
    ("pt", "mri", "derrame e edema da medula osea", ["joint_effusion", "bone_marrow_oedema"]),
    ("pt", "xray", "artrose e fratrua do colo", ["joint_space_narrowing", "fracture_line"]),
])
def test_the_parts_a_reply_leaves_over_are_read_for_typos(
        language: str, question: str, typed: str, expect: list[str]) -> None:
    parsed = ENGINE.reader(language).read(question, typed)
    assert parsed.ok and sorted(parsed.value) == sorted(expect) and not parsed.unread, parsed


def test_a_leftover_typo_needs_a_word_long_enough_to_be_one() -> None:
    # "hip" is one edit from "hit" (a fall), "the" from "thr" (a hip replacement)
    assert ENGINE.reader("en").read("warning_signs", "hot swollen hip, can't move it").value == [
        "hot_swollen_joint", "cannot_move_hip"]
    assert ENGINE.reader("en").read("medical_history", "steroids, in the spring").value == ["glucocorticoids"]


@pytest.mark.parametrize(("language", "question", "typed", "expect", "unread"), [
    ("en", "mri", "oedema and a tiny bleb", ["bone_marrow_oedema"], ["a tiny bleb"]),
    ("en", "xray", "osteopenia, something odd in the pelvis", ["osteopenia"], ["something odd in the pelvis"]),
    ("pt", "mri", "edema osseo e uma bolinha estranha", ["bone_marrow_oedema"], ["uma bolinha estranha"]),
    ("pt", "xray", "fratura, e uma coisa esquisita", ["fracture_line"], ["uma coisa esquisita"]),
])
def test_a_part_that_names_nothing_is_said_back_not_dropped(
        language: str, question: str, typed: str, expect: list[str], unread: list[str]) -> None:
    parsed = ENGINE.reader(language).read(question, typed)
    assert parsed.ok and parsed.value == expect and parsed.unread == unread, parsed


@pytest.mark.parametrize(("language", "question", "typed"), [
    ("en", "mri", "small effusion only, otherwise normal"),
    ("en", "mri", "MRI: BMO femoral head, small effusion"),
    ("en", "mri", "marrow oedema, no fracture, no necrosis"),  # denials of findings: nothing left over
    ("en", "xray", "mild osteopenia of the femoral head"),
    ("pt", "mri", "RM: edema ósseo da cabeça femoral, pequeno derrame"),
    ("pt", "xray", "ligeira osteopenia, sem fratura"),
])
def test_words_of_the_answers_own_and_denials_are_not_said_back(language: str, question: str, typed: str) -> None:
    parsed = ENGINE.reader(language).read(question, typed)
    assert parsed.ok and not parsed.unread, parsed


def test_the_conversation_says_back_what_it_did_not_understand() -> None:
    from tests.support.conversation import Conversation

    conv = Conversation()
    conv.start()
    answers = {"sex": "male", "age": "45", "side": "left", "tests_done": "mri"}
    for _ in range(20):
        if conv.state == "mri":
            break
        conv.say(answers.get(conv.state, "don't know"))
    assert conv.state == "mri", conv.state
    replies = conv.say("oedema and a tiny bleb")
    assert conv.state != "mri" and conv.session is not None
    assert conv.session.case.mri == ["bone_marrow_oedema"]
    notice = next(r for r in replies if r.code == "unread_part")
    assert '"a tiny bleb"' in notice.text


# --- words that were missing: difficulty walking, "the same", "nil" ---------------------


@pytest.mark.parametrize(("language", "typed", "expect"), [
    ("en", "walking is difficult", "worse"),
    ("en", "i struggle to walk", "worse"),
    ("en", "it's harder to walk now", "worse"),
    ("en", "the same whether i sit or walk", "fine"),
    ("en", "walking makes no difference", "fine"),
    ("en", "walking isnt difficult", "fine"),
    ("pt", "ando com dificuldades", "worse"),
    ("pt", "é difícil andar", "worse"),
    ("pt", "tanto faz andar ou estar deitada", "fine"),
    ("pt", "andar não é difícil", "fine"),
])
def test_difficulty_walking_is_worse_and_the_same_is_fine(language: str, typed: str, expect: str) -> None:
    parsed = ENGINE.reader(language).read("walking", typed)
    assert parsed.ok and parsed.value == expect, parsed


def test_a_typo_keeps_the_first_letter_of_every_word() -> None:
    # "walking or" is two edits from "walking far", but "or" is no slip of "far"
    parsed = ENGINE.reader("en").read("walking", "walking or sitting")
    assert not (parsed.ok and parsed.value == "worse"), parsed
    assert ENGINE.reader("en").read("walking", "wlaking is fine").value == "fine"


@pytest.mark.parametrize("question", ["warning_signs", "medical_history", "joint_features", "tests_done"])
@pytest.mark.parametrize(("language", "typed"), [("en", "nil"), ("en", "nothing of note"), ("pt", "nada")])
def test_nil_is_none_of_these_at_every_checklist(question: str, language: str, typed: str) -> None:
    assert ENGINE.reader(language).read(question, typed).value == "none"


def test_nil_is_a_no_at_a_yes_no_question() -> None:
    assert ENGINE.reader("en").read("fever", "nil").value is False


# --- how the pain began, read from a duration: the options' own words ------------------


@pytest.mark.parametrize(("language", "typed", "expect"), [
    ("en", "over a day or two", "sudden"),
    ("en", "yesterday, bending down", "sudden"),
    ("en", "in 48 hours", "sudden"),
    ("en", "over about 2 months", "gradual"),
    ("en", "within a few weeks", "gradual"),
    ("en", "suddenly, 2 months ago", "sudden"),  # "ago" says when, and the words win
    ("en", "slowly, though it got bad 3 days ago", "gradual"),
    ("pt", "ao longo de dois dias", "sudden"),
    ("pt", "ontem ao levantar-me", "sudden"),
    ("pt", "durante umas semanas", "gradual"),
    ("pt", "de repente, há 2 meses", "sudden"),
])
def test_a_duration_reads_the_onset_options(language: str, typed: str, expect: str) -> None:
    parsed = ENGINE.reader(language).read("onset", typed)
    assert parsed.ok and parsed.value == expect, parsed


@pytest.mark.parametrize(("language", "typed"), [("en", "6 weeks ago"), ("en", "for 2 months"),
                                                 ("pt", "há 6 semanas")])
def test_a_time_since_a_week_or_more_says_nothing_of_how_it_began(language: str, typed: str) -> None:
    assert not ENGINE.reader(language).read("onset", typed).ok


# --- units: fortnights, misspelt units, unknown words after a number, minus signs ------


@pytest.mark.parametrize(("language", "typed", "expect"), [
    ("en", "2 fortnights", 4.0),
    ("en", "a fortnight", 2.0),
    ("en", "4 weesk", 4.0),
    ("en", "2 monhts", 8.7),
    ("en", "10 dayz", 1.4),
    ("pt", "2 quinzenas", 4.0),
    ("pt", "4 semnas", 4.0),
    ("pt", "2 mses", 8.7),
])
def test_fortnights_and_misspelt_units(language: str, typed: str, expect: float) -> None:
    parsed = ENGINE.reader(language).read("duration_weeks", typed)
    assert parsed.ok and parsed.value == pytest.approx(expect, abs=0.05), parsed


@pytest.mark.parametrize(("language", "question", "typed"), [
    ("en", "duration_weeks", "4 blue moons"),
    ("en", "duration_weeks", "2 seasons"),
    ("en", "age", "40 winters"),
    ("pt", "duration_weeks", "2 estações"),
    ("pt", "age", "40 primaveras"),
])
def test_an_unknown_word_after_a_number_is_asked_about(language: str, question: str, typed: str) -> None:
    parsed = ENGINE.reader(language).read(question, typed)
    assert not parsed.ok and parsed.error == "word_after_number", parsed
    assert parsed.values["word"] in typed


@pytest.mark.parametrize(("language", "typed", "expect"), [
    ("en", "62m", 62), ("en", "62 M", 62), ("en", "i'm 19 and pregnant", 19), ("en", "female, 47", 47),
    ("pt", "62 F", 62), ("pt", "tenho 62 e sou homem", 62),
])
def test_a_letter_or_a_plain_word_after_an_age_is_no_unit(language: str, typed: str, expect: int) -> None:
    parsed = ENGINE.reader(language).read("age", typed)
    assert parsed.ok and parsed.value == expect, parsed


@pytest.mark.parametrize(("language", "question", "typed"), [
    ("en", "age", "-40"), ("en", "age", "age: -3"), ("en", "duration_weeks", "-3 weeks"),
    ("pt", "age", "-40 anos"), ("pt", "duration_weeks", "−2 semanas"),
])
def test_a_negative_number_is_asked_again_not_read_without_its_sign(language: str, question: str, typed: str) -> None:
    parsed = ENGINE.reader(language).read(question, typed)
    assert not parsed.ok and parsed.error == "number_out_of_range", parsed
    assert parsed.goto is None


def test_a_dash_between_numbers_is_still_a_range() -> None:
    assert ENGINE.reader("en").read("duration_weeks", "6-8 weeks").value == 7
    assert ENGINE.reader("en").read("duration_weeks", "6 - 8 weeks").value == 7
    assert ENGINE.reader("pt").read("duration_weeks", "2-3 semanas").value == 2.5


@pytest.mark.parametrize(("language", "typed", "expect"), [
    ("en", "30 days", "trimester_1"),
    ("en", "3 months", "trimester_1"),
    ("en", "100 days pregnant", "trimester_2"),
    ("pt", "30 dias", "trimester_1"),
    ("pt", "grávida de 100 dias", "trimester_2"),
])
def test_days_of_pregnancy_are_days_not_weeks(language: str, typed: str, expect: str) -> None:
    parsed = ENGINE.reader(language).read("pregnancy", typed)
    assert parsed.ok and parsed.value == expect, parsed


def test_an_article_that_is_also_a_number_is_no_week_of_pregnancy() -> None:
    # "um" is one and "a": "tive um aborto" is no week 1
    assert ENGINE.reader("pt").read("pregnancy", "tive um aborto na semana passada").value == "recent_pregnancy_loss"


def test_quantities_carry_the_word_after_the_sign_before_and_the_words_before() -> None:
    words = NumberWords({}, {"a couple of": "2"}, {})
    units = {"", "weeks", "days"}
    [moons] = quantities("3 moons", words, units)
    assert (moons.value, moons.unit, moons.next_word) == (3, "", "moons")
    [minus] = quantities("age -5", words, units)
    assert minus.negative and minus.value == 5
    [dash] = quantities("covid-19", words, units)
    assert not dash.negative
    [span] = quantities("over a couple of days", words, units)
    assert (span.value, span.unit, span.lead) == (2, "days", "over")


# --- a negation that is part of an item does not deny the next one ---------------------


@pytest.mark.parametrize(("language", "typed", "expect"), [
    ("en", "i cant move it and it's hot", ["cannot_move_hip", "hot_swollen_joint"]),
    ("en", "can't sleep and lost weight", ["night_pain", "weight_loss"]),
    ("en", "i dont sleep well and lost weight", ["weight_loss"]),
    ("en", "can't move my leg and it's swollen", ["cannot_move_hip", "hot_swollen_joint"]),
    ("pt", "não consigo mexer e está quente", ["cannot_move_hip", "hot_swollen_joint"]),
    ("pt", "não durmo e perdi peso", ["night_pain", "weight_loss"]),
])
def test_a_negation_inside_an_item_or_before_and_does_not_hide_the_next_item(
        language: str, typed: str, expect: list[str]) -> None:
    parsed = ENGINE.reader(language).read("warning_signs", typed)
    assert parsed.ok and sorted(parsed.value) == sorted(expect), parsed


@pytest.mark.parametrize(("language", "question", "typed"), [
    ("en", "medical_history", "i don't have diabetes"),
    ("pt", "joint_features", "não tenho psoríase"),
])
def test_a_negation_inside_a_no_phrase_still_denies_what_follows(language: str, question: str, typed: str) -> None:
    parsed = ENGINE.reader(language).read(question, typed)
    assert not parsed.ok and parsed.error == "others_unanswered", parsed


def test_denials_at_the_same_checklist_add_up_until_every_item_is_denied() -> None:
    from tests.support.conversation import Conversation

    conv = Conversation()
    conv.start()
    for answer in ("male", "45", "left"):
        conv.say(answer)
    assert conv.state == "tests_done"
    conv.say("no xray yet")
    replies = conv.say("no mri and no bone scan")  # the X-ray denied before still counts
    error = next(r for r in replies if r.kind == "error")
    assert error.code == "others_unanswered" and "X-ray" in error.text and "MRI" in error.text
    assert conv.state == "tests_done"
    conv.say("no blood tests either")  # every test now denied: None of these
    assert conv.state != "tests_done"
    assert conv.session is not None and conv.session.case.xray == "not_done"
    assert conv.session.case.inflammatory_markers == "not_done"
    assert conv.session.denied == [] and conv.session.denied_at is None


# --- a slip is never a real word, and a letter counts only alone -----------------------


@pytest.mark.parametrize(("language", "typed"), [
    ("en", "hello i have hip pain"),
    ("en", "hip pain"),
    ("en", "my hip hurts"),
    ("en", "the right hip"),
    ("en", "hey there"),
    ("en", "hey"),
    ("en", "i broke my hip"),
    ("en", "get me a doctor"),
    ("pt", "olá, tenho dor na anca"),
    ("pt", "dói-me a anca direita"),
    ("pt", "boa tarde"),
])
def test_text_that_names_no_sex_is_asked_again(language: str, typed: str) -> None:
    parsed = ENGINE.reader(language).read("sex", typed)
    assert not parsed.ok and not parsed.clarify, parsed


@pytest.mark.parametrize(("language", "typed", "expect"), [
    ("en", "F, 34", "female"),
    ("en", "m, 58, retired", "male"),
    ("en", "mle", "male"),  # a slip that is no word
    ("en", "femlae", "female"),
    ("en", "hi, I'm 30 weeks pregnant", "female"),
    ("en", "asking for my nan", "female"),
    ("en", "its for my husband", "male"),
    ("pt", "F, 34", "female"),
    ("pt", "m, 45 anos", "male"),
    ("pt", "é para a minha avó", "female"),
    ("pt", "é para o meu avô", "male"),
    ("pt", "estou grávida", "female"),
])
def test_a_letter_alone_in_its_clause_and_words_for_a_person_name_the_sex(
        language: str, typed: str, expect: str) -> None:
    parsed = ENGINE.reader(language).read("sex", typed)
    assert parsed.ok and parsed.value == expect, parsed


@pytest.mark.parametrize(("language", "question", "typed", "not_expected"), [
    ("en", "sex", "hey", "female"),  # no slip towards a three-letter word: "hey" is no "her"
    ("en", "sex", "i broke my hip", "male"),  # "broke" is a word, not a slip of "bloke"
    ("pt", "walking", "não se aguenta em pé", None),  # "não se" is no slip of "não sei"
    ("pt", "walking", "não se mexe", None),
])
def test_a_word_of_the_language_is_no_slip_of_another(
        language: str, question: str, typed: str, not_expected: object) -> None:
    parsed = ENGINE.reader(language).read(question, typed)
    assert not (parsed.ok and parsed.value == not_expected), parsed


def test_a_slip_of_a_three_letter_word_is_only_two_letters_swapped() -> None:
    assert ENGINE.reader("en").read("fever", "yse").value is True
    assert not ENGINE.reader("en").read("sex", "hip").ok  # not "him"


@pytest.mark.parametrize(("question", "typed"), [
    ("medical_history", "levei injeções de heparina na gravidez"),
    ("medical_history", "tenho psoríase há anos, só na pele"),
    ("warning_signs", "nada disso, só na gravidez"),
])
def test_another_language_reads_only_text_written_in_it(question: str, typed: str) -> None:
    # English "na" (a "no") inside Portuguese is not "None of these"
    fallback = ENGINE.reader("en", typos=False)
    assert not fallback.read(question, typed).ok
    assert fallback.read("fever", "no fever").value is False  # English typed in a Portuguese chat still reads


def test_a_denial_is_not_turned_around_by_another() -> None:
    assert ENGINE.reader("pt").read("fever", "n tive febre nenhuma").value is False
    assert ENGINE.reader("en").read("fever", "dont have no fever").value is False


# --- a pasted scan report: opinions, hedges and denials --------------------------------


@pytest.mark.parametrize(("language", "typed", "expect"), [
    ("en", "IMPRESSION: findings consistent with transient osteoporosis of the hip; AVN less likely. "
           "Marrow oedema and a small effusion.", ["bone_marrow_oedema", "joint_effusion"]),
    ("en", "Marrow oedema. Conclusion: ?AVN, follow-up advised", ["bone_marrow_oedema"]),
    ("en", "bone marrow edema. Opinion: osteoarthritis", ["bone_marrow_oedema"]),
    ("pt", "Edema da medula óssea. Conclusão: osteoporose transitória, osteonecrose menos provável.",
     ["bone_marrow_oedema"]),
    ("pt", "Pequeno derrame. Impressão: necrose avascular a considerar", ["joint_effusion"]),
])
def test_a_diagnosis_in_a_reports_conclusion_is_no_finding(language: str, typed: str, expect: list[str]) -> None:
    parsed = ENGINE.reader(language).read("mri", typed)
    assert parsed.ok and sorted(parsed.value) == sorted(expect), parsed


@pytest.mark.parametrize(("language", "typed", "expect"), [
    ("en", "AVN", ["double_line_sign"]),
    ("en", "they said it was avascular necrosis", ["double_line_sign"]),
    ("en", "transient osteoporosis of the hip", ["bone_marrow_oedema"]),
    ("pt", "disseram que é necrose avascular", ["double_line_sign"]),
    ("pt", "osteoporose transitória", ["bone_marrow_oedema"]),
])
def test_a_diagnosis_said_by_the_person_is_still_read(language: str, typed: str, expect: list[str]) -> None:
    parsed = ENGINE.reader(language).read("mri", typed)
    assert parsed.ok and parsed.value == expect, parsed


@pytest.mark.parametrize(("language", "question", "typed"), [
    ("en", "mri", "AVN less likely"),
    ("en", "mri", "fracture not seen"),
    ("en", "mri", "No crescent sign."),
    ("en", "mri", "no evidence of AVN"),
    ("en", "xray", "no fracture seen"),
    ("pt", "mri", "necrose pouco provável"),
    ("pt", "mri", "Sem sinal do crescente."),
    ("pt", "mri", "não se observa traço de fratura"),
    ("pt", "xray", "sem fratura"),
])
def test_a_denied_finding_alone_asks_about_the_others_and_is_not_normal(
        language: str, question: str, typed: str) -> None:
    parsed = ENGINE.reader(language).read(question, typed)
    assert not parsed.ok and parsed.understood and parsed.error == "others_unanswered" and parsed.denied, parsed


def test_denied_findings_add_up_and_the_rest_denied_is_normal() -> None:
    reader = ENGINE.reader("en")
    first = reader.read("mri", "no fracture")
    both = reader.combine_denials("mri", first.denied, reader.read("mri", "AVN less likely"))
    assert not both.ok and len(both.denied) == 2
    assert reader.read("mri", "no fracture, nothing else").value == ["normal"]
    assert ENGINE.reader("pt").read("mri", "sem fratura, mais nada").value == ["normal"]


def test_the_unread_notice_says_the_rest_was_recorded() -> None:
    from flows.content import get_content

    for language in ("en", "pt"):
        text = get_content().message("unread_part", language, words='"x"')
        assert "nothing was recorded" not in text and "nada ficou registado" not in text


# --- a relative typing for someone else: the third person reads like the first ---------


@pytest.mark.parametrize(("language", "question", "typed", "expect"), [
    ("pt", "walking", "não se aguenta em pé, está na cama", "cannot"),
    ("pt", "walking", "não consegue andar", "cannot"),
    ("pt", "walking", "nem consegue pôr o pé no chão", "cannot"),
    ("pt", "walking", "ela anda mal", "worse"),
    ("pt", "walking", "dói-lhe quando anda", "worse"),
    ("pt", "medical_history", "toma metotrexato e é diabética", ["immunosuppressed"]),
    ("pt", "medical_history", "ele bebe muito", ["alcohol_excess"]),
    ("pt", "warning_signs", "ele caiu e não se mexe", ["trauma", "cannot_move_hip"]),
    ("pt", "warning_signs", "emagreceu sem querer", ["weight_loss"]),
    ("pt", "fever", "ela teve febre", True),
    ("pt", "pregnancy", "ela está grávida de 30 semanas", "trimester_3"),
    ("pt", "breastfeeding", "ainda amamenta", True),
    ("pt", "side", "dói-lhe a anca direita", "right"),
    ("en", "medical_history", "she has lupus", ["other_avn_risk"]),
    ("en", "warning_signs", "he has lost weight", ["weight_loss"]),
    ("en", "walking", "she limps", "worse"),
    ("en", "fever", "he hasnt had a fever", False),
])
def test_the_third_person_reads_like_the_first_at_every_question(
        language: str, question: str, typed: str, expect: object) -> None:
    parsed = ENGINE.reader(language).read(question, typed)
    assert parsed.ok and parsed.value == expect, parsed


@pytest.mark.parametrize(("language", "typed", "expect"), [
    ("pt", "ela", "female"), ("pt", "ele", "male"), ("en", "her", "female"), ("en", "him", "male"),
    ("en", "she", "female"),
])
def test_a_pronoun_that_names_the_sex_is_not_read_as_i(language: str, typed: str, expect: str) -> None:
    assert ENGINE.reader(language).read("sex", typed).value == expect


def test_spoken_forms_read_as_written_ones() -> None:
    assert ENGINE.reader("pt").read("walking", "tou de cama").value == "cannot"
    assert ENGINE.reader("pt").read("duration_weeks", "esta manhã").ok  # "esta" (this) is no "está"


# --- facts that were dropped or misread ------------------------------------------------


@pytest.mark.parametrize(("language", "typed", "expect"), [
    ("en", "cancer, and ive lost about 6kg not trying", ["cancer_history", "weight_loss"]),
    ("en", "lost 3kgs", ["weight_loss"]),
    ("en", "dropped a few pounds without trying", ["weight_loss"]),
    ("pt", "perdi 6kg sem querer", ["weight_loss"]),
    ("pt", "dói à noite e perdi uns 5kg", ["night_pain", "weight_loss"]),
])
def test_a_weight_typed_with_its_number_is_weight_loss(language: str, typed: str, expect: list[str]) -> None:
    parsed = ENGINE.reader(language).read("warning_signs", typed)
    assert parsed.ok and sorted(parsed.value) == sorted(expect), parsed


@pytest.mark.parametrize(("language", "typed", "expect"), [
    ("en", "58M", "male"), ("en", "34F, left hip", "female"), ("en", "58 M", "male"), ("pt", "34F", "female"),
    ("pt", "58M, anca direita", "male"), ("en", "38c", None), ("en", "5k", None),
])
def test_age_and_sex_written_the_clinicians_way_give_the_sex(language: str, typed: str, expect: str | None) -> None:
    parsed = ENGINE.reader(language).read("sex", typed)
    assert (parsed.value if parsed.ok else None) == expect, parsed


def test_a_number_glued_to_a_word_is_read_as_two_words_on_both_sides() -> None:
    from flows.phrases import tokens

    assert tokens("6kg, 10mins") == ["6", "kg", ",", "10", "mins"]
    assert tokens("t1 5k 38c") == ["t1", "5k", "38c"]  # one letter after a number stays with it
    assert ENGINE.reader("en").read("pregnancy", "in my 3rd tri").value == "trimester_3"
    assert ENGINE.reader("en").read("pelvic_girdle_pattern", "the 1st one").value is False


@pytest.mark.parametrize(("language", "typed", "expect"), [
    ("en", "a bit stiff in the morning but not for long", None),
    ("en", "stiff for 10 mins", None),
    ("en", "stiff for 5 minutes, my knees swell", ["other_joints"]),
    ("en", "stiff for 2 hours most mornings", ["morning_stiffness"]),
    ("en", "stiff for about half an hour", ["morning_stiffness"]),
    ("pt", "só 5 minutos de rigidez", None),
    ("pt", "fico perra mas passa logo", None),
    ("pt", "de manhã fico toda presa mais de uma hora", ["morning_stiffness"]),
    ("pt", "rigidez de manhã durante 1 hora e dores nos joelhos", ["morning_stiffness", "other_joints"]),
])
def test_a_shorter_stiffness_denies_the_item_of_more_than_30_minutes(
        language: str, typed: str, expect: list[str] | None) -> None:
    parsed = ENGINE.reader(language).read("joint_features", typed)
    if expect is None:  # denied: the others are asked about
        assert not parsed.ok and parsed.understood and parsed.error == "others_unanswered", parsed
    else:
        assert parsed.ok and sorted(parsed.value) == sorted(expect), parsed


@pytest.mark.parametrize(("language", "typed"), [
    ("en", "yeah im pregnant"),
    ("en", "yes"),
    ("pt", "tou gravida"),
    ("pt", "sim"),
])
def test_a_pregnancy_without_its_week_asks_which_trimester(language: str, typed: str) -> None:
    # ...and offers "not sure how many weeks" among them (session 17)
    parsed = ENGINE.reader(language).read("pregnancy", typed)
    assert not parsed.ok and len(parsed.clarify) >= 4, parsed


@pytest.mark.parametrize(("language", "typed"), [
    ("en", "pregnant, not sure how far"),
    ("en", "expecting, dont know the week"),
    ("pt", "estou grávida mas nsei de quantas semanas"),
])
def test_a_pregnancy_whose_week_is_not_known_is_still_a_pregnancy(language: str, typed: str) -> None:
    # Session 17: asked which trimester, "não sei" was "Don't know" and the pregnancy was lost
    assert ENGINE.reader(language).read("pregnancy", typed).value == "pregnant_stage_unknown"


@pytest.mark.parametrize(("language", "typed", "expect"), [
    ("en", "yes, 34 weeks", "trimester_3"),
    ("en", "im pregnant, 20 weeks", "trimester_2"),
    ("en", "yes - had my baby 2 months ago", "postpartum"),
    ("en", "not pregnant", "not_pregnant"),
    ("pt", "sim, de 12 semanas", "trimester_1"),
    ("pt", "grávida de 7 meses", "trimester_3"),
    ("pt", "sim, tive o bebé em março", "postpartum"),
])
def test_a_shared_word_yields_to_a_number_or_a_plainer_word(language: str, typed: str, expect: str) -> None:
    parsed = ENGINE.reader(language).read("pregnancy", typed)
    assert parsed.ok and parsed.value == expect, parsed


@pytest.mark.parametrize(("language", "typed", "expect"), [
    ("en", "felt hot and shivery, didnt measure", True),
    ("en", "had chills", True),
    ("en", "rigors", True),
    ("en", "didn't measure", None),
    ("en", "no chills, no fever", False),
    ("pt", "nao medi, tive uns arrepios", True),
    ("pt", "calafrios", True),
    ("pt", "não medi", None),
    ("pt", "sem arrepios", False),
])
def test_a_fever_felt_but_not_measured_is_a_fever(language: str, typed: str, expect: object) -> None:
    parsed = ENGINE.reader(language).read("fever", typed)
    assert parsed.ok and parsed.value is expect, parsed


def test_an_item_not_on_the_list_is_asked_again_not_none() -> None:
    from flows.messages import UserInput
    from tests.support.conversation import Conversation

    conv = Conversation()
    conv.send(UserInput(kind="command", text="start", language="pt"))
    answers = {"sex": "mulher", "age": "29", "pregnancy": "tive o bebé há 6 semanas", "breastfeeding": "sim",
               "side": "as duas", "tests_done": "nenhum", "pelvic_girdle_pattern": "virilha", "onset": "aos poucos",
               "duration_weeks": "2 meses", "walking": "custa-me andar"}
    for _ in range(20):
        if conv.state == "medical_history":
            break
        conv.say(answers.get(conv.state, "não sei"))
    assert conv.state == "medical_history", conv.state
    conv.say("tomo levotiroxina para a tiroide")
    assert conv.state == "medical_history" and conv.session is not None
    assert conv.session.case.glucocorticoids is None
    conv.say("levei injeções de heparina na gravidez")  # a blood thinner is on the list since round 14
    assert conv.session.case.anticoagulant is True and conv.session.case.glucocorticoids is False


# --- answers a person would have understood -----------------------------------------


@pytest.mark.parametrize(("language", "typed", "expect"), [
    ("en", "can walk but it hurts bad, limping", "worse"),
    ("en", "i can walk but with a stick", "worse"),
    ("en", "can walk but it hurts", "worse"),  # what follows "but" answers (session 17)
    ("pt", "consigo andar mas coxeio", "worse"),
    ("pt", "consigo andar, mas só de canadianas", "worse"),
    ("pt", "consigo andar mas dói", "worse"),
])
def test_a_hint_yields_to_a_plain_word_for_another_answer(language: str, typed: str, expect: str | None) -> None:
    parsed = ENGINE.reader(language).read("walking", typed)
    if expect is None:
        assert not parsed.ok and len(parsed.clarify) == 2, parsed
    else:
        assert parsed.ok and parsed.value == expect, parsed


@pytest.mark.parametrize(("language", "typed", "expect"), [
    ("en", "both actually, worse on the right", "both"),
    ("en", "both, the left more", "both"),
    ("en", "started left, now both", "both"),
    ("en", "both? mostly right", None),  # is it both? asked
    ("en", "left and sometimes right", None),
    ("pt", "as duas, pior a direita", "both"),
    ("pt", "ambas, mais a esquerda", "both"),
    ("pt", "as duas? mais a direita", None),
])
def test_both_takes_in_the_side_said_with_it(language: str, typed: str, expect: str | None) -> None:
    parsed = ENGINE.reader(language).read("side", typed)
    if expect is None:
        assert not parsed.ok and parsed.clarify, parsed
    else:
        assert parsed.ok and parsed.value == expect, parsed


@pytest.mark.parametrize(("language", "typed", "expect"), [
    ("pt", "nas virilhas, as duas", False),
    ("pt", "as duas virilhas", False),
    ("en", "both groins", False),
    ("en", "bit of both, mostly the buttocks", True),
    ("pt", "as duas", None),  # both places: which mostly? asked
])
def test_a_word_both_options_share_yields_to_a_plain_one(language: str, typed: str, expect: bool | None) -> None:
    parsed = ENGINE.reader(language).read("pelvic_girdle_pattern", typed)
    if expect is None:
        assert not parsed.ok and parsed.clarify, parsed
    else:
        assert parsed.ok and parsed.value is expect, parsed


@pytest.mark.parametrize(("language", "typed", "expect"), [
    ("pt", "ver", "now"), ("pt", "quero ver", "now"), ("pt", "continuar", "go"), ("pt", "não", "go"),
    ("en", "see", "now"), ("en", "show me", "now"), ("en", "carry on", "go"),
])
def test_the_emergency_offer_understands_see(language: str, typed: str, expect: str) -> None:
    from flows.content import get_content

    assert ENGINE.reader(language).read_offer(typed, get_content(), language) == expect


@pytest.mark.parametrize(("language", "typed"), [
    ("en", "18 months"), ("en", "my son is 18 months old"), ("en", "3 weeks old"), ("pt", "tem 18 meses"),
    ("pt", "bebé de 8 meses"),
])
def test_an_age_in_months_is_a_child(language: str, typed: str) -> None:
    parsed = ENGINE.reader(language).read("age", typed)
    assert parsed.ok and parsed.goto == "out_of_scope", parsed


@pytest.mark.parametrize(("language", "typed"), [("en", "30 weeks pregnant"), ("pt", "30 semanas")])
def test_weeks_without_old_are_no_age(language: str, typed: str) -> None:
    parsed = ENGINE.reader(language).read("age", typed)
    assert not parsed.ok and parsed.goto is None, parsed


@pytest.mark.parametrize(("typed", "language"), [
    ("eng", "en"), ("ENG", "en"), ("em inglês", "en"), ("por", "pt"), ("em português", "pt"), ("port", "pt"),
])
def test_a_language_by_its_short_name(typed: str, language: str) -> None:
    from flows.content import get_content
    from flows.language import language_named

    assert language_named(typed, get_content()) == language


@pytest.mark.parametrize(("language", "typed", "expect"), [
    ("en", "walking", "Walking"), ("en", "the mri one", "MRI"), ("en", "the hip one", "Which hip"),
    ("en", "wlaking", "Walking"), ("en", "fever please", "Fever"),
    ("pt", "andar", "Andar"), ("pt", "a da rm", "RM"), ("pt", "a febre", "Febre"),
])
def test_an_answer_to_change_is_picked_by_its_words(language: str, typed: str, expect: str) -> None:
    from flows.content import get_content

    content = get_content()
    names = [content.text(q.short, language) for q in content.questions.values()]
    index = ENGINE.reader(language).choose_by_words(typed, names)
    assert index is not None and names[index] == expect


def test_words_that_pick_no_answer_or_several_pick_none() -> None:
    from flows.content import get_content

    content = get_content()
    names = [content.text(q.short, "en") for q in content.questions.values()]
    assert ENGINE.reader("en").choose_by_words("banana", names) is None
    assert ENGINE.reader("en").choose_by_words("the one", names) is None
    assert ENGINE.reader("en").choose_by_words("walking and fever", names) is None


@pytest.mark.parametrize(("language", "typed", "expect"), [
    ("en", "female 34", 34), ("en", "M, 61 yrs", 61), ("en", "58M, R hip pain 6/52, MRI BME", 58), ("en", "34F", 34),
    ("en", "58 M", 58), ("en", "male, 38c", None), ("pt", "Feminino, 34 anos", 34), ("pt", "homem 52", 52),
    ("en", "female, fever of 38", None), ("pt", "mulher, dor há 3 semanas", None), ("pt", "mulher, 34, 35", None),
])
def test_an_age_standing_apart_in_the_sex_answer_is_read_ahead(language: str, typed: str, expect: int | None) -> None:
    parsed = ENGINE.reader(language).answered_ahead("age", typed, "sex")
    assert (parsed.value if parsed is not None else None) == expect


# user tests, session 8 -------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["no baby yet, 34 weeks", "no, im pregnant", "no not had a baby yet, im pregnant",
                                   "not pregnant anymore, had her 6 weeks ago"])
def test_a_no_said_with_a_pregnancy_or_a_birth_is_asked_about_never_read_as_not_pregnant(typed: str) -> None:
    parsed = ENGINE.reader("en").read("pregnancy", typed)
    assert not parsed.ok and len(parsed.clarify) >= 2
    assert CONTENT.text(CONTENT.options["pregnancy"][0].label) in parsed.clarify  # "Not pregnant" is one choice


@pytest.mark.parametrize(("typed", "expect"), [("yes 30 weeks", "trimester_3"), ("nope", "not_pregnant"),
                                               ("had a baby 4 months ago", "postpartum"),
                                               ("34 wks preg", "trimester_3")])
def test_answers_that_agree_are_read_as_before(typed: str, expect: str) -> None:
    assert ENGINE.reader("en").read("pregnancy", typed).value == expect


def test_a_time_ago_is_no_week_of_pregnancy() -> None:
    typed = "groin pain on the right when i run, started after i upped my mileage, about 3 weeks ago"
    assert ENGINE.reader("en").read("pregnancy", typed).value is None


@pytest.mark.parametrize("typed", ["um pouco", "consigo andar, coxeio um pouco"])
def test_an_article_with_no_unit_is_no_duration(typed: str) -> None:
    assert not ENGINE.reader("pt").read("duration_weeks", typed).ok


@pytest.mark.parametrize(("language", "typed", "weeks"), [("pt", "um mês", 4.3), ("pt", "uma semana", 1.0),
                                                           ("en", "6/52", 6.0)])
def test_an_article_before_its_unit_is_still_a_number(language: str, typed: str, weeks: float) -> None:
    assert ENGINE.reader(language).read("duration_weeks", typed).value == weeks


@pytest.mark.parametrize("typed", ["180 like i said", "4/52"])
def test_a_number_that_cannot_be_a_white_cell_count_is_not_read_as_one(typed: str) -> None:
    assert not ENGINE.reader("en").read("white_cell_count", typed).ok


@pytest.mark.parametrize(("language", "typed"), [("en", "I can barely walk"), ("en", "can hardly walk"),
                                                 ("pt", "mal consigo andar"), ("pt", "mal ando")])
def test_barely_walking_is_walking_with_pain_not_walking_fine(language: str, typed: str) -> None:
    assert ENGINE.reader(language).read("walking", typed).value == "worse"


@pytest.mark.parametrize(("language", "typed", "why"), [
    ("en", "why do you need my age", True), ("en", "why?", True), ("en", "why not", False),
    ("pt", "para quê?", True), ("pt", "porquê isso?", True), ("pt", "porque dói", False)])
def test_a_question_about_the_question_is_heard(language: str, typed: str, why: bool) -> None:
    assert ENGINE.reader(language).asks_why(typed) is why


def test_a_negation_inside_another_answer_does_not_deny_the_hip() -> None:
    typed = "she fell yesterday and now cant stand on her left leg"
    assert ENGINE.reader("en").read("side", typed).value == "left"
    assert ENGINE.reader("en").read("fever", "i dont believe ive had a temperature").value is False


@pytest.mark.parametrize(("language", "typed"), [("pt", "so tomo cortisona em bomba para a asma"),
                                                 ("en", "just a steroid inhaler for asthma")])
def test_a_steroid_inhaler_is_no_steroid_tablet(language: str, typed: str) -> None:
    parsed = ENGINE.reader(language).read("medical_history", typed)
    assert not (parsed.ok and "glucocorticoids" in (parsed.value or []))


def test_steroid_tablets_with_a_cream_are_still_steroid_tablets() -> None:
    assert ENGINE.reader("en").read("medical_history", "prednisolone 10mg, and a steroid cream").value == [
        "glucocorticoids"]


@pytest.mark.parametrize(("language", "typed"), [("en", "started 2 weeks after the birth"),
                                                 ("pt", "começou 3 dias depois da queda")])
def test_a_time_after_another_event_is_no_duration(language: str, typed: str) -> None:
    assert not ENGINE.reader(language).read("duration_weeks", typed).ok


def test_the_front_of_the_thigh_is_the_hip_not_the_pubic_bone() -> None:
    assert ENGINE.reader("en").read("pelvic_girdle_pattern", "groin and the front of my thigh").value is False
