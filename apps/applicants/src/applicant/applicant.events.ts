import type { Sealed } from '../../../../libs/personal-data/src/personal-data.vault.js';

/** Name, personnummer and contact data: only ever stored sealed under the person's key. */
export interface PersonalDetails {
  readonly personnummer: string;
  readonly name: string;
  readonly email: string;
}

export type ApplicantEvent = {
  readonly type: 'applicant-registered';
  readonly data: {
    readonly applicantId: string;
    readonly registeredAt: string;
    readonly queueStartDate: string;
    readonly personal: Sealed;
  };
};

export const applicantStream = (applicantId: string) => `applicant-${applicantId}`;

/** Claimed with `no_stream` so that two racing registrations of one person make one account. */
export const identityStream = (personnummerDigest: string) => `applicant_identity-${personnummerDigest}`;

export type IdentityEvent = {
  readonly type: 'identity-claimed';
  readonly data: { readonly applicantId: string };
};
