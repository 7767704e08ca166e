import { LandlordRuleViolation } from '../shared/rule-violation.js';
import type { CaseCategory, CaseEvent, CaseSide } from './case.events.js';

export type CaseState =
  { readonly status: 'none' } | { readonly status: 'open' | 'answered' | 'closed'; readonly caseId: string; readonly landlordId: string; readonly subject: string; readonly category: CaseCategory };

export const initialCase: CaseState = { status: 'none' };

export type CaseCommand =
  | {
      readonly type: 'register';
      readonly caseId: string;
      readonly landlordId: string;
      readonly category: CaseCategory;
      readonly subject: string;
      readonly description: string;
      readonly by: string;
      readonly now: Date;
    }
  | { readonly type: 'add-message'; readonly from: CaseSide; readonly text: string; readonly by: string; readonly now: Date }
  | { readonly type: 'answer'; readonly answer: string; readonly by: string; readonly now: Date }
  | { readonly type: 'close'; readonly resolution: string; readonly by: string; readonly now: Date };

type Existing = Exclude<CaseState, { status: 'none' }>;

function openCase(state: CaseState): Existing {
  if (state.status === 'none') throw new LandlordRuleViolation('no-case', 'There is no such case');
  if (state.status === 'closed') throw new LandlordRuleViolation('case-closed', 'The case is closed');
  return state;
}

/** Staff answer and close; both sides may add to an open case, which reopens an answered one. */
export function decideCase(command: CaseCommand, state: CaseState): CaseEvent[] {
  const at = command.now.toISOString();
  switch (command.type) {
    case 'register': {
      if (state.status !== 'none') throw new LandlordRuleViolation('already-registered', 'This case already exists');
      const { caseId, landlordId, category, subject, description, by } = command;
      return [{ type: 'landlord-case-registered', data: { caseId, landlordId, category, subject, description, registeredBy: by, at } }];
    }
    case 'add-message': {
      const c = openCase(state);
      return [{ type: 'landlord-case-message-added', data: { caseId: c.caseId, landlordId: c.landlordId, from: command.from, text: command.text, by: command.by, at } }];
    }
    case 'answer': {
      const c = openCase(state);
      return [{ type: 'landlord-case-answered', data: { caseId: c.caseId, landlordId: c.landlordId, answer: command.answer, answeredBy: command.by, at } }];
    }
    case 'close': {
      const c = openCase(state);
      return [{ type: 'landlord-case-closed', data: { caseId: c.caseId, landlordId: c.landlordId, resolution: command.resolution, closedBy: command.by, at } }];
    }
  }
}

export function evolveCase(state: CaseState, event: CaseEvent): CaseState {
  switch (event.type) {
    case 'landlord-case-registered': {
      const { caseId, landlordId, subject, category } = event.data;
      return { status: 'open', caseId, landlordId, subject, category };
    }
    case 'landlord-case-message-added':
      return state.status === 'answered' && event.data.from === 'landlord' ? { ...state, status: 'open' } : state;
    case 'landlord-case-answered':
      return state.status === 'none' ? state : { ...state, status: 'answered' };
    case 'landlord-case-closed':
      return state.status === 'none' ? state : { ...state, status: 'closed' };
  }
}
