import type { Decider } from '@kapocs/shared/kernel';

/** What a refused command threw: its stable code and details (a DomainError, or anything with a `code`). */
interface Refusal {
  readonly code: string;
  readonly details?: Record<string, unknown>;
}

export interface DeciderThen<Event, State> {
  /** The decided events equal these exactly. */
  then(...expected: readonly Event[]): void;
  /** The command is refused with this code (and, if given, details containing these). */
  thenThrows(code: string, details?: Record<string, unknown>): void;
  /** The decided events, for assertions on a few fields. */
  events(): readonly Event[];
  /** The state after evolving the given and the decided events. */
  state(): State;
}

/**
 * Given/when/then over a decider (STYLE.md §2.7): `given(...events).when(command).then(...events)` or
 * `.thenThrows(code)`. Pure: folds the given events with `evolve`, runs `decide` once.
 */
export const deciderSpec = <Command, Event, State>(decider: Decider<Command, Event, State>) => ({
  given: (...history: readonly Event[]) => ({
    when: (command: Command): DeciderThen<Event, State> => {
      const before = history.reduce(decider.evolve, decider.initialState());
      const run = (): readonly Event[] => decider.decide(command, before);
      return {
        then: (...expected) => expect(run()).toEqual(expected),
        thenThrows: (code, details) => {
          let refusal: Refusal | undefined;
          try {
            run();
          } catch (error) {
            refusal = error as Refusal;
          }
          expect(refusal?.code).toBe(code);
          if (details) expect(refusal?.details).toMatchObject(details);
        },
        events: run,
        state: () => run().reduce(decider.evolve, before),
      };
    },
  }),
});
