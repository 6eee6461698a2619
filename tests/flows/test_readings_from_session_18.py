"""Session 18: the warning signs of early pregnancy (an ectopic pregnancy, a miscarriage) are
asked in the first trimester instead of the later list (the baby's movements, pre-eclampsia),
heard in passing, and raise the level of care. Each rule both ways."""

from __future__ import annotations

import pytest

from flows.assessment import assess
from flows.case import Case
from flows.dialogue import get_engine
from flows.guidance import select_guidance
from tests.support.conversation import talk

ENGINE = get_engine()
CONTENT = ENGINE.content


def checklist_read(language: str, question: str, text: str) -> list[str]:
    options = CONTENT.options[question]
    return [str(options[i].value) for i in ENGINE.reader(language).mentions(question, text)]


def guidance_ids(case: Case) -> set[str]:
    return {item.id for _, items in select_guidance(case, assess(case, CONTENT), CONTENT) for item in items}


# --- which list is asked --------------------------------------------------------------------


@pytest.mark.parametrize(("pregnancy", "asked"), [
    ("8 weeks pregnant", ["early_pregnancy_warning_signs"]),
    ("first trimester", ["early_pregnancy_warning_signs"]),
    ("24 weeks", ["pregnancy_warning_signs"]),
    ("34 weeks", ["pregnancy_warning_signs"]),
    # the week not known: she may be early or late, so both lists
    ("pregnant, not sure how many weeks", ["early_pregnancy_warning_signs", "pregnancy_warning_signs"]),
])
def test_the_warning_signs_asked_fit_the_stage_of_the_pregnancy(pregnancy: str, asked: list[str]) -> None:
    conv = talk("female", "30", pregnancy)
    seen = []
    for _ in range(3):
        if conv.state not in ("early_pregnancy_warning_signs", "pregnancy_warning_signs"):
            break
        seen.append(conv.state)
        conv.say("none")
    assert seen == asked
    assert conv.state == "side"


def test_the_early_list_shows_no_baby_movements_nor_pre_eclampsia() -> None:
    conv = talk("female", "30", "7 weeks")
    shown = " ".join(choice.label for choice in conv.last_question().choices)
    assert "tip of a shoulder" in shown and "baby moving" not in shown and "blurred vision" not in shown


# --- what is read as each sign ----------------------------------------------------------------


@pytest.mark.parametrize(("language", "text", "item"), [
    ("en", "some spotting since this morning", "early_pregnancy_bleeding"),
    ("en", "brown discharge", "early_pregnancy_bleeding"),
    ("en", "a bit of blood when i wipe", "early_pregnancy_bleeding"),
    ("en", "sharp pain on the right side of my tummy", "ectopic_signs"),
    ("en", "pain in the tip of my shoulder", "ectopic_signs"),
    ("en", "i nearly fainted in the shower", "ectopic_signs"),
    ("pt", "um pouco de sangue na calcinha", "early_pregnancy_bleeding"),
    ("pt", "corrimento castanho", "early_pregnancy_bleeding"),
    ("pt", "pontada na barriga do lado direito", "ectopic_signs"),
    ("pt", "dor na ponta do ombro", "ectopic_signs"),
    ("pt-BR", "quase desmaiei hoje", "ectopic_signs"),
])
def test_the_early_signs_in_other_words(language: str, text: str, item: str) -> None:
    assert checklist_read(language, "early_pregnancy_warning_signs", text) == [item]


@pytest.mark.parametrize(("language", "text"), [
    ("en", "my gums are bleeding"),
    ("en", "a nosebleed this morning"),
    ("en", "my shoulder hurts from carrying the toddler"),  # a sore shoulder is no shoulder-tip pain
    ("en", "a bit dizzy when I stand up"),                   # light dizziness is common early on
    ("pt", "sangram-me as gengivas"),
])
def test_what_is_not_an_early_sign(language: str, text: str) -> None:
    assert checklist_read(language, "early_pregnancy_warning_signs", text) == []


# --- what they do ------------------------------------------------------------------------------


@pytest.mark.parametrize(("language", "first_message"), [
    ("en", "hi im 7 weeks pregnant, 31, pain in my right hip and groin and some spotting since this morning"),
    ("en", "I think I'm about 6 weeks pregnant, sudden sharp pain in my right groin, and I nearly fainted. 27"),
    ("pt-BR", "tô grávida de 6 semanas, 27 anos, dor na virilha direita e uma pontada na barriga do lado direito"),
])
def test_an_early_sign_said_in_passing_is_acted_on_at_once(language: str, first_message: str) -> None:
    conv = talk(first_message, language=language)
    assert conv.session is not None and "early_pregnancy_warning_signs" in conv.session.announced


def test_an_early_sign_later_in_pregnancy_is_no_ectopic_warning() -> None:
    # At 34 weeks a shoulder-tip pain said in passing is not an ectopic pregnancy's sign.
    conv = talk("34 weeks pregnant, 31, right hip pain and a pain in the tip of my shoulder")
    assert conv.session is not None and "early_pregnancy_warning_signs" not in conv.session.announced
    assert conv.session.case.ectopic_signs is None


@pytest.mark.parametrize(("fields", "level"), [
    ({"early_pregnancy_bleeding": True}, "emergency"),
    ({"ectopic_signs": True}, "emergency"),
    ({"early_pregnancy_bleeding": False, "ectopic_signs": False}, None),
])
def test_the_early_signs_set_the_level_of_care(fields: dict[str, bool], level: str | None) -> None:
    early = assess(Case(sex="female", age=30, pregnancy="trimester_1", **fields), CONTENT)
    assert ("early_pregnancy_warning_signs" in {f.id for f in early.red_flags}) is (level is not None)
    if level is not None:
        assert early.triage == level
    # ...only early in pregnancy (or when the week is not known)
    late = assess(Case(sex="female", age=30, pregnancy="trimester_3", **fields), CONTENT)
    assert "early_pregnancy_warning_signs" not in {f.id for f in late.red_flags}
    unknown = assess(Case(sex="female", age=30, pregnancy="pregnant_stage_unknown", **fields), CONTENT)
    assert ("early_pregnancy_warning_signs" in {f.id for f in unknown.red_flags}) is (level is not None)


def test_later_pregnancy_signs_do_not_use_the_late_message_in_the_first_trimester() -> None:
    # The later list's message speaks of waters and the baby moving less.
    early = assess(Case(sex="female", age=30, pregnancy="trimester_1", pregnancy_warning_signs=True), CONTENT)
    assert "pregnancy_warning_signs" not in {f.id for f in early.red_flags}
    late = assess(Case(sex="female", age=30, pregnancy="trimester_2", pregnancy_warning_signs=True), CONTENT)
    assert "pregnancy_warning_signs" in {f.id for f in late.red_flags}


@pytest.mark.parametrize(("fields", "shown"), [
    ({}, True),                                          # "Not sure": call today
    ({"early_pregnancy_bleeding": False, "ectopic_signs": False}, False),
    ({"early_pregnancy_bleeding": True, "ectopic_signs": False}, False),
])
def test_not_sure_of_the_early_signs_is_told_to_call_today(fields: dict[str, bool], shown: bool) -> None:
    case = Case(sex="female", age=30, pregnancy="trimester_1", **fields)
    assert ("care_unsure_of_early_pregnancy_signs" in guidance_ids(case)) is shown
    later = Case(sex="female", age=30, pregnancy="trimester_3", **fields)
    assert "care_unsure_of_early_pregnancy_signs" not in guidance_ids(later)


# --- a medicine asked about is not one taken ------------------------------------------------------


@pytest.mark.parametrize(("language", "first_message"), [
    ("en", "35 weeks pregnant can i take ibuprofen for my hip?"),
    ("en", "35 weeks pregnant, hip hurts, is ibuprofen ok"),            # no question mark
    ("en", "35 weeks pregnant, and naproxen, is that ok?"),
    ("pt-BR", "tô grávida de 30 semanas, e ibuprofeno, pode?"),
    ("pt", "grávida de 30 semanas, brufen pode?"),
    ("pt-BR", "to com 30 semanas, e a nimesulida, faz mal?"),
])
def test_a_medicine_asked_about_is_answered_not_recorded(language: str, first_message: str) -> None:
    conv = talk(first_message, language=language)
    assert conv.session is not None and conv.session.case.nsaid_use is None
    codes = [reply.code for reply in conv.transcript[-1][1]]
    assert "quick_answer:painkillers_in_pregnancy" in codes and "nsaid_in_pregnancy" not in codes
    # ...and what was said before the question still counts
    assert conv.session.noted.get("pregnancy") or conv.session.case.pregnancy is not None


@pytest.mark.parametrize(("language", "first_message"), [
    ("en", "35 weeks pregnant, I take ibuprofen for my hip, is that ok?"),
    ("en", "35 weeks pregnant, been taking ibuprofen 3 times a day"),
    ("pt-BR", "tô grávida de 30 semanas, tomo ibuprofeno todo dia"),
])
def test_a_medicine_taken_is_still_recorded_and_warned_of(language: str, first_message: str) -> None:
    conv = talk(first_message, language=language)
    assert conv.session is not None and conv.session.case.nsaid_use is True
    assert "nsaid_in_pregnancy" in conv.session.announced


# --- words people type ------------------------------------------------------------------------------


def test_texting_shorthand_for_when_keeps_walking_that_hurts() -> None:
    assert ENGINE.reader("pt-BR").read("walking", "dói qdo ando mas consigo andar").value == "worse"


@pytest.mark.parametrize(("language", "text", "value"), [
    ("pt", "grávida de uns 5 meses", "trimester_2"),
    ("pt", "umas 34 semanas", "trimester_3"),
    ("pt", "estou grávida, ainda não sei bem de quantas semanas", "pregnant_stage_unknown"),
    ("pt-BR", "descobri ontem que to gravida", "trimester_1"),
])
def test_a_pregnancy_said_loosely(language: str, text: str, value: str) -> None:
    assert ENGINE.reader(language).read("pregnancy", text).value == value


@pytest.mark.parametrize(("language", "text", "value"), [
    ("pt", "perdi uns quilos", True),           # "uns" before no number keeps its words
    ("pt", "há uns 10 dias", None),
])
def test_some_before_a_number_only(language: str, text: str, value: bool | None) -> None:
    named = checklist_read(language, "warning_signs", text)
    assert ("weight_loss" in named) is bool(value)


@pytest.mark.parametrize(("language", "text", "named"), [
    ("pt", "o meu pai faz quimio por causa da próstata", True),
    ("en", "had chemo for breast cancer years ago", True),
    ("en", "his left hip aches every night", False),
])
def test_chemotherapy_is_a_cancer_treated(language: str, text: str, named: bool) -> None:
    assert ("cancer_history" in checklist_read(language, "warning_signs", text)) is named


@pytest.mark.parametrize(("language", "text", "night_pain"), [
    ("en", "his left hip aches every night", True),
    ("pt", "dói todas as noites", True),
    ("pt", "acordo todas as noites para dar de mamar", False),   # feeding the baby
    ("en", "up every night for the baby's feeds", False),
])
def test_pain_every_night(language: str, text: str, night_pain: bool) -> None:
    assert ("night_pain" in checklist_read(language, "warning_signs", text)) is night_pain


# --- what a breastfeeding mother is told about painkillers -------------------------------------------


@pytest.mark.parametrize(("breastfeeding", "shown"), [(True, True), (False, False), (None, False)])
def test_breastfeeding_is_told_what_to_avoid(breastfeeding: bool | None, shown: bool) -> None:
    case = Case(sex="female", age=31, pregnancy="postpartum", breastfeeding=breastfeeding)
    assert ("pain_breastfeeding_what_to_avoid" in guidance_ids(case)) is shown
    item = next(i for i in CONTENT.guidance.items if i.id == "pain_breastfeeding_what_to_avoid")
    text = CONTENT.text(item.text, "en")
    assert "codeine" in text and "co-codamol" in text


@pytest.mark.parametrize(("language", "typed"), [
    ("en", "can I take codeine while breastfeeding?"),
    ("pt-BR", "posso tomar dipirona? to amamentando"),
])
def test_asked_at_once_about_a_painkiller_while_breastfeeding(language: str, typed: str) -> None:
    conv = talk("female", "31", "had a baby 6 weeks ago" if language == "en" else "tive bebê faz 6 semanas",
                "yes" if language == "en" else "sim", language=language)
    replies = conv.say(typed)
    answer = next(r.text for r in replies if r.code == "quick_answer:painkillers_while_breastfeeding")
    assert ("codeine" in answer) if language == "en" else ("dipirona" in answer.lower())


def test_european_portuguese_names_cancer_once_and_metamizole_as_in_portugal() -> None:
    labels = [o.label for o in CONTENT.options["warning_signs"]]
    assert any(CONTENT.text(label, "pt") == "Já tive cancro (doença maligna)" for label in labels)
    assert any(CONTENT.text(label, "pt-BR") == "Já tive câncer (doença maligna)" for label in labels)


# --- pelvic girdle pain in pregnancy is not sent to be seen within 24 hours ----------------------


PGP_LATE = {"sex": "female", "age": 30, "pregnancy": "trimester_3", "side": "both", "pelvic_girdle_pattern": True,
            "onset": "gradual", "duration_weeks": 3, "weight_bearing_pain": True, "unable_to_bear_weight": False,
            "trauma": False, "fever": False, "nsaid_use": False}


def test_pelvic_girdle_pain_late_in_pregnancy_is_a_planned_visit_with_the_break_still_open() -> None:
    result = assess(Case(**PGP_LATE), CONTENT)
    assert result.ranking[0].condition == "pelvic_girdle_pain"
    assert result.triage == "consultation"
    assert "fracture" in {d.condition for d in result.not_ruled_out}  # said, not hidden
    assert "care_pelvic_girdle_pain" in guidance_ids(Case(**PGP_LATE))


@pytest.mark.parametrize("change", [
    {"pelvic_girdle_pattern": False},      # the pain is in the groin: the break rule holds again
    {"unable_to_bear_weight": True},       # cannot walk
    {"pregnancy": "postpartum"},           # after birth, lactation bone loss breaks the sacrum too
])
def test_the_pelvic_joints_pattern_lowers_the_level_only_in_pregnancy_while_walking(change: dict[str, object]) -> None:
    result = assess(Case(**{**PGP_LATE, **change}), CONTENT)
    assert result.triage in ("urgent", "emergency"), change


@pytest.mark.parametrize(("pattern", "held"), [(True, False), (False, True)])
def test_a_young_pregnant_woman_with_the_pelvic_joints_pattern_has_explained_pain(pattern: bool, held: bool) -> None:
    case = Case(sex="female", age=24, pregnancy="trimester_1", pelvic_girdle_pattern=pattern, duration_weeks=4)
    rules = {rule for danger in assess(case, CONTENT).not_ruled_out for rule in danger.rule_ids}
    assert ("malignancy_young_person_without_imaging" in rules) is held
    assert ("infection_young_person_without_imaging" in rules) is held


# --- a replaced hip after an emergency warning: no "within 1 to 2 weeks" ---------------------------


@pytest.mark.parametrize(("language", "first_message", "warned"), [
    ("pt", "o meu pai tem 82 anos, tem uma prótese na anca direita há 5 anos e desde ontem queixa-se muito dessa "
           "anca. hoje teve 38 e pouco e está um bocado confuso", True),
    ("en", "my dad is 82, hip replacement on the right 5 years ago, since yesterday that hip is very painful and "
           "he is a bit confused", True),
    ("en", "my dad is 82, hip replacement on the right 5 years ago, since last month that hip aches", False),
])
def test_a_replaced_hip_after_a_warning_ends_without_a_planned_visit(language: str, first_message: str,
                                                                     warned: bool) -> None:
    conv = talk(first_message, language=language)
    conv.say("1") if warned else conv.say("1", "right")
    # the end as said, wherever it was (a later message meets a line, user test en 19)
    codes = [reply.code for _, replies in conv.transcript for reply in replies]
    assert ("replaced_hip_after_a_warning" in codes) is warned
    assert ("replaced_hip" in codes) is not warned


# --- a week of the pregnancy is not how long it has hurt ----------------------------------------


@pytest.mark.parametrize(("language", "text"), [
    ("en", "since I was 28 weeks"),
    ("en", "since week 28"),
    ("en", "since i was 28 wks"),
    ("pt", "desde as 28 semanas"),
    ("pt", "desde a semana 28"),
])
def test_a_week_of_the_pregnancy_at_how_long_is_asked_again(language: str, text: str) -> None:
    parsed = ENGINE.reader(language).read("duration_weeks", text)
    assert not parsed.ok and parsed.error == "week_of_pregnancy_not_length" and parsed.values["week"] == "28"


@pytest.mark.parametrize(("language", "text", "weeks"), [
    ("en", "for 6 weeks", 6.0),
    ("en", "since 3 weeks", 3.0),          # "since" for "for", as many write it
    ("pt", "há 3 semanas", 3.0),
])
def test_a_length_of_time_is_still_read(language: str, text: str, weeks: float) -> None:
    assert ENGINE.reader(language).read("duration_weeks", text).value == weeks


def test_a_week_of_the_pregnancy_in_the_first_message_is_not_held_as_how_long() -> None:
    conv = talk("34 weeks pregnant, right hip pain since I was 28 weeks")
    assert conv.session is not None and "duration_weeks" not in conv.session.held_numbers


# --- a relative's bare age, a femoral head, a yes or no said of a painkiller ----------------------


def test_a_relatives_age_after_de_is_heard_though_the_sentence_goes_on() -> None:
    conv = talk("minha mãe de 78 caiu ontem no banheiro e agora ta reclamando de dor no quadril esquerdo",
                language="pt-BR")
    assert conv.session is not None and conv.session.held_numbers.get("age") == "78"
    assert "fall_with_fragile_bone" in conv.session.announced   # at once, not after the age is asked
    assert ENGINE.reader("pt").heard_number("age", "mãe de 78 kg") is None


@pytest.mark.parametrize(("text", "sex"), [
    ("48M R groin pain, MRI BMO fem head", "male"),   # the femoral head, not "female"
    ("fem", "female"),
    ("F 48, fem neck pain", "female"),
])
def test_fem_head_is_no_sex(text: str, sex: str) -> None:
    assert ENGINE.reader("en").read("sex", text).value == sex


@pytest.mark.parametrize(("text", "value"), [
    ("no nsaids, co-codamol", "not read"),     # the painkillers' no, not the fever's
    ("ibuprofen yes", "not read"),
    ("no fever, co-codamol", False),
    ("no, just paracetamol", False),
    ("yes", True),
])
def test_a_yes_or_no_beside_a_painkiller_is_the_painkillers(text: str, value: object) -> None:
    parsed = ENGINE.reader("en").read("fever", text)
    assert (parsed.value if parsed.ok else "not read") == value


@pytest.mark.parametrize(("text", "held"), [
    ("36+2, R hip agony", "36+2"),     # weeks and days, as a note writes a week of pregnancy
    ("G2P1 36+2 L hip pain", "36+2"),
    ("hip pain 3+1 days", None),       # no week of pregnancy below 4
    ("crp 36+2,5", None),
])
def test_weeks_and_days_in_passing_are_the_pregnancy(text: str, held: str | None) -> None:
    assert ENGINE.reader("en").heard_number("pregnancy", text) == held


@pytest.mark.parametrize("text", ["can only manage a couple of steps holding the sofa", "a couple of steps"])
def test_a_couple_of_steps_is_walking_that_hurts(text: str) -> None:
    assert ENGINE.reader("en").read("walking", text).value == "worse"


# --- round 18b -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("language", "text", "value"), [
    ("pt", "nunca, tenho medo do brufen", False),
    ("pt", "o farmacêutico queria dar-me brufen mas não aceitei", False),
    ("pt-BR", "ia tomar ibuprofeno mas minha mae nao deixou", False),
    ("pt-BR", "a moça da farmacia quis me vender nimesulida mas nao comprei", False),
    ("en", "never, scared of ibuprofen", False),
    ("pt", "tomo brufen", True),
    ("en", "taking ibuprofen", True),
])
def test_a_painkiller_feared_offered_or_refused_is_none_taken(language: str, text: str, value: bool) -> None:
    assert ENGINE.reader(language).read("pain_medicines", text).value is value


@pytest.mark.parametrize(("text", "someone_else"), [
    ("mulher ne kkk", False), ("mulher, claro", False), ("a mulher caiu", True),
])
def test_a_tag_after_the_sex_says_nothing_of_anyone(text: str, someone_else: bool) -> None:
    assert ENGINE.reader("pt-BR").who.for_someone_else_in(text) is someone_else


@pytest.mark.parametrize(("pregnancy", "early", "late"), [
    ("trimester_1", True, False), ("trimester_3", False, True), ("pregnant_stage_unknown", True, True),
])
def test_the_come_back_sooner_list_fits_the_stage(pregnancy: str, early: bool, late: bool) -> None:
    shown = guidance_ids(Case(sex="female", age=30, pregnancy=pregnancy))
    assert ("sooner_early_pregnancy" in shown) is early and ("sooner_pregnancy" in shown) is late


@pytest.mark.parametrize(("fields", "shown"), [
    ({"early_pregnancy_bleeding": True}, True), ({"ectopic_signs": True}, True),
    ({"early_pregnancy_bleeding": False, "ectopic_signs": False}, False),
])
def test_the_summary_puts_the_pregnancy_first_when_early_signs_are_said(fields: dict[str, bool], shown: bool) -> None:
    case = Case(sex="female", age=29, pregnancy="trimester_1", **fields)
    assert ("care_early_pregnancy_signs" in guidance_ids(case)) is shown


def test_transient_osteoporosis_does_not_lead_in_the_first_trimester_before_a_scan() -> None:
    case = Case(sex="female", age=29, pregnancy="trimester_1", side="right", onset="gradual", duration_weeks=3)
    assert assess(case, CONTENT).probability("itoh") < assess(
        case.model_copy(update={"pregnancy": "trimester_3"}), CONTENT).probability("itoh")


@pytest.mark.parametrize(("language", "text", "asks"), [
    ("en", "is ibuprofen ok", True),
    ("en", "can walk fine", False),        # "can" also opens a statement; only "is"/"are" ask without "?"
    ("pt", "brufen pode?", True),
    ("pt", "pode andar bem", False),
])
def test_a_permission_question_without_its_mark_opens_with_is(language: str, text: str, asks: bool) -> None:
    assert ENGINE.reader(language).asks_back(text) is asks
