import { Inject, Injectable } from '@nestjs/common';
import { DeciderHandler, type CommandContext, type Handled, type Loaded } from '@bostadsko/command-handling';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import type { ApplicantPolicy } from '../policy/applicant-policy.js';
import type { IsoDate } from '@bostadsko/calendar';
import { nextNotice, type FeeAccountCommand, type FeeAccountState } from './fee-account.decider.js';
import { feeAccountStream, type FeeAccountEvent } from './fee-account.events.js';
import { feeAccountStreams, type FeeAccountCommandOn } from './fee-account.stream.js';
import { ocrFromNumber } from './ocr.js';

/** A fee account's stream through the one command path (libs/command-handling), addressed by applicant id. */
@Injectable()
export class FeeAccountService {
  private readonly handler: DeciderHandler<FeeAccountCommandOn, FeeAccountEvent, FeeAccountState>;

  constructor(@Inject(INFRASTRUCTURE) private readonly infra: Infrastructure) {
    this.handler = new DeciderHandler(infra.store, feeAccountStreams);
  }

  load(applicantId: string): Promise<Loaded<FeeAccountState>> {
    return this.handler.load(feeAccountStream(applicantId));
  }

  handle(applicantId: string, command: FeeAccountCommand, context: CommandContext): Promise<Handled<FeeAccountEvent, FeeAccountState>> {
    return this.handler.handle({ applicantId, command }, context);
  }

  /** Issues the notice due on `on`, if any; a reference number is drawn only when one is. */
  async issueNotice(applicantId: string, registeredOn: IsoDate, on: IsoDate, policy: ApplicantPolicy, context: CommandContext): Promise<Handled<FeeAccountEvent, FeeAccountState>> {
    const { state, revision } = await this.load(applicantId);
    if (!nextNotice(state, registeredOn, on, policy)) return { state, events: [], revision, replayed: false };
    const { rows } = await this.infra.pool.query<{ n: string }>(`SELECT nextval('applicants.fee_reference_seq')::text AS n`);
    return this.handle(applicantId, { type: 'issue-notice', applicantId, registeredOn, on, policy, reference: ocrFromNumber(BigInt(rows[0].n)) }, context);
  }
}
