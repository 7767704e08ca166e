import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { INFRASTRUCTURE } from '../../../../libs/runtime/src/event-sourcing.module.js';
import type { Infrastructure } from '../../../../libs/runtime/src/infrastructure.js';
import type { IsoDate } from './calendar.js';
import { policyOn, type ListingPolicy, type PolicyChange } from './listing-policy.js';

export const POLICY_STREAM = 'listings_policy-current';

/** Policy changes are events: what applied on any past date can always be shown and replayed. */
@Injectable()
export class PolicyService {
  constructor(@Inject(INFRASTRUCTURE) private readonly infra: Infrastructure) {}

  async changes(): Promise<PolicyChange[]> {
    return (await this.infra.store.readStream(POLICY_STREAM)).map((e) => e.data as PolicyChange);
  }

  async on(date: IsoDate): Promise<ListingPolicy> {
    return policyOn(await this.changes(), date);
  }

  async change(change: PolicyChange, correlationId: string): Promise<void> {
    await this.infra.store.append(
      POLICY_STREAM,
      [{ id: randomUUID(), type: 'policy-changed', schemaVersion: 1, data: change, metadata: { correlationId, causationId: null, actor: change.decidedBy } }],
      'any',
    );
  }
}
