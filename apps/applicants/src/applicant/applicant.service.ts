import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { VersionConflictError, type RecordedEvent } from '@bostadsko/event-store';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { decide, evolve, initialState, type ApplicantCommand, type ApplicantState } from './applicant.decider.js';
import { applicantStream, type ApplicantEvent } from './applicant.events.js';

export interface CommandContext {
  readonly correlationId: string;
  /** Who: a user id, or the name of the job that decided. */
  readonly actor: string;
  readonly causationId?: string;
  /** From If-Match: the revision the caller saw; absent means "retry on a concurrent change". */
  readonly expectedRevision?: bigint;
}

export interface Loaded {
  readonly state: ApplicantState;
  readonly revision: bigint | undefined;
  readonly events: readonly RecordedEvent[];
}

const RETRIES = 5;

/** Load, decide, append with the expected revision: the one way an applicant's stream changes. */
@Injectable()
export class ApplicantService {
  constructor(@Inject(INFRASTRUCTURE) private readonly infra: Infrastructure) {}

  async load(applicantId: string): Promise<Loaded> {
    const events = await this.infra.store.readStream(applicantStream(applicantId));
    const state = events.reduce((s, e) => evolve(s, e as unknown as ApplicantEvent), initialState);
    return { state, revision: events.length > 0 ? events[events.length - 1].revision : undefined, events };
  }

  async handle(applicantId: string, command: ApplicantCommand, context: CommandContext): Promise<{ state: ApplicantState; revision: bigint | undefined; events: ApplicantEvent[] }> {
    for (let attempt = 1; ; attempt++) {
      const { state, revision } = await this.load(applicantId);
      if (context.expectedRevision !== undefined && context.expectedRevision !== revision) {
        throw new VersionConflictError(applicantStream(applicantId), context.expectedRevision, revision ?? 'no_stream');
      }
      const events = decide(command, state);
      if (events.length === 0) return { state, revision, events };
      try {
        const result = await this.infra.store.append(
          applicantStream(applicantId),
          events.map((e) => ({
            id: randomUUID(),
            type: e.type,
            schemaVersion: 1,
            data: e.data,
            metadata: { correlationId: context.correlationId, causationId: context.causationId ?? null, actor: context.actor },
          })),
          revision ?? 'no_stream',
        );
        return { state: events.reduce(evolve, state), revision: result.nextExpectedRevision, events };
      } catch (error) {
        // Without If-Match a concurrent change is retried on fresh state; with it the caller must look again.
        if (!(error instanceof VersionConflictError) || context.expectedRevision !== undefined || attempt >= RETRIES) throw error;
      }
    }
  }
}
