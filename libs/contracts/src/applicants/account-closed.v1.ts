import { defineContract, is } from '../contract.js';

/** The seeker closed the account (or gave the queue time away); listings withdraws open applications. */
export interface AccountClosedV1 {
  readonly applicantId: string;
  readonly on: string;
}

export const AccountClosedV1 = defineContract<AccountClosedV1>('applicants.account-closed.v1', 1, {
  applicantId: is.uuid,
  on: is.isoDate,
});
