import { decideCase, evolveCase, initialCase, type CaseCommand, type CaseState } from './case.decider.js';

const now = new Date('2026-11-24T10:00:00Z');
const register: CaseCommand = { type: 'register', caseId: 'c-1', landlordId: 'l-1', category: 'improvement', subject: 'CSV export', description: 'Please add rents', by: 'u-1', now };
const run = (...commands: CaseCommand[]): CaseState => commands.reduce((s, c) => decideCase(c, s).reduce(evolveCase, s), initialCase);

describe('landlord case decider', () => {
  test('registered open, answered by staff, reopened by the landlord, closed', () => {
    expect(run(register).status).toBe('open');
    const answered = run(register, { type: 'answer', answer: 'Planned for spring', by: 'staff-1', now });
    expect(answered.status).toBe('answered');
    expect(run(register, { type: 'answer', answer: 'x', by: 's', now }, { type: 'add-message', from: 'landlord', text: 'When exactly?', by: 'u-1', now }).status).toBe('open');
    expect(run(register, { type: 'add-message', from: 'agency', text: 'We look into it', by: 's', now }).status).toBe('open');
    expect(run(register, { type: 'close', resolution: 'Done', by: 's', now }).status).toBe('closed');
  });

  test('a closed case takes nothing more; an unknown one nothing at all', () => {
    const closed = run(register, { type: 'close', resolution: 'Done', by: 's', now });
    expect(() => decideCase({ type: 'add-message', from: 'landlord', text: 'x', by: 'u', now }, closed)).toThrow(expect.objectContaining({ code: 'case-closed' }));
    expect(() => decideCase({ type: 'answer', answer: 'x', by: 's', now }, initialCase)).toThrow(expect.objectContaining({ code: 'no-case' }));
  });
});
