"""Session 22 (c), blind user tests en and pt 22: a number that comes with another measure's
word ("a PCR deu 12", "perdi uns 4 kg") answers no number question about something else, and
"37.6" at how long is asked about; how long said before the verb ("há umas 3 semanas comecei
com dor"), as a day of the month ("since the 20th") or as a date before the onset's "few
days"; clinician shorthand ("3o trim", "gravida 3T", "RNM", "descarga de peso", "dor anca
esq 2 sem" beside a pregnancy); and a clinician's note ("pt dx ...", "my patient") framed
for a clinician."""

from __future__ import annotations

from datetime import date

import pytest

from flows.dialogue import get_engine
from tests.support.conversation import talk

ENGINE = get_engine()
TODAY = date(2026, 12, 3)


# --- 1. a number with another measure's word is that measure's -------------------------------


@pytest.mark.parametrize(("language", "said"), [
    ("pt", "Fiz análises, a PCR deu 12"),
    ("pt", "a PCR foi de 12"),
    ("en", "CRP was 12"),
    ("en", "bloods done, crp came back at 12"),
])
def test_a_number_after_another_measure_is_no_duration(language: str, said: str) -> None:
    # user test pt 22: recorded as "12 semanas"
    parsed = ENGINE.readers[language].read("duration_weeks", said)
    assert not parsed.ok and parsed.value is None


@pytest.mark.parametrize(("language", "said"), [
    ("pt", "perdi uns 4 kg mas ando a comer menos"),
    ("en", "lost about 4 kg recently"),
])
def test_a_weight_is_no_white_cell_count(language: str, said: str) -> None:
    # user test pt 22: recorded as "Glóbulos brancos: Normal"
    assert ENGINE.readers[language].read("white_cell_count", said).value != "normal"


def test_a_temperature_typed_at_how_long_is_asked_about() -> None:
    # user test en 22a: "37.6" was "8.7 months"
    reader = ENGINE.readers["en"]
    assert not reader.read("duration_weeks", "37.6").ok
    assert reader.read("duration_weeks", "2.5").value == 2.5  # a half is a length of time
    assert reader.read("duration_weeks", "6").value == 6


# --- 2. how long said before the verb, as a day, or as a date before the onset ----------------


@pytest.mark.parametrize(("language", "said", "heard"), [
    ("pt", "tive o meu filho há 3 meses, estou a amamentar. há umas 3 semanas comecei com dor na anca direita",
     "3 semanas"),
    ("pt", "Há cerca de 6 semanas comecei com dores na anca direita, agora dói também deitada à noite", "6 semanas"),
])
def test_how_long_said_before_the_pain_began_is_heard(language: str, said: str, heard: str) -> None:
    # user test pt 22: asked again
    assert ENGINE.readers[language].heard_number("duration_weeks", said, today=TODAY) == heard


def test_since_a_day_of_the_month_counts_to_today() -> None:
    # user test en 22a: "since the 20th" was 20 weeks, or asked again
    reader = ENGINE.readers["en"]
    assert reader.read("duration_weeks", "since the 20th", today=TODAY).value == pytest.approx(13 / 7, abs=0.1)
    assert reader.heard_number("duration_weeks", "hip pain since the 20th", today=TODAY) is not None


# --- 3. clinician shorthand -------------------------------------------------------------------


@pytest.mark.parametrize(("language", "said"), [
    ("pt", "gravida 3T"),
    ("pt", "3o trim"),
    ("pt", "utente 34 anos, grávida de 32 semanas, dor anca esq 2 sem"),
])
def test_a_third_trimester_in_shorthand(language: str, said: str) -> None:
    # user test pt 22: "gravida 3T" was the first trimester; "2 sem" dropped the pregnancy
    reader = ENGINE.readers[language]
    assert reader.read("pregnancy", said).value == "trimester_3"


@pytest.mark.parametrize("said", [
    "fem 34a, 3o trim, dor anca esq 2 sem",
    "utente 34 anos, grávida de 32 semanas, dor anca esq 2 sem",
])
def test_a_third_trimester_in_a_note_is_heard(said: str) -> None:
    reader = ENGINE.readers["pt"]
    index = next(i for i, o in enumerate(ENGINE.content.options["pregnancy"]) if o.value == "trimester_3")
    assert reader.mentions("pregnancy", said) == [index]


def test_rnm_is_an_mri_and_descarga_de_peso_weight_bearing_pain() -> None:
    reader = ENGINE.readers["pt"]
    assert reader.read("tests_done", "RNM").value == ["mri"]
    assert reader.read("walking", "piora na descarga de peso").value == "worse"


# --- 4. a clinician's note ------------------------------------------------------------------


@pytest.mark.parametrize(("language", "said"), [
    ("en", "pt dx TOH on MRI, 8 wks, what loading is ok?"),
    ("en", "I'm a physio, my patient has TOH on MRI, 8 weeks in"),
    ("pt", "utente 34 anos, grávida de 32 semanas, dor anca esq 2 sem"),
])
def test_a_clinicians_note_is_framed_for_a_clinician(language: str, said: str) -> None:
    # user test en 22b: the physio was told the summary "speaks to the person with the hip pain"
    conv = talk(said, language=language)
    assert conv.session is not None and conv.session.by_a_clinician


def test_a_patients_physio_named_is_no_clinician_writing() -> None:
    conv = talk("my PT said its a strain, im 45", language="en")
    assert conv.session is not None and not conv.session.by_a_clinician
