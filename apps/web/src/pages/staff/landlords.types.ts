/** A landlord in the agency's list, with its agreement status today. */
export interface LandlordRow {
  readonly landlordId: string;
  readonly name: string;
  readonly organisationNumber: string;
  readonly registeredOn: string;
  readonly status: string;
}

export interface AgreementPeriod {
  readonly status: string;
  readonly effectiveFrom: string;
  readonly reason: string;
}

/** The organisation as the landlords app shows it to staff: agreements with their dated periods, contact, users. */
export interface StaffOrganisation {
  readonly landlordId: string;
  readonly name: string;
  readonly organisationNumber: string;
  readonly registeredOn: string;
  readonly agreementStatus: string;
  readonly canPublishToday: boolean;
  readonly openAgreementId: string | null;
  readonly agreements: readonly { readonly agreementId: string; readonly terms: string; readonly signedOn: string; readonly timeline: readonly AgreementPeriod[] }[];
  readonly contact: { readonly name?: string; readonly email?: string; readonly phone?: string } | null;
}

export interface OrganisationUser {
  readonly userId: string;
  readonly role: string;
  readonly status: string;
  readonly name: string | null;
  readonly email: string | null;
}

/** The forms of an organisation's page, and each one's fields: the API's names to the form's ids. */
export const LANDLORD_FORMS = {
  sign: { effectiveFrom: 'av-fran', terms: 'av-villkor' },
  suspension: { effectiveFrom: 'su-fran', reason: 'su-skal' },
  reinstatement: { effectiveFrom: 'at-fran', reason: 'at-skal' },
  termination: { noticeDate: 'up-datum', reason: 'up-skal' },
  administrator: { name: 'fa-namn', email: 'fa-epost', password: 'fa-losen' },
} as const;

export type LandlordForm = keyof typeof LANDLORD_FORMS;
