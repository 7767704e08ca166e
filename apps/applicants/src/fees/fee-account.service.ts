import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { VersionConflictError, type GlobalPosition } from '@bostadsko/event-store';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import type { CommandContext } from '../applicant/applicant.service.js';
import type { ApplicantPolicy } from '../policy/applicant-policy.js';
import type { IsoDate } from '@bostadsko/calendar';
import { decideFees, evolveFees, initialFeeAccount, nextNotice, type FeeAccountCommand, type FeeAccountState } from './fee-account.decider.js';
import { feeAccountStream, type FeeAccountEvent } from './fee-account.events.js';
import { ocrFromNumber } from './ocr.js';

export interface Handled {
  readonly state: FeeAccountState;
  readonly events: readonly FeeAccountEvent[];
  /** Where the events landed in the log, so a caller can wait for read models to catch up. */
  readonly position?: GlobalPosition;
}

const RETRIES = 5;

/** Load, decide, append with the expected revision: the one way a fee account's stream changes. */
@Injectable()
export class FeeAccountService {
  constructor(@Inject(INFRASTRUCTURE) private readonly infra: Infrastructure) {}

  async load(applicantId: string): Promise<{ state: FeeAccountState; revision: bigint | undefined }> {
    const events = await this.infra.store.readStream(feeAccountStream(applicantId));
    const state = events.reduce((s, e) => evolveFees(s, e as unknown as FeeAccountEvent), initialFeeAccount);
    return { state, revision: events.length > 0 ? events[events.length - 1].revision : undefined };
  }

  async handle(applicantId: string, command: FeeAccountCommand, context: CommandContext): Promise<Handled> {
    for (let attempt = 1; ; attempt++) {
      const { state, revision } = await this.load(applicantId);
      const events = decideFees(command, state);
      if (events.length === 0) return { state, events };
      try {
        const result = await this.infra.store.append(
          feeAccountStream(applicantId),
          events.map((e) => ({
            id: randomUUID(),
            type: e.type,
            schemaVersion: 1,
            data: e.data,
            metadata: { correlationId: context.correlationId, causationId: context.causationId ?? null, actor: context.actor },
          })),
          revision ?? 'no_stream',
        );
        return { state: events.reduce(evolveFees, state), events, position: result.position };
      } catch (error) {
        // A payment and the daily job may meet on one account: decide again on what the other wrote.
        if (!(error instanceof VersionConflictError) || attempt >= RETRIES) throw error;
      }
    }
  }

  /** Issues the notice due on `on`, if any; a reference number is drawn only when one is. */
  async issueNotice(applicantId: string, registeredOn: IsoDate, on: IsoDate, policy: ApplicantPolicy, context: CommandContext): Promise<Handled> {
    const { state } = await this.load(applicantId);
    if (!nextNotice(state, registeredOn, on, policy)) return { state, events: [] };
    const { rows } = await this.infra.pool.query<{ n: string }>(`SELECT nextval('applicants.fee_reference_seq')::text AS n`);
    return this.handle(applicantId, { type: 'issue-notice', applicantId, registeredOn, on, policy, reference: ocrFromNumber(BigInt(rows[0].n)) }, context);
  }
}
