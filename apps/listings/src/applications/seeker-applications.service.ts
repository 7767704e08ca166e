import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { PersonalDataVault } from '@bostadsko/personal-data';
import { currentCorrelationId } from '@bostadsko/platform';
import type { Declaration, IsoDate } from '../listing/listing.events.js';
import { VAULT } from '../listings.tokens.js';
import { Clock } from '@bostadsko/clock';
import { SeekerService } from './seeker.service.js';

type AvhoppData = { listingId: string; applicationId: string; on: IsoDate; kind: 'backed-out-after-yes' | 'late-certificates' };

/** What the letting process may do to a seeker's applications; every method is idempotent. */
@Injectable()
export class SeekerApplicationsService {
  constructor(
    private readonly seekers: SeekerService,
    @Inject(VAULT) private readonly vault: PersonalDataVault,
    private readonly clock: Clock,
  ) {}

  private context(actor: string) {
    return { correlationId: currentCorrelationId() ?? randomUUID(), actor };
  }

  /** Withdraws every open application of the seeker (but `exceptApplicationId`). */
  async withdrawAll(applicantId: string, reason: 'let-to-seeker-elsewhere' | 'deregistered' | 'account-closed', exceptApplicationId?: string): Promise<void> {
    await this.seekers.handle(applicantId, { type: 'withdraw-all', now: this.clock.now(), reason, exceptApplicationId }, this.context(`listings:${reason}`));
  }

  /** Avhopp (backing out after yes, late certificates): counted towards the block on applying. */
  async recordAvhopp(applicantId: string, data: AvhoppData): Promise<void> {
    await this.seekers.handle(applicantId, { type: 'record-avhopp', ...data }, this.context('listings:letting'));
  }

  /** The declaration the seeker made on the application, unsealed; undefined once erased (or unknown). */
  async declaration(applicantId: string, applicationId: string): Promise<Declaration | undefined> {
    const { events } = await this.seekers.load(applicantId);
    const submitted = events.find((e) => e.type === 'application-submitted' && (e.data as { applicationId: string }).applicationId === applicationId);
    if (!submitted) return undefined;
    return this.vault.open<Declaration>((submitted.data as { declaration: Parameters<PersonalDataVault['open']>[0] }).declaration);
  }
}
