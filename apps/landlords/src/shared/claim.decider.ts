import type { ClaimEvent } from '../organisation/landlord.events.js';

export interface ClaimHolder {
  readonly landlordId: string;
  readonly userId?: string;
}

export type ClaimCommand = { readonly type: 'claim' | 'release'; readonly stream: string; readonly holder: ClaimHolder };

/** Who holds the key now; undefined when nobody does. */
export type ClaimState = ClaimHolder | undefined;

/** A key is taken only when free, and released only by its holder; anything else records nothing. */
export function decideClaim(command: ClaimCommand, state: ClaimState): ClaimEvent[] {
  const { holder } = command;
  if (command.type === 'claim') return state ? [] : [{ type: 'claimed', data: { ...holder } }];
  return state?.landlordId === holder.landlordId && state.userId === holder.userId ? [{ type: 'released', data: { ...holder } }] : [];
}

export function evolveClaim(_state: ClaimState, event: ClaimEvent): ClaimState {
  return event.type === 'claimed' ? event.data : undefined;
}
