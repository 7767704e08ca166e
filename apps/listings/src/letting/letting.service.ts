import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { VersionConflictError, type RecordedEvent } from '@bostadsko/event-store';
import { currentCorrelationId, NotFound, PreconditionFailed } from '@bostadsko/platform';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { SeekerService } from '../applications/seeker.service.js';
import { ListingService } from '../listing/listing.service.js';
import { Clock } from '@bostadsko/clock';
import { stockholmDate } from '@bostadsko/calendar';
import { lettingContext, type LettingContext } from './letting.context.js';
import { decide, evolve, initialLettingState, type LettingCommand, type LettingState, type Withdrawn } from './letting.decider.js';
import { lettingStream, type LettingEvent } from './letting.events.js';
import type { LettingRules } from './letting.policy.js';
import { LettingPolicyService } from './letting-policy.service.js';

export interface LoadedLetting {
  readonly context: LettingContext;
  readonly state: LettingState;
  /** The letting stream's last revision; undefined before the first showing. */
  readonly revision: bigint | undefined;
  readonly events: readonly RecordedEvent[];
  readonly listingEvents: readonly RecordedEvent[];
}

export interface Actor {
  readonly id: string;
  /** From If-Match: the letting revision the caller saw; a change since is refused with 412 instead of retried. */
  readonly expectedRevision?: bigint;
}

/** Ended by the seeker's own answer in this letting, so not a reason to pass them over. */
const ENDED_BY_THE_LETTING = new Set(['declined', 'avhopp']);
const RETRIES = 8;

/** Load the listing and its letting, decide, append with the expected revision: the one way a letting changes. */
@Injectable()
export class LettingService {
  constructor(
    @Inject(INFRASTRUCTURE) private readonly infra: Infrastructure,
    private readonly clock: Clock,
    private readonly listings: ListingService,
    private readonly seekers: SeekerService,
    private readonly policy: LettingPolicyService,
  ) {}

  async load(listingId: string): Promise<LoadedLetting> {
    const [listing, events] = await Promise.all([this.listings.load(listingId), this.infra.store.readStream(lettingStream(listingId))]);
    const context = lettingContext(listingId, listing.events);
    if (!context) throw new NotFound('No such listing');
    const state = events.reduce((s, e) => evolve(s, e as unknown as LettingEvent), initialLettingState);
    return { context, state, revision: events.at(-1)?.revision, events, listingEvents: listing.events };
  }

  /**
   * Builds the command from fresh state (the seekers' withdrawals are read
   * then), decides and appends; a concurrent change is retried unless the
   * caller named the revision it saw.
   */
  async handle(
    listingId: string,
    command: (loaded: LoadedLetting, rules: LettingRules, now: Date) => Promise<LettingCommand> | LettingCommand,
    actor: Actor,
  ): Promise<{ loaded: LoadedLetting; events: LettingEvent[]; state: LettingState; revision: bigint | undefined }> {
    for (let attempt = 1; ; attempt++) {
      const loaded = await this.load(listingId);
      if (actor.expectedRevision !== undefined && actor.expectedRevision !== (loaded.revision ?? -1n)) {
        throw new PreconditionFailed('The letting changed since you read it: fetch it again and retry', { extensions: { currentRevision: String(loaded.revision ?? -1n) } });
      }
      const now = this.clock.now();
      const rules = await this.policy.rules(stockholmDate(now));
      const events = decide(await command(loaded, rules, now), loaded.state, loaded.context, rules);
      if (events.length === 0) return { loaded, events, state: loaded.state, revision: loaded.revision };
      const correlationId = currentCorrelationId() ?? randomUUID();
      try {
        const result = await this.infra.store.append(
          lettingStream(listingId),
          events.map((e) => ({ id: randomUUID(), type: e.type, schemaVersion: 1, data: e.data, metadata: { correlationId, causationId: null, actor: actor.id } })),
          loaded.revision ?? 'no_stream',
        );
        return { loaded, events, state: events.reduce(evolve, loaded.state), revision: result.nextExpectedRevision };
      } catch (error) {
        if (!(error instanceof VersionConflictError) || attempt >= RETRIES) throw error;
        if (actor.expectedRevision !== undefined) throw new PreconditionFailed('The letting changed since you read it: fetch it again and retry');
      }
    }
  }

  /** Applications of these seekers that ended outside the letting (deregistered, closed, let elsewhere), by application id. */
  async withdrawn(applicants: ReadonlyArray<{ readonly applicantId: string; readonly applicationId: string }>): Promise<Withdrawn> {
    const result: Record<string, string> = {};
    await Promise.all(
      applicants.map(async ({ applicantId, applicationId }) => {
        const { state } = await this.seekers.load(applicantId);
        const application = state.applications[applicationId];
        if (application?.status === 'withdrawn' && !ENDED_BY_THE_LETTING.has(application.withdrawnReason ?? '')) result[applicationId] = application.withdrawnReason ?? 'withdrawn';
      }),
    );
    return result;
  }

  /** The ranked applicants a showing would reach: enough not yet seen to find N still active. */
  async withdrawnAmongNext(loaded: LoadedLetting, rules: LettingRules): Promise<Withdrawn> {
    const unseen = loaded.context.ranking.filter((r) => !(r.applicationId in loaded.state.invitations) && !(r.applicationId in loaded.state.skipped));
    const withdrawn: Record<string, string> = {};
    let active = 0;
    for (let i = 0; i < unseen.length && active < rules.showingInvitations; i += rules.showingInvitations) {
      const batch = unseen.slice(i, i + rules.showingInvitations);
      Object.assign(withdrawn, await this.withdrawn(batch));
      active += batch.filter((r) => !(r.applicationId in withdrawn)).length;
    }
    return withdrawn;
  }

  /** Invitees and candidates still in the running, whose applications may have ended elsewhere since. */
  async withdrawnAmongInvited(loaded: LoadedLetting): Promise<Withdrawn> {
    const stillIn = Object.values(loaded.state.invitations).filter((i) => i.answer === 'pending' || i.answer === 'interested');
    return this.withdrawn(stillIn);
  }

  /** Deadlines passed and applications withdrawn elsewhere: what the daily job and staff's "advance" apply. */
  advance(listingId: string, actor: Actor) {
    return this.handle(listingId, async (loaded, _rules, now) => ({ type: 'advance', withdrawn: await this.withdrawnAmongInvited(loaded), now }), actor);
  }
}
