import { Inject, Injectable } from '@nestjs/common';
import type { PersonalDataVault } from '@bostadsko/personal-data';
import type { CommandContext } from '@bostadsko/command-handling';
import { contextOf } from '../command-context.js';
import { type IsoDate } from '../listing/listing.events.js';
import { seekerStream, type Declaration } from './seeker.events.js';
import { VAULT } from '../listings.tokens.js';
import { Clock } from '@bostadsko/clock';
import { SeekerHandler } from './seeker.stream.js';
import { PolicyService } from '../policy/policy.service.js';

type AvhoppData = { listingId: string; applicationId: string; on: IsoDate; kind: 'backed-out-after-yes' | 'late-certificates' };

/** What the letting process may do to a seeker's applications; every method is idempotent. */
@Injectable()
export class SeekerApplicationsService {
  constructor(
    private readonly seekers: SeekerHandler,
    @Inject(VAULT) private readonly vault: PersonalDataVault,
    private readonly clock: Clock,
    private readonly policy: PolicyService,
  ) {}

  /** Withdraws every open application of the seeker (but `exceptApplicationId`); `context` names what caused it, if an event did. */
  async withdrawAll(
    applicantId: string,
    reason: 'let-to-seeker-elsewhere' | 'deregistered' | 'account-closed',
    exceptApplicationId?: string,
    context: CommandContext = contextOf(`listings:${reason}`),
  ): Promise<void> {
    await this.seekers.handleOn(seekerStream(applicantId), () => ({ type: 'withdraw-all', now: this.clock.now(), reason, exceptApplicationId }), context);
  }

  /** Avhopp (backing out after yes, late certificates): counted towards the block on applying, whose end by the rules of its day is kept with it. */
  async recordAvhopp(applicantId: string, data: AvhoppData, context: CommandContext = contextOf('listings:letting')): Promise<void> {
    const policy = await this.policy.on(data.on);
    await this.seekers.handleOn(seekerStream(applicantId), () => ({ type: 'record-avhopp', ...data, policy }), context);
  }

  /** The declaration the seeker made on the application, unsealed; undefined once erased (or unknown). */
  async declaration(applicantId: string, applicationId: string): Promise<Declaration | undefined> {
    const { events } = await this.seekers.load(seekerStream(applicantId));
    const submitted = events.find((e) => e.type === 'application-submitted' && (e.data as { applicationId: string }).applicationId === applicationId);
    if (!submitted) return undefined;
    return this.vault.open<Declaration>((submitted.data as { declaration: Parameters<PersonalDataVault['open']>[0] }).declaration);
  }
}
