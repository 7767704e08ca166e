import { Inject, Injectable } from '@nestjs/common';
import { DeciderHandler } from '@bostadsko/command-handling';
import type { RecordedEvent } from '@bostadsko/event-store';
import { NotFound } from '@bostadsko/platform';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { SeekerHandler } from '../applications/seeker.stream.js';
import { contextOf } from '../command-context.js';
import { listingStream } from '../listing/listing.events.js';
import { seekerStream } from '../applications/seeker.events.js';
import { ListingHandler } from '../listing/listing.stream.js';
import { Clock } from '@bostadsko/clock';
import { stockholmDate } from '@bostadsko/calendar';
import { lettingContext, type LettingContext } from './letting.context.js';
import type { LettingCommand, LettingState, Withdrawn } from './letting.decider.js';
import { lettingStream, type LettingEvent } from './letting.events.js';
import type { LettingRules } from './letting.policy.js';
import { LettingPolicyService } from './letting-policy.service.js';
import { lettingStreamType, type LettingDecision } from './letting.stream.js';

export interface LoadedLetting {
  readonly context: LettingContext;
  readonly state: LettingState;
  /** The letting stream's last revision; undefined before the first showing. */
  readonly revision: bigint | undefined;
  readonly events: readonly RecordedEvent[];
  readonly listingEvents: readonly RecordedEvent[];
}

/** What a command is built from on each attempt: the listing and the letting as that attempt read them. */
export type LettingView = Pick<LoadedLetting, 'context' | 'state'>;

export interface Actor {
  readonly id: string;
  /** From If-Match: the letting revision the caller saw; a change since is refused with 412 instead of retried. */
  readonly expectedRevision?: bigint;
}

/** Ended by the seeker's own answer in this letting, so not a reason to pass them over. */
const ENDED_BY_THE_LETTING = new Set(['declined', 'avhopp']);

/** The listing and its letting read together; every change of a letting goes through the one command path. */
@Injectable()
export class LettingService {
  private readonly lettings: DeciderHandler<LettingDecision, LettingEvent, LettingState>;

  constructor(
    @Inject(INFRASTRUCTURE) infra: Infrastructure,
    private readonly clock: Clock,
    private readonly listings: ListingHandler,
    private readonly seekers: SeekerHandler,
    private readonly policy: LettingPolicyService,
  ) {
    this.lettings = new DeciderHandler(infra.store, lettingStreamType);
  }

  async load(listingId: string): Promise<LoadedLetting> {
    const [{ context, events: listingEvents }, letting] = await Promise.all([this.listing(listingId), this.lettings.load(lettingStream(listingId))]);
    return { context, state: letting.state, revision: letting.revision, events: letting.events, listingEvents };
  }

  private async listing(listingId: string): Promise<{ context: LettingContext; events: readonly RecordedEvent[] }> {
    const { events } = await this.listings.load(listingStream(listingId));
    const context = lettingContext(listingId, events);
    if (!context) throw new NotFound('No such listing');
    return { context, events };
  }

  /**
   * Builds the command from fresh state on each attempt (the listing, the rules
   * and the seekers' withdrawals are read then), decides and appends; a
   * concurrent change is decided again unless the caller named the revision it saw.
   */
  async handle(
    listingId: string,
    command: (view: LettingView, rules: LettingRules, now: Date) => Promise<LettingCommand> | LettingCommand,
    actor: Actor,
  ): Promise<{ context: LettingContext; events: readonly LettingEvent[]; state: LettingState; revision: bigint | undefined }> {
    let context: LettingContext | undefined;
    const result = await this.lettings.handleOn(
      lettingStream(listingId),
      async (state) => {
        context = (await this.listing(listingId)).context;
        const now = this.clock.now();
        const rules = await this.policy.rules(stockholmDate(now));
        return { command: await command({ context, state }, rules, now), context, rules };
      },
      contextOf(actor.id, { expectedRevision: actor.expectedRevision }),
    );
    // A replayed request built no command: its listing is read for the answer.
    context ??= (await this.listing(listingId)).context;
    return { context, events: result.events, state: result.state, revision: result.revision };
  }

  /** Applications of these seekers that ended outside the letting (deregistered, closed, let elsewhere), by application id. */
  async withdrawn(applicants: ReadonlyArray<{ readonly applicantId: string; readonly applicationId: string }>): Promise<Withdrawn> {
    const result: Record<string, string> = {};
    await Promise.all(
      applicants.map(async ({ applicantId, applicationId }) => {
        const { state } = await this.seekers.load(seekerStream(applicantId));
        const application = state.applications[applicationId];
        if (application?.status === 'withdrawn' && !ENDED_BY_THE_LETTING.has(application.withdrawnReason ?? '')) result[applicationId] = application.withdrawnReason ?? 'withdrawn';
      }),
    );
    return result;
  }

  /** The ranked applicants a showing would reach: enough not yet seen to find N still active. */
  async withdrawnAmongNext(loaded: LettingView, rules: LettingRules): Promise<Withdrawn> {
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
  async withdrawnAmongInvited(loaded: LettingView): Promise<Withdrawn> {
    const stillIn = Object.values(loaded.state.invitations).filter((i) => i.answer === 'pending' || i.answer === 'interested');
    return this.withdrawn(stillIn);
  }
}
