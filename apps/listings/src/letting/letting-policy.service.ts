import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { INFRASTRUCTURE } from '../../../../libs/runtime/src/event-sourcing.module.js';
import type { Infrastructure } from '../../../../libs/runtime/src/infrastructure.js';
import { PolicyService } from '../policy/policy.service.js';
import type { IsoDate } from './dates.js';
import { lettingPolicyOn, type LettingPolicy, type LettingPolicyChange, type LettingRules } from './letting.policy.js';

/** Not a `letting-` stream, so the integration mapper and the allocation audit never see it. */
export const LETTING_POLICY_STREAM = 'letting_policy-current';

/** The letting deadlines as dated events, joined with the listings policy's showing size. */
@Injectable()
export class LettingPolicyService {
  constructor(
    @Inject(INFRASTRUCTURE) private readonly infra: Infrastructure,
    private readonly listingsPolicy: PolicyService,
  ) {}

  async changes(): Promise<LettingPolicyChange[]> {
    return (await this.infra.store.readStream(LETTING_POLICY_STREAM)).map((e) => e.data as LettingPolicyChange);
  }

  async on(date: IsoDate): Promise<LettingPolicy> {
    return lettingPolicyOn(await this.changes(), date);
  }

  async rules(date: IsoDate): Promise<LettingRules> {
    const [own, listings] = await Promise.all([this.on(date), this.listingsPolicy.on(date)]);
    return { ...own, showingInvitations: listings.showingInvitations };
  }

  async change(change: LettingPolicyChange, correlationId: string): Promise<void> {
    await this.infra.store.append(
      LETTING_POLICY_STREAM,
      [{ id: randomUUID(), type: 'letting-policy-changed', schemaVersion: 1, data: change, metadata: { correlationId, causationId: null, actor: change.decidedBy } }],
      'any',
    );
  }
}
