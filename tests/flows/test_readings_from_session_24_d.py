"""Session 24 (d): readings from the blind user tests 23a, 23b and 23d. Blood tests said to be
fine in general are no normal CRP nor white count; the time of a fall said in a first message
is how long the pain has lasted; a time said of a fever answers neither how the pain started
nor how long it has lasted."""

from __future__ import annotations

from tests.support.conversation import talk


def test_blood_tests_said_to_be_fine_are_no_normal_markers() -> None:
    # (user test pt 23: "análises, estava tudo bem" was recorded as a normal CRP and white count)
    conv = talk("estou grávida de 34 semanas e dói-me muito a anca esquerda", "30", "nenhuma",
                "fiz uma ecografia e análises, estava tudo bem", language="pt")
    case = conv.session.case if conv.session else None
    assert case is not None
    assert case.inflammatory_markers is None and case.white_cell_count is None
    for said in ("bloods were all fine", "blood tests normal"):
        case = talk("hip pain", "female", "60", "left", said).session.case  # type: ignore[union-attr]
        assert case.inflammatory_markers is None and case.white_cell_count is None, said
    # ...while the markers named by name still count
    case = talk("hip pain", "female", "60", "left", "bloods were fine, crp normal").session.case  # type: ignore[union-attr]
    assert case.inflammatory_markers == "normal"


def test_the_time_of_a_fall_in_a_first_message_is_how_long() -> None:
    # (user tests en 23: "i fell yesterday and my hip hurts" asked how long)
    for first, language, answers in (
            ("i fell yesterday and my hip hurts", "en", ("male", "40", "left", "none")),
            ("hip pain, im on warfarin and i fell yesterday", "en", ("male", "40", "left", "none")),
            ("a minha mãe caiu ontem e dói-lhe a anca", "pt", ("80", "esquerda", "nenhum"))):
        case = talk(first, *answers, language=language).session.case  # type: ignore[union-attr]
        assert case.duration_weeks is not None and case.duration_weeks < 0.5, first
    # ...but not an old fall beside the pain's own time, which is asked, not taken as 5 years
    case = talk("fell 5 years ago and broke my wrist, now left hip pain for a month",
                "male", "40", "none").session.case  # type: ignore[union-attr]
    assert case.duration_weeks is None or 4 <= case.duration_weeks <= 5


def test_a_time_said_of_a_fever_answers_neither_onset_nor_duration() -> None:
    # (user test en 23d: "felt feverish last night" was recorded as a sudden onset)
    conv = talk("hip pain", "male", "45", "left", "none", "felt feverish last night")
    case = conv.session.case  # type: ignore[union-attr]
    assert case.onset is None and case.fever is True
    # ...while a time said of the pain in the same answer counts
    case = talk("hip pain", "male", "45", "left", "none",
                "fever since yesterday, the pain came on suddenly").session.case  # type: ignore[union-attr]
    assert case.onset == "sudden"
