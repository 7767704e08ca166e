import { deciderSpecification } from '@bostadsko/testing';
import { decideCase, evolveCase, initialCase, type CaseCommand } from './case.decider.js';
import type { CaseEvent, CaseSide } from './case.events.js';

const given = deciderSpecification({ decide: decideCase, evolve: evolveCase, initialState: initialCase });

const now = new Date('2026-11-24T10:00:00Z');
const at = now.toISOString();
const ids = { caseId: 'c-1', landlordId: 'l-1' };
const register: CaseCommand = { type: 'register', caseId: 'c-1', landlordId: 'l-1', category: 'improvement', subject: 'CSV export', description: 'Please add rents', by: 'u-1', now };
const answer: CaseCommand = { type: 'answer', answer: 'Planned for spring', by: 'staff-1', now };
const message = (from: CaseSide, text: string, by: string): CaseCommand => ({ type: 'add-message', from, text, by, now });
const close: CaseCommand = { type: 'close', resolution: 'Done', by: 's', now };

const registered: CaseEvent = { type: 'landlord-case-registered', data: { ...ids, category: 'improvement', subject: 'CSV export', description: 'Please add rents', registeredBy: 'u-1', at } };
const answered: CaseEvent = { type: 'landlord-case-answered', data: { ...ids, answer: 'Planned for spring', answeredBy: 'staff-1', at } };
const messageAdded = (from: CaseSide, text: string, by: string): CaseEvent => ({ type: 'landlord-case-message-added', data: { ...ids, from, text, by, at } });
const closed: CaseEvent = { type: 'landlord-case-closed', data: { ...ids, resolution: 'Done', closedBy: 's', at } };

describe('landlord case decider', () => {
  test('registered open, answered by staff, reopened by the landlord, closed', () => {
    given().when(register).then([registered]);
    expect(given([registered]).state.status).toBe('open');
    given([registered]).when(answer).then([answered]);
    expect(given([registered, answered]).state.status).toBe('answered');
    given([registered, answered])
      .when(message('landlord', 'When exactly?', 'u-1'))
      .then([messageAdded('landlord', 'When exactly?', 'u-1')]);
    expect(given([registered, answered, messageAdded('landlord', 'When exactly?', 'u-1')]).state.status).toBe('open');
    given([registered])
      .when(message('agency', 'We look into it', 's'))
      .then([messageAdded('agency', 'We look into it', 's')]);
    expect(given([registered, messageAdded('agency', 'We look into it', 's')]).state.status).toBe('open');
    given([registered]).when(close).then([closed]);
    expect(given([registered, closed]).state.status).toBe('closed');
  });

  test('a closed case takes nothing more; an unknown one nothing at all', () => {
    given([registered, closed])
      .when(message('landlord', 'x', 'u'))
      .thenThrows('case-closed');
    given().when({ type: 'answer', answer: 'x', by: 's', now }).thenThrows('no-case');
  });
});
