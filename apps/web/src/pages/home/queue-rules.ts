import { Injectable } from '@nestjs/common';
import { ApiClient } from '../../api/api-client.js';

/** The applicants app's policy in force on a date: fee, grace, minimum age. */
export interface ApplicantsPolicy {
  readonly on: string;
  readonly annualFee: number;
  readonly earlyPaymentDays: number;
  readonly graceDays: number;
  readonly minimumAge: number;
  readonly noticeLeadDays: number;
}

/** The listings app's policy: application cap, avhopp block, income rule. */
export interface ListingsPolicy {
  readonly maxActiveApplications: number;
  readonly showingInvitations: number;
  readonly avhoppLimit: number;
  readonly avhoppWindowMonths: number;
  readonly avhoppBlockMonths: number;
  readonly nonTaxableIncomeFactor: number;
}

export interface LettingPolicy {
  readonly interestAnswerDays: number;
  readonly certificateDays: number;
  readonly showingInvitations: number;
}

export interface QueueRules {
  readonly applicants: ApplicantsPolicy;
  readonly listings: ListingsPolicy;
  readonly letting: LettingPolicy;
}

/** The rules shown to the public come from the apps that own them, as in force today; nothing is written here. */
@Injectable()
export class QueueRulesQuery {
  constructor(private readonly api: ApiClient) {}

  async inForce(): Promise<QueueRules> {
    const [applicants, listings, letting] = await Promise.all([
      this.api.get<ApplicantsPolicy>('applicants', '/applicants/policy'),
      this.api.get<ListingsPolicy>('listings', '/listings/policy'),
      this.api.get<LettingPolicy>('listings', '/letting/policy'),
    ]);
    return { applicants: applicants.body, listings: listings.body, letting: letting.body };
  }
}
