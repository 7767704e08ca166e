import type { Sealed } from '../../../../libs/personal-data/src/personal-data.vault.js';
import type { ApplicantEvent } from './applicant.events.js';
import { stockholmDate } from './stockholm-date.js';

export type ApplicantState =
  | { readonly status: 'none' }
  | { readonly status: 'registered'; readonly applicantId: string; readonly queueStartDate: string };

export const initialState: ApplicantState = { status: 'none' };

export interface RegisterApplicant {
  readonly type: 'register-applicant';
  readonly applicantId: string;
  readonly personal: Sealed;
  readonly now: Date;
}

export class AlreadyRegistered extends Error {
  override readonly name = 'AlreadyRegistered';
}

export function decide(command: RegisterApplicant, state: ApplicantState): ApplicantEvent[] {
  if (state.status !== 'none') throw new AlreadyRegistered(`Applicant ${command.applicantId} is already registered`);
  const queueStartDate = stockholmDate(command.now);
  return [
    {
      type: 'applicant-registered',
      data: { applicantId: command.applicantId, registeredAt: command.now.toISOString(), queueStartDate, personal: command.personal },
    },
  ];
}

export function evolve(state: ApplicantState, event: ApplicantEvent): ApplicantState {
  switch (event.type) {
    case 'applicant-registered':
      return { status: 'registered', applicantId: event.data.applicantId, queueStartDate: event.data.queueStartDate };
  }
}
