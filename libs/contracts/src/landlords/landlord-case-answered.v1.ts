import { defineContract, is } from '../contract.js';

/**
 * Staff answered a landlord's case (process 3.2.2): the messages app tells the one who
 * opened it. `openedBy` is the landlord user who registered the case, or a staff member
 * when staff registered it on the landlord's behalf (then no landlord user is told).
 * Case texts are organisational correspondence, kept in clear in the landlords app too.
 */
export interface LandlordCaseAnsweredV1 {
  readonly landlordId: string;
  readonly caseId: string;
  readonly openedBy: string;
  readonly subject: string;
  readonly answer: string;
  readonly answeredAt: string;
}

export const LandlordCaseAnsweredV1 = defineContract<LandlordCaseAnsweredV1>('landlords.landlord-case-answered.v1', 1, {
  landlordId: is.uuid,
  caseId: is.uuid,
  openedBy: is.text,
  subject: is.text,
  answer: is.text,
  answeredAt: is.isoInstant,
});
