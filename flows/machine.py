"""The conversation's state machine: built once per process from content/flow.yaml.

Who calls it: flows.dialogue on every answer (`next_state`), the CLI `diagram` command
(`mermaid_diagram`), and tests. Building a transitions Machine costs milliseconds, so it
happens once (in flows.dialogue's `Engine`); each step borrows it with a throwaway two-attribute
cursor instead of adding a model per user.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from transitions import Machine

from flows.case import Case
from flows.content import Content, ContentError

TRIGGER = "answer"
# The end every conversation in scope reaches (content/flow.yaml); the others end it early.
SUMMARY_STATE = "summary"


@dataclass
class _Cursor:
    """The model transitions moves: only a state name (and the last guard outcome for tests)."""

    state: str


class FlowMachine:
    """A validated transitions Machine plus what the dialogue needs to know about states."""

    def __init__(self, content: Content) -> None:
        flow = content.flow
        self.initial = flow.initial
        self.final_states = frozenset(s.id for s in flow.states if s.final)
        self.question_of = {s.id: (s.question or s.id) for s in flow.states if not s.final}
        self.state_ids = [s.id for s in flow.states]
        self.ask_when = {s.id: content.guards[s.ask_when] for s in flow.states if s.ask_when is not None}
        self.always_ask = frozenset(s.id for s in flow.states if s.always_ask)
        self.back_clears = {s.id: list(s.back_clears) for s in flow.states if s.back_clears}
        # The case fields each state's own answer writes: its `ask_when` is judged without them.
        self.own_fields = {s.id: tuple(content.questions[self.question_of[s.id]].fields)
                           for s in flow.states if s.ask_when is not None}
        # Who is told of every transition taken: tests and script replays count coverage.
        self.watchers: list[Callable[[str, str], None]] = []
        _validate(content)
        guards = {name: _named(name, test) for name, test in content.guards.items()}
        self._machine = Machine(
            model=None,
            states=self.state_ids,
            initial=self.initial,
            auto_transitions=False,
            send_event=False,
            ignore_invalid_triggers=False,
        )
        for transition in flow.transitions:
            conditions = [guards[transition.guard]] if transition.guard else []
            self._machine.add_transition(TRIGGER, transition.source, transition.dest, conditions=conditions)
        self._event = self._machine.events[TRIGGER]

    def next_state(self, state: str, case: Case, answered: Collection[str] = (), *, taken: bool = True) -> str:
        """The state after answering `state`, given the case as it now stands.

        A state whose `ask_when` does not hold (an X-ray question for someone who had no
        X-ray) is passed over, as if answered with its field left as it is. For a state
        already `answered`, the guard is judged without its own answer (which is what makes
        "the X-ray findings are not known yet" false once they are given): it stays on the
        path unless something else now passes it over (no longer pregnant: where the pain
        is; an MRI added: the bone scan).
        """
        while True:
            state = self.step(state, case) if taken else self._trigger(state, case)
            passed_over = self.ask_when.get(state)
            if passed_over is None or passed_over(case):
                return state
            if state in answered and passed_over(self._without_own_answer(state, case)):
                return state

    def _without_own_answer(self, state: str, case: Case) -> Case:
        unanswered = case.model_copy()
        for name in self.own_fields[state]:
            setattr(unanswered, name, None)
        return unanswered

    def step(self, state: str, case: Case) -> str:
        """One transition out of `state` (the first whose guard holds). Every transition the
        conversation takes goes through here, which is what coverage counts."""
        dest = self._trigger(state, case)
        for watcher in self.watchers:
            watcher(state, dest)
        return dest

    def _trigger(self, state: str, case: Case) -> str:
        cursor = _Cursor(state)
        if not self._event.trigger(cursor, case):
            # Validation guarantees an unguarded fallback, so this means a corrupted session.
            raise ValueError(f"no transition out of state `{state}`")
        return cursor.state

    def path(self, case: Case, answered: Collection[str] = ()) -> list[str]:
        """Every state this case passes through, from the start to a final state.

        Unanswered questions are walked through with their field unknown. Used after
        an answer is changed: answered questions off this path are no longer relevant,
        and the first unanswered one on it is where the conversation resumes.
        """
        state = self.initial
        visited = [state]
        while state not in self.final_states:
            state = self.next_state(state, case, answered, taken=False)  # a walk, not a move
            visited.append(state)  # validation forbids cycles, so this ends
        return visited

    def is_final(self, state: str) -> bool:
        return state in self.final_states


def _named(name: str, test: Any) -> Any:
    def guard(case: Case) -> bool:
        return bool(test(case))

    guard.__name__ = name  # the diagram labels conditions by function name
    return guard


def _validate(content: Content) -> None:
    """One initial state, every state reachable, no dead ends, fallbacks last, no cycles."""
    flow = content.flow
    ids = [s.id for s in flow.states]
    final = {s.id for s in flow.states if s.final}
    fail = _failer(content)
    if flow.initial not in ids:
        fail(f"initial state `{flow.initial}` is not a state")
    outgoing: dict[str, list[Any]] = {state: [] for state in ids}
    for transition in flow.transitions:
        outgoing[transition.source].append(transition)
    for state in ids:
        moves = outgoing[state]
        if state in final:
            if moves:
                fail(f"final state `{state}` has transitions out of it")
            continue
        if not moves:
            fail(f"state `{state}` is a dead end: no transition out of it")
        if moves[-1].guard is not None:
            fail(f"state `{state}`: the last transition must have no guard, so one always fires")
        if any(move.guard is None for move in moves[:-1]):
            fail(f"state `{state}`: an unguarded transition hides the ones after it")
    reached = {flow.initial}
    queue = deque([flow.initial])
    while queue:
        for move in outgoing[queue.popleft()]:
            if move.dest not in reached:
                reached.add(move.dest)
                queue.append(move.dest)
    unreachable = [state for state in ids if state not in reached]
    if unreachable:
        fail(f"states not reachable from `{flow.initial}`: {unreachable}")
    if _has_cycle(ids, outgoing):
        fail("the flow has a cycle; a conversation must always move forward")


def _has_cycle(ids: list[str], outgoing: dict[str, list[Any]]) -> bool:
    colour = dict.fromkeys(ids, 0)  # 0 new, 1 on the stack, 2 done

    def visit(state: str) -> bool:
        colour[state] = 1
        for move in outgoing[state]:
            if colour[move.dest] == 1 or (colour[move.dest] == 0 and visit(move.dest)):
                return True
        colour[state] = 2
        return False

    return any(colour[state] == 0 and visit(state) for state in ids)


def _failer(content: Content) -> Any:
    def fail(reason: str) -> None:
        raise ContentError(f"{content.root / 'flow.yaml'}: {reason}")

    return fail


def mermaid_diagram(content: Content) -> str:
    """The flow as a Mermaid state diagram, drawn by transitions' mermaid engine."""
    from transitions.extensions.diagrams import GraphMachine  # lazy: only `itoh-bot diagram` draws

    flow = content.flow
    guards = {name: _named(name, test) for name, test in content.guards.items()}
    graph = GraphMachine(
        states=[s.id for s in flow.states],
        initial=flow.initial,
        auto_transitions=False,
        graph_engine="mermaid",
        show_conditions=True,
        title="ITOH assistant conversation",
    )
    for t in flow.transitions:
        graph.add_transition(TRIGGER, t.source, t.dest, conditions=[guards[t.guard]] if t.guard else [])
    return str(graph.get_graph().draw(None))
