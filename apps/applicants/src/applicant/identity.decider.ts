import type { IdentityEvent } from './applicant.events.js';

export type IdentityCommand = { readonly type: 'claim' | 'release'; readonly stream: string; readonly applicantId: string };

/** The account holding the personnummer; undefined while nobody does. */
export type IdentityState = string | undefined;

/** A number is claimed only while free, and released only by the account holding it; anything else records nothing. */
export function decideIdentity(command: IdentityCommand, state: IdentityState): IdentityEvent[] {
  const data = { applicantId: command.applicantId };
  if (command.type === 'claim') return state ? [] : [{ type: 'identity-claimed', data }];
  return state === command.applicantId ? [{ type: 'identity-released', data }] : [];
}

export function evolveIdentity(_state: IdentityState, event: IdentityEvent): IdentityState {
  return event.type === 'identity-claimed' ? event.data.applicantId : undefined;
}
