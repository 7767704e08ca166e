// A minimal stream for the library's own specs: a tally that is opened once and then added to.
import { Conflict } from '@bostadsko/errors';
import type { DeciderStream } from './decider-handler.js';
import { EventSchemas } from './event-schemas.js';

export type TallyCommand = { type: 'open'; id: string } | { type: 'add'; id: string; amount: number };
export type TallyEvent = { type: 'opened'; data: { id: string } } | { type: 'added'; data: { amount: number } };
export interface TallyState {
  readonly open: boolean;
  readonly total: number;
}

export const tally: DeciderStream<TallyCommand, TallyEvent, TallyState> = {
  streamId: (command) => `tally-${command.id}`,
  schemas: new EventSchemas<TallyEvent>({ opened: 1, added: 2 }),
  decider: {
    initialState: { open: false, total: 0 },
    decide: (command, state) => {
      if (command.type === 'open') {
        if (state.open) throw new Conflict('The tally is already open');
        return [{ type: 'opened', data: { id: command.id } }];
      }
      if (!state.open) throw new Conflict('The tally is not open');
      return command.amount === 0 ? [] : [{ type: 'added', data: { amount: command.amount } }];
    },
    evolve: (state, event) => (event.type === 'opened' ? { ...state, open: true } : { ...state, total: state.total + event.data.amount }),
  },
};
