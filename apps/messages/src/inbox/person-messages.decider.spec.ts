import { NotFound } from '@bostadsko/errors';
import { decide, evolve, initialState, type PersonMessagesCommand } from './person-messages.decider.js';
import type { PersonMessagesEvent } from './person-messages.events.js';

const SEALED = { subject: 's', iv: 'i', tag: 't', data: 'd' };
const record: PersonMessagesCommand = { type: 'record-message', messageId: 'm1', kind: 'application-received', email: true, content: SEALED, cause: 'c', now: '2026-05-20T10:00:00Z' };
const given = (events: PersonMessagesEvent[]) => events.reduce(evolve, initialState);
const recorded = decide(record, initialState);

describe('a person’s messages', () => {
  test('a message is recorded once, in the chosen language (Swedish unless chosen otherwise)', () => {
    expect(recorded).toEqual([{ type: 'message-recorded', data: expect.objectContaining({ messageId: 'm1', language: 'sv', email: true }) }]);
    expect(decide(record, given(recorded))).toEqual([]);
    const english = decide(record, given([{ type: 'language-chosen', data: { language: 'en' } }]));
    expect(english[0].data).toMatchObject({ language: 'en' });
  });

  test('read once; an unknown message is not found', () => {
    const read = decide({ type: 'mark-read', messageId: 'm1', now: 'x' }, given(recorded));
    expect(read).toEqual([{ type: 'message-read', data: { messageId: 'm1', readAt: 'x' } }]);
    expect(decide({ type: 'mark-read', messageId: 'm1', now: 'y' }, given([...recorded, ...read]))).toEqual([]);
    expect(() => decide({ type: 'mark-read', messageId: 'other', now: 'x' }, given(recorded))).toThrow(NotFound);
  });

  test('nothing new is written for an erased person', () => {
    expect(decide(record, given([{ type: 'person-erased', data: { on: '2026-05-20' } }]))).toEqual([]);
  });
});
