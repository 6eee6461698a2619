"""Hostile input: thousands of random sequences through dialogue.step never break it.

Texts, numbers, option words, button data (forged and stale), commands, emoji, control
characters, right-to-left text and 10 000-character strings; every Unicode digit and
number character (categories Nd, Nl, No), and callback data forged at any length, read
by the Telegram channel's own parser. After every step the
session is valid; the summary is reached only with every question on its path answered or
passed over by the look-ahead (never one the product is defined by); a stale or forged
button changes nothing.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.telegram.handlers import input_from_button
from flows.content import get_content
from flows.dialogue import get_engine, step
from flows.messages import UserInput
from flows.session import Session

ENGINE = get_engine()

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "1500"))
counted = {"inputs": 0, "sequences": 0, "summaries": 0}


def _option_words() -> list[str]:
    content = get_content()
    words = {content.text(a.label) for answers in content.options.values() for a in answers}
    words |= {w for answers in content.options.values() for a in answers for ws in a.synonyms.values() for w in ws}
    return sorted(words)


WORDS = _option_words()
COMMANDS = ["start", "back", "restart", "help", "change", "summary", "why", "forget", "quit", "nonsense", "", "b@ck"]
# Every Unicode digit and number character (Nd decimal digits of any script, Nl letter
# numbers such as Roman numerals, No such as superscripts, "፩", "᧚", "𐩀"), alone or among
# ASCII digits and separators, and runs of digits far longer than any number.
NUMBER_CHARACTERS = st.characters(categories=["Nd", "Nl", "No"])
numbers = st.one_of(
    st.text(alphabet=NUMBER_CHARACTERS, min_size=1, max_size=6),
    st.text(alphabet=st.one_of(NUMBER_CHARACTERS, st.sampled_from(list("0123456789 ,.-"))), max_size=20),
    st.builds(lambda n, unit: f"{n} {unit}", st.text(alphabet=NUMBER_CHARACTERS, min_size=1, max_size=4),
              st.sampled_from(["weeks", "days", "months", "years"])),
    st.integers(1, 6000).map(lambda n: "9" * n),
)
texts = st.one_of(
    numbers,
    st.sampled_from(WORDS),
    st.sampled_from(["1", "2", "3", "4", "1,3", "2, 5", "0", "99", "-1", "1.5", "6 weeks", "10 days", "34", "200"]),
    st.sampled_from(["/back", "/restart", "/change", "/help", "/start@itoh_bot", "/unknown", "cancel", "done", "/why",
                     "why", "now", "carry on", "39.2", "yes i fell", "cant stand on it at all", "CRP 180"]),
    st.text(max_size=40),
    st.text(alphabet=st.characters(categories=["Cc", "Cf", "Zs", "So"]), max_size=20),  # controls, emoji
    st.sampled_from(["مرحبا كيف حالك", "שלום", "\u202eevil\u202c", "🦴" * 50, "\x00", "\r\n", "y" * 10_000]),
)
payloads = st.one_of(
    st.builds(lambda k, n: f"{k}:{n}", st.sampled_from(["a", "t", "c"]), st.integers(-2, 30)),
    st.builds(lambda k, n: f"{k}:{n}", st.sampled_from(["a", "t", "c"]), numbers),
    st.sampled_from(["done", "cancel", "", ":", "a:", "t:x", "a:1:2", "why", "now", "go", "now:1", "why:"]),
    st.text(max_size=70),
)
# Callback data as Telegram hands it over, forged at any length: read by the Telegram
# channel's own parser (steps of thousands of digits, digits of any script included).
forged_callback_data = st.one_of(
    st.builds(lambda step, payload: f"{step}|{payload}", numbers, payloads),
    st.text(max_size=200),
    st.integers(1, 6000).map(lambda n: "1" * n + "|a:0"),
)
# Plenty of plain "don't know" so that many sequences get deep into the flow and to the summary.
inputs = st.one_of(
    st.just(UserInput.typed("don't know")),
    st.just(UserInput.typed("don't know")),
    texts.map(UserInput.typed),
    st.sampled_from(COMMANDS).map(UserInput.command),
    st.tuples(st.integers(-1, 3), payloads).map(lambda t: ("button", t)),
    forged_callback_data.map(input_from_button),
    st.just(UserInput.unsupported()),
    st.just(UserInput.edited()),
)


def check_invariants(session: Session) -> None:
    machine = ENGINE.machine
    content = get_content()
    Session.model_validate_json(session.to_json())  # always a valid, serialisable session
    assert session.state in machine.state_ids
    assert len(set(session.answered)) == len(session.answered)
    assert all(state in machine.question_of for state in session.answered)
    path = machine.path(session.case, session.answered)
    ended_early = machine.is_final(session.state) and session.state != "summary"
    for state in session.answered:  # an answered question is relevant to the current answers...
        # ...unless something said in passing ended it early ("a hip replacement"), where the
        # answers are kept for /back to go on from (flow.yaml `back_clears`)
        assert state in path or ended_early, (state, session.answered)
    # A question the look-ahead passed over is on the path (or was, before an early end: a
    # hip replacement ticked at the medical history ends the path at "which hip"), was not
    # answered, and is not one the product is defined by (content/flow.yaml `always_ask`).
    assert not set(session.skipped) & set(session.answered), session.skipped
    assert all((state in path or ended_early) and state not in machine.always_ask
               for state in session.skipped), session.skipped
    assert session.mode in ("asking", "changing", "choosing_change", "danger_offer")
    if session.state == "summary" and session.mode == "asking":
        required = [s for s in path if not machine.is_final(s)]
        missing = set(required) - set(session.answered) - set(session.skipped)
        assert not missing, missing
    if session.draft:
        assert all(0 <= i < len(content.options[machine.question_of[session.state]]) for i in session.draft)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 30), st.lists(inputs, min_size=5, max_size=80))
def test_random_sequences_never_break_the_dialogue(warm_up: int, sequence: list[object]) -> None:
    session, _ = step(None, UserInput.command("start"), ENGINE)
    for _ in range(warm_up):  # start anywhere in the flow, up to the summary and beyond
        session, _ = step(session, UserInput.typed("don't know"), ENGINE)
    for item in sequence:
        if isinstance(item, tuple):  # a button: drawn either at the current step or at another
            offset, payload = item[1]
            user_input = UserInput.button(session.step + offset if offset >= 0 else 0, payload)
        else:
            assert isinstance(item, UserInput)
            user_input = item
        before = session.to_json()
        session, replies = step(session, user_input, ENGINE)
        counted["inputs"] += 1
        assert replies, "every input gets a reply"
        if user_input.kind == "button" and user_input.step != Session.model_validate_json(before).step:
            assert session.to_json() == before, "a stale button changed the session"
        check_invariants(session)
        counted["summaries"] += session.state == "summary"
    counted["sequences"] += 1


def test_fuzz_volume_is_reported() -> None:
    """Runs after the property test in file order; says how much hostile input was tried."""
    print(f"\nfuzz: {counted['sequences']} sequences, {counted['inputs']} inputs, "
          f"{counted['summaries']} steps at the summary")
