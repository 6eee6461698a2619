"""Session 22: the known limits left by session 21 (its closing note), fixed in general: a
condition's description fits the person (pelvic girdle pain after a pregnancy loss)..."""

from __future__ import annotations

from datetime import date

from flows.assessment import assess
from flows.case import Case
from flows.dialogue import get_engine
from flows.messages import Reply, UserInput
from flows.summary import build_summary
from tests.support.conversation import Conversation, talk

ENGINE = get_engine()
CONTENT = ENGINE.content

BABY_OR_BIRTH = {"en": ("baby", "birth"), "pt": ("bebé", "parto"), "pt-BR": ("bebê", "parto")}


def assess_level(conv: Conversation) -> str:
    assert conv.session is not None
    return assess(conv.session.case, CONTENT).triage


def text_of(replies: list[Reply]) -> str:
    return "\n".join(reply.text for reply in replies)


def test_pelvic_girdle_pain_described_after_a_loss_without_the_baby_or_the_birth() -> None:
    after_a_loss = Case(sex="female", age=32, pregnancy="recent_pregnancy_loss")
    in_pregnancy = Case(sex="female", age=32, pregnancy="trimester_3")
    for language, words in BABY_OR_BIRTH.items():
        assert not any(w in CONTENT.about("pelvic_girdle_pain", after_a_loss, language) for w in words)
        assert any(w in CONTENT.about("pelvic_girdle_pain", in_pregnancy, language) for w in words)
    # ...and asked what it is, in the conversation, after a miscarriage
    conv = talk("1", "32", "i had a miscarriage 3 weeks ago")
    said = text_of([r for r in conv.say("what is pelvic girdle pain?") if r.code.startswith("condition_explained")])
    assert "pelvic belt" in said and "baby" not in said and "birth" not in said


def test_a_condition_asked_about_is_no_fact_of_the_person() -> None:
    # "never heard of transient osteoporosis" was a "no" to osteoporosis, and "kept for later"
    for language, answers, asked in (
            ("en", ("1", "35", "no", "left", "no", "1", "gradual", "4 weeks"),
             "never heard of transient osteoporosis, what is it?"),
            ("pt", ("1", "35", "nao", "esquerda", "nao", "1", "aos poucos", "4 semanas"),
             "nunca ouvi falar de osteoporose transitória, o que é isso?")):
        conv = talk(*answers, language=language)
        replies = conv.say(asked)
        assert [r.code for r in replies][:1] == ["condition_explained:itoh"], replies
        assert conv.session is not None and not conv.session.denied_early and not conv.session.noted
    # ...while what the same message says of the person is still heard
    conv = talk("1", "35", "no", "left", "no", "1", "gradual", "4 weeks")
    conv.say("i have osteoporosis, what is transient osteoporosis?")
    assert conv.session is not None and conv.session.noted


def held_duration(language: str, no: str, at_the_side: str) -> str | None:
    conv = talk("1", "35", no, at_the_side, language=language)
    assert conv.session is not None and conv.session.case.side is not None
    return conv.session.held_numbers.get("duration_weeks")


def test_how_long_said_alone_after_which_hip_is_kept_for_its_question() -> None:
    # "left, about 2 months" at which hip: the duration was asked again
    assert held_duration("en", "no", "left, about 2 months") == "2 months"
    assert held_duration("en", "no", "both, 6 wks") == "6 wks"
    assert held_duration("pt", "nao", "esquerda, há 2 meses") == "2 meses"
    # ...but not a number whose clause says more: a baby's age, a time after the birth
    for said in ("left. my baby is 2 months", "left, had my baby 2 months ago", "left, 2 months postpartum"):
        assert held_duration("en", "no", said) is None, said
    assert held_duration("pt", "nao", "esquerda, o bebé tem 2 meses") is None
    # ...and the duration question is then not asked again
    conv = talk("1", "35", "no", "left, about 2 months", "no", "1")
    assert conv.state == "walking"


def test_who_writes_said_again_is_heard_and_the_question_asked_again() -> None:
    for language, answers, again in (
            ("en", ("im a GP asking about my patient", "male"), "pt is the patient, im his GP"),
            ("en", ("asking for my dad", "male"), "im asking for my dad"),
            ("pt", ("sou médica de família, pergunto por um doente", "masculino"), "sou o medico de familia dele")):
        conv = talk(*answers, language=language)
        asked = conv.state
        replies = conv.say(again)
        codes = [r.code for r in replies]
        assert codes[0] == "still_for_someone_else" and "error" not in {r.kind for r in replies}, codes
        assert conv.state == asked
    # ...but what is said of the patient is no such notice
    conv = talk("im a GP asking about my patient", "male")
    assert "still_for_someone_else" not in [r.code for r in conv.say("he hit his head too")]


def test_a_bare_no_at_a_list_keeps_what_was_told_in_the_persons_own_words() -> None:
    # user test pt 22: "n", "n" at the warning signs took back a fall at 78 on warfarin, and
    # the emergency with it
    conv = talk("boa noite, escrevo pelo meu pai, tem 78 anos. queixa-se da anca esquerda há 2 semanas, desde que "
                "escorregou na casa de banho", "2", "ele anda com a bengala, custa-lhe mto", "n fez exames",
                "de repente", "toma varfarina e comprimidos p a tensão", language="pt")
    assert conv.session is not None and conv.session.case.trauma is True
    for _ in range(6):
        if conv.state == "summary":
            break
        conv.say("n")
    assert conv.session.case.trauma is True
    assert conv.session.case.anticoagulant is True
    assert assess_level(conv) == "emergency"


# --- the summary's honesty (user test en 22b) ---------------------------------------------------

# "52M, 6/52 R groin pain, NWB since yest, CRP 87, WCC 14, afebrile, MRI: BMO femoral head, no
# fracture line", and "none" to each list after
NONE_OF = ("trauma", "repetitive_loading", "glucocorticoids", "alcohol_excess", "other_avn_risk", "cancer_history",
           "weight_loss", "night_pain", "other_joints", "psoriasis_ibd_or_uveitis", "morning_stiffness",
           "prior_episode", "hot_swollen_joint", "cannot_move_hip", "immunosuppressed", "recent_joint_procedure",
           "artificial_hip", "injecting_drug_use", "anticoagulant", "known_osteoporosis",
           "known_inflammatory_arthritis")
GP_NOTE = {"sex": "male", "age": 52, "side": "right", "duration_weeks": 6, "weight_bearing_pain": True,
           "unable_to_bear_weight": True, "inflammatory_markers": "markedly_raised", "white_cell_count": "raised",
           "fever": False, "xray": "not_done", "mri": ["bone_marrow_oedema"], **dict.fromkeys(NONE_OF, False)}
AFTER_CANCER = {"sex": "female", "age": 58, "side": "left", "duration_weeks": 8, "onset": "gradual",
                "cancer_history": True, "weight_bearing_pain": True, "unable_to_bear_weight": False,
                "xray": ["joint_space_narrowing"], "fever": False, "trauma": False}


def first_block(case: Case) -> str:
    return "\n".join(line.text for line in build_summary(case, assess(case, CONTENT), CONTENT).first)


def section(case: Case, section_id: str) -> str:
    summary = build_summary(case, assess(case, CONTENT), CONTENT)
    return "\n".join(line.text for s in summary.sections if s.id == section_id for line in s.lines)


def test_a_leading_cause_beside_an_open_danger_is_the_most_likely_so_far() -> None:
    case = Case(**GP_NOTE)
    assessment = assess(case, CONTENT)
    assert assessment.top.condition == "itoh" and assessment.top.probability >= 0.5
    assert any(d.condition == "septic_arthritis" for d in assessment.not_ruled_out)
    block = first_block(case)
    assert CONTENT.message("unconfirmed_band") in block.splitlines()[block.splitlines().index(
        CONTENT.message("first_causes_title") + ":") + 1]
    # ...and the same MRI with normal blood tests and no danger open: its band again
    calm = Case(**{**GP_NOTE, "unable_to_bear_weight": False, "weight_bearing_pain": True,
                   "inflammatory_markers": "normal", "white_cell_count": "normal"})
    assert not assess(calm, CONTENT).not_ruled_out and assess(calm, CONTENT).top.probability >= 0.5
    assert CONTENT.message("unconfirmed_band") not in first_block(calm)


def test_an_open_danger_with_a_low_estimate_is_listed_once_below_the_likely_causes() -> None:
    case = Case(**GP_NOTE)
    block = first_block(case).splitlines()
    infection = CONTENT.text(CONTENT.conditions["septic_arthritis"].name)
    causes = block[block.index(CONTENT.message("first_causes_title") + ":") + 1:
                   block.index(CONTENT.message("not_ruled_out_title") + ":")]
    assert len(causes) == 3 and not any(infection in line for line in causes)
    assert any(infection in line for line in block[block.index(CONTENT.message("not_ruled_out_title") + ":"):])


def test_what_to_do_now_names_the_danger_not_ruled_out_beside_the_leading_cause() -> None:
    case = Case(**AFTER_CANCER)
    assessment = assess(case, CONTENT)
    growth = CONTENT.text(CONTENT.conditions["malignancy"].name)
    assert assessment.top.condition != "malignancy"
    assert any(d.condition == "malignancy" for d in assessment.not_ruled_out)
    assert CONTENT.message("not_ruled_out_ask") in section(case, "what_to_do")
    assert growth in section(case, "what_to_do")
    # ...but not again when that danger leads: its own advice says it
    lesion = Case(**{**AFTER_CANCER, "weight_loss": True, "night_pain": True, "xray": ["lytic_or_sclerotic_lesion"]})
    assert assess(lesion, CONTENT).top.condition == "malignancy"
    assert CONTENT.message("not_ruled_out_ask") not in section(lesion, "what_to_do")


# --- who the answers are about (user tests pt-BR and en 22) -------------------------------------

PREGNANT_25_WEEKS = ("oi, sou gestante de 25 semanas, to com dor no quadril direito faz uns 10 dias", "28 anos", "nao")


def test_what_a_relative_told_the_writer_is_the_writers_question() -> None:
    conv = talk(*PREGNANT_25_WEEKS, language="pt-BR")
    replies = conv.say("minha mae falou q posso tomar ibuprofeno, é verdade?")
    codes = [r.code for r in replies]
    assert "asking_for_someone_else" not in codes and "quick_answer:painkillers_in_pregnancy" in codes
    assert conv.session is not None and not conv.session.for_someone_else


def test_its_for_me_right_after_a_wrong_switch_keeps_the_answers_given() -> None:
    conv = talk(*PREGNANT_25_WEEKS, language="pt-BR")
    conv.say("minha sogra falou q pode tomar ibuprofeno, é verdade?")  # read as asking for her
    assert conv.session is not None and conv.session.for_someone_else
    answered, asked = list(conv.session.answered), conv.state
    codes = [r.code for r in conv.say("é pra mim")]
    assert "asking_for_yourself" in codes and "asking_for_yourself_again" not in codes
    assert conv.session.answered == answered and conv.state == asked and not conv.session.for_someone_else
    # ...while answers given about the relative are not kept as the writer's
    conv = talk("asking for my mum", "female", "78")
    assert "asking_for_yourself_again" in [r.code for r in conv.say("it's for me")]


def test_a_question_in_a_first_message_for_someone_else_is_answered() -> None:
    conv = talk()
    replies = conv.say("im her husband, my wife is 21 weeks pregnant, right hip pain 2 weeks, can she take ibuprofen?")
    codes = [r.code for r in replies]
    assert "quick_answer:painkillers_in_pregnancy" in codes
    assert "clarify" not in codes  # "Female or Male?" was asked just before "Female, from what you wrote"


def test_not_sure_of_the_warning_signs_of_pregnancy_says_when_to_call_at_once() -> None:
    conv = talk("to gravida de 34 semanas, dor na anca esquerda", "30", "esquerda", language="pt")
    assert conv.state == "pregnancy_warning_signs"
    codes = [r.code for r in conv.say("n sei")]
    assert "said_when_unsure:care_unsure_of_pregnancy_signs" in codes
    # ...and not when the signs are answered
    conv = talk("to gravida de 34 semanas, dor na anca esquerda", "30", "esquerda", language="pt")
    assert not any(r.code.startswith("said_when_unsure") for r in conv.say("nenhum"))


def test_pain_of_less_than_a_week_came_on_within_days_so_how_it_started_is_not_asked() -> None:
    conv = talk("45 yo man, left hip pain for 3 days", "none")
    assert conv.session is not None and conv.session.case.onset == "sudden" and conv.state != "onset"
    # (a day said is counted to the day the message was sent: Thursday 3 December 2026)
    conv = talk()
    for said in ("45 yo man, left hip pain since tuesday", "none"):
        conv.send(UserInput.typed(said).model_copy(update={"sent_on": date(2026, 12, 3)}))
    assert conv.session is not None and conv.session.case.onset == "sudden" and conv.state != "onset"
    # ...but weeks of pain may have come on either way: asked
    conv = talk("45 yo man, left hip pain for 3 weeks", "none")
    assert conv.state == "onset"
    # ...and a gradual start said is kept
    conv = talk("45 yo man, left hip pain for 4 days, came on gradually", "none")
    assert conv.session is not None and conv.session.case.onset == "gradual"


def test_a_pregnancy_loss_is_acknowledged_once() -> None:
    conv = talk("1", "36")
    codes = [r.code for r in conv.say("lost my baby at 11 weeks, 3 weeks ago")]
    assert codes.count("acknowledged:pregnancy") == 1
    assert CONTENT.text(next(o for o in CONTENT.options["pregnancy"] if o.value == "recent_pregnancy_loss")
                        .acknowledged_with or CONTENT.ui.messages["or"], "pt-BR") == "Sinto muito pela sua perda."
    assert "acknowledged:pregnancy" not in [r.code for r in talk("1", "36").say("no")]


def test_a_temperature_just_under_fever_level_is_not_no_fever() -> None:
    # user tests en and pt 22: 37.7 °C ten days after a caesarean moved nothing
    after_birth = {"sex": "female", "age": 32, "pregnancy": "postpartum", "side": "left", "onset": "sudden",
                   "duration_weeks": 0.7, "weight_bearing_pain": True, "unable_to_bear_weight": False,
                   "trauma": False, "xray": "not_done", "mri": "not_done", "fever": False}
    no_fever = assess(Case(**after_birth), CONTENT).probability("septic_arthritis")
    measured = assess(Case(**after_birth, temperature_c=37.7), CONTENT).probability("septic_arthritis")
    assert measured > 3 * no_fever
    assert assess(Case(**after_birth, temperature_c=37.7), CONTENT).triage in ("urgent", "emergency")
    # ...while 37.2 is no fever, as before
    assert assess(Case(**after_birth, temperature_c=37.2), CONTENT).probability("septic_arthritis") == no_fever


def test_with_nearly_nothing_known_the_summary_names_common_causes_without_estimates() -> None:
    conv = talk("idk", "male", "not sure", *["idk"] * 13)
    assert conv.state == "summary" and conv.session is not None
    block = first_block(conv.session.case)
    assert CONTENT.message("first_causes_title_little_known") + ":" in block
    assert "%" not in block.split(CONTENT.message("first_causes_title_little_known"))[1]
    # ...while with a side, a start and a duration the estimates are given
    known = talk("male", "45", "left", "none", "gradual", "3 weeks", *["idk"] * 10)
    assert known.state == "summary" and known.session is not None
    assert CONTENT.message("first_causes_title") + ":" in first_block(known.session.case)
