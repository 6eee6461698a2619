"""Where the conversation goes next: the flow, the questions passed over, and changed answers.

Who calls it: flows.dialogue after every answer, /back and /change. Pure: it reads the
machine and the content and changes only the session it is given.
"""

from __future__ import annotations

from flows.content import Content
from flows.content_models import Question
from flows.lookahead import could_matter
from flows.machine import SUMMARY_STATE, FlowMachine
from flows.recording import clear
from flows.session import Session


class Navigator:
    """Moves a session through the flow for one engine (content + machine)."""

    def __init__(self, content: Content, machine: FlowMachine) -> None:
        self.content = content
        self.machine = machine

    def question(self, state: str) -> Question:
        return self.content.questions[self.machine.question_of[state]]

    def worth_asking(self, state: str, session: Session) -> bool:
        """Always for the questions the product is defined by, and those whose answer was
        said earlier (taken, not asked: "hurt for about 2 months" is kept even when how long
        could change nothing); else if an answer could matter."""
        if self.machine.is_final(state) or state in self.machine.always_ask or self.held_for(state, session):
            return True
        return could_matter(self.question(state), session.case, self.content)

    def held_for(self, state: str, session: Session) -> bool:
        """An answer said earlier will be taken at this question (flows.dialogue `take_held`):
        a number, one choice (two heard are asked about), or a scan's findings."""
        question = self.question(state)
        if not (question.taken_when_heard or question.implied_by):  # implied: `_note_implied`
            return False
        held = session.noted.get(state, [])
        return bool(session.held_numbers.get(state)) or (len(held) == 1 if question.kind == "choice" else bool(held))

    def arrive(self, state: str, session: Session) -> None:
        """Make `state` current, passing over the questions that could not change anything."""
        while not self.worth_asking(state, session):
            if state not in session.skipped:
                session.skipped.append(state)
            state = self.machine.next_state(state, session.case, session.answered)
        session.skipped = [s for s in session.skipped if s != state]
        session.state = state

    def after_answer(self, answered_state: str, session: Session) -> None:
        """Go on from a question just answered (or re-answered after /change)."""
        following = self.machine.next_state(answered_state, session.case, session.answered)
        if session.mode == "changing" or following in session.answered:
            self.follow_changed_path(session)
        else:
            self.arrive(following, session)

    def ended_by_what_was_said(self, session: Session) -> bool:
        """Something said in passing ends the conversation where it stands ("I have a hip
        replacement" after which hip was answered): the path now leads to an end other than
        the summary before reaching the current question. It goes there at once; the
        answers given are kept, so /back (`back_clears`) can go on from them."""
        path = self.machine.path(session.case, session.answered)
        end = path[-1]
        if end == SUMMARY_STATE or end == session.state or session.state in path:
            return False
        session.state = end
        return True

    def follow_changed_path(self, session: Session) -> None:
        """After a changed answer: drop answers no longer on the path, go to the first gap.

        An answer off the path is forgotten (where the pain is, once no longer pregnant; the
        bone scan, once an MRI answers the imaging question): it would not have been asked.
        Questions passed over before are looked at again, since the changed answer may make
        them matter.
        """
        path = self.machine.path(session.case, session.answered)
        for state in [q for q in session.answered if q not in path]:
            clear(session.case, self.question(state))
            session.answered.remove(state)
        session.skipped = [s for s in session.skipped if s in path]
        for state in path:
            if state in session.answered:
                continue
            if self.worth_asking(state, session):
                session.skipped = [s for s in session.skipped if s != state]
                session.state = state
                break
            if state not in session.skipped:
                session.skipped.append(state)
        if self.machine.is_final(session.state):
            session.mode = "asking"

    def back_to(self, state: str, session: Session) -> None:
        """Make an earlier question current again, forgetting what was passed over after it."""
        path = self.machine.path(session.case, session.answered)
        position = path.index(state) if state in path else len(path)
        session.skipped = [s for s in session.skipped if s in path and path.index(s) < position]
        session.state = state
