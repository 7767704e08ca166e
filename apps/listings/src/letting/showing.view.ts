import type { AuthenticatedUser } from '@bostadsko/platform';
import { isStaff } from './letting.access.js';
import type { LettingState } from './letting.decider.js';

/** A showing as the caller may see it: staff see who was invited and their answers; a landlord sees how many per slot. */
export function showingView(state: LettingState, user: AuthenticatedUser, showingId: string) {
  const showing = state.showings.find((s) => s.showingId === showingId);
  if (!showing) return undefined;
  const invitations = showing.invited.map((id) => state.invitations[id]);
  return {
    showingId,
    answerBy: showing.answerBy,
    slots: showing.slots.map((slot, i) => ({ ...slot, invited: invitations.filter((inv) => inv.slot === i).length })),
    invited: invitations.length,
    ...(isStaff(user) && {
      invitations: invitations.map((i) => ({ applicationId: i.applicationId, applicantId: i.applicantId, place: i.place, slot: i.slot, answer: i.answer, answeredAt: i.answeredAt ?? null })),
      skipped: Object.values(state.skipped),
    }),
  };
}
