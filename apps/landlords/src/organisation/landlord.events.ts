import type { Sealed } from '@bostadsko/personal-data/sealed';
import type { IsoDate } from '@bostadsko/calendar';

/** The organisation's contact person: personal data, sealed under the landlord's key. */
export interface ContactDetails {
  readonly name: string;
  readonly email: string;
  readonly phone?: string;
}

/** A landlord user's name, e-mail, password hash and the language messages are written in: sealed under the user's own key. */
export interface UserDetails {
  readonly name: string;
  readonly email: string;
  readonly passwordHash: string;
  /** Absent in users added before it was asked: Swedish. */
  readonly language?: UserLanguage;
}

export type UserLanguage = 'sv' | 'en';
export const USER_LANGUAGES: readonly UserLanguage[] = ['sv', 'en'];

export type UserRole = 'administrator' | 'letting-agent';
export const USER_ROLES: readonly UserRole[] = ['administrator', 'letting-agent'];

export type AgreementStatus = 'active' | 'suspended' | 'terminated';
export type TerminatedBy = 'landlord' | 'agency';

/**
 * One landlord organisation (process 3.2.3): its interest, its agreements with
 * the agency and its user accounts, in stream `landlord-<landlordId>`.
 */
export type LandlordEvent =
  | {
      readonly type: 'landlord-registered';
      readonly data: { readonly landlordId: string; readonly name: string; readonly organisationNumber: string; readonly contact: Sealed; readonly registeredAt: string };
    }
  | { readonly type: 'contact-changed'; readonly data: { readonly contact: Sealed; readonly changedBy: string } }
  | {
      readonly type: 'agreement-signed';
      readonly data: { readonly agreementId: string; readonly effectiveFrom: IsoDate; readonly terms: string; readonly signedOn: IsoDate; readonly signedBy: string };
    }
  | { readonly type: 'agreement-suspended'; readonly data: { readonly agreementId: string; readonly effectiveFrom: IsoDate; readonly reason: string; readonly decidedBy: string } }
  | { readonly type: 'agreement-reinstated'; readonly data: { readonly agreementId: string; readonly effectiveFrom: IsoDate; readonly reason: string; readonly decidedBy: string } }
  | {
      readonly type: 'agreement-terminated';
      readonly data: {
        readonly agreementId: string;
        /** Terminated from this date on: listings consumers end open listings when it is reached. */
        readonly noticeDate: IsoDate;
        readonly noticeGivenOn: IsoDate;
        readonly terminatedBy: TerminatedBy;
        readonly reason: string;
        readonly decidedBy: string;
      };
    }
  | { readonly type: 'user-added'; readonly data: { readonly userId: string; readonly role: UserRole; readonly personal: Sealed; readonly addedBy: string; readonly at: string } }
  | { readonly type: 'user-removed'; readonly data: { readonly userId: string; readonly role: UserRole; readonly removedBy: string; readonly at: string } }
  /** New sealed details (a new password) under the user's own key. */
  | { readonly type: 'user-details-changed'; readonly data: { readonly userId: string; readonly personal: Sealed; readonly changedBy: string; readonly at: string } }
  /** The user's key was destroyed: its name, e-mail and password hash are gone from every event. */
  | { readonly type: 'user-personal-data-erased'; readonly data: { readonly userId: string; readonly erasedBy: string; readonly at: string } };

export const LANDLORD_STREAM_PREFIX = 'landlord-';
export const landlordStream = (landlordId: string) => `${LANDLORD_STREAM_PREFIX}${landlordId}`;

/** Claimed with `no_stream` so one organisation number makes one landlord even under racing registrations. */
export const organisationNumberStream = (organisationNumber: string) => `landlord_orgnr-${organisationNumber}`;

/** An HMAC of a user's e-mail: one landlord user per address, without the address in a stream name. */
export const userEmailStream = (emailDigest: string) => `landlord_user_email-${emailDigest}`;

export type ClaimEvent =
  | { readonly type: 'claimed'; readonly data: { readonly landlordId: string; readonly userId?: string } }
  | { readonly type: 'released'; readonly data: { readonly landlordId: string; readonly userId?: string } };
