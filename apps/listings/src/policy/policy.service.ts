import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { INFRASTRUCTURE } from '../../../../libs/runtime/src/event-sourcing.module.js';
import type { Infrastructure } from '../../../../libs/runtime/src/infrastructure.js';
import type { IsoDate } from './calendar.js';
import { policyOn, type ListingPolicy, type PolicyChange } from './listing-policy.js';

export const POLICY_STREAM = 'listings_policy-current';

/** How long a read of the policy stream serves applies: a burst of applies should not read it once each. */
const CACHE_MS = 1000;

/**
 * Policy changes are events: what applied on any past date can always be shown
 * and replayed. `on` may answer from a read at most a second old; a change takes
 * effect from a date (today at the earliest), so this delays it by at most that
 * second on its first day, and the ranking at a deadline reads the stream afresh.
 */
@Injectable()
export class PolicyService {
  private cached?: { readonly at: number; readonly changes: Promise<PolicyChange[]> };

  constructor(@Inject(INFRASTRUCTURE) private readonly infra: Infrastructure) {}

  async changes(): Promise<PolicyChange[]> {
    return (await this.infra.store.readStream(POLICY_STREAM)).map((e) => e.data as PolicyChange);
  }

  async on(date: IsoDate): Promise<ListingPolicy> {
    return policyOn(await this.changes(), date);
  }

  /** As `on`, from a read of the stream at most a second old: for high-volume commands. */
  async recentlyOn(date: IsoDate): Promise<ListingPolicy> {
    const now = Date.now();
    if (!this.cached || now - this.cached.at > CACHE_MS) {
      const changes = this.changes();
      this.cached = { at: now, changes };
      changes.catch(() => (this.cached = undefined));
    }
    return policyOn(await this.cached.changes, date);
  }

  async change(change: PolicyChange, correlationId: string): Promise<void> {
    await this.infra.store.append(
      POLICY_STREAM,
      [{ id: randomUUID(), type: 'policy-changed', schemaVersion: 1, data: change, metadata: { correlationId, causationId: null, actor: change.decidedBy } }],
      'any',
    );
    this.cached = undefined;
  }
}
