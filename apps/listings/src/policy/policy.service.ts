import { Inject, Injectable } from '@nestjs/common';
import type { IsoDate } from '@bostadsko/calendar';
import { DatedPolicy, settingsOn, type PolicyChange } from '@bostadsko/policy';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { DEFAULT_POLICY, POLICY_LIMITS, type ListingPolicy } from './listing-policy.js';

export const POLICY_STREAM = 'listings_policy-current';

/** How long a read of the policy stream serves applies: a burst of applies should not read it once each. */
const CACHE_MS = 1000;

/**
 * Policy changes are events: what applied on any past date can always be shown
 * and replayed. `recentlyOn` may answer from a read at most a second old; a
 * change takes effect from a date (today at the earliest), so this delays it by
 * at most that second on its first day, and the ranking at a deadline reads the
 * stream afresh.
 */
@Injectable()
export class PolicyService extends DatedPolicy<ListingPolicy> {
  private cached?: { readonly at: number; readonly changes: Promise<PolicyChange<ListingPolicy>[]> };

  constructor(@Inject(INFRASTRUCTURE) infra: Infrastructure) {
    super(infra.store, POLICY_STREAM, DEFAULT_POLICY, POLICY_LIMITS);
  }

  /** As `on`, from a read of the stream at most a second old: for high-volume commands. */
  async recentlyOn(date: IsoDate): Promise<ListingPolicy> {
    const now = Date.now();
    if (!this.cached || now - this.cached.at > CACHE_MS) {
      const changes = this.changes();
      this.cached = { at: now, changes };
      changes.catch(() => (this.cached = undefined));
    }
    return settingsOn(DEFAULT_POLICY, await this.cached.changes, date);
  }

  override async change(change: PolicyChange<ListingPolicy>, correlationId: string): Promise<void> {
    await super.change(change, correlationId);
    this.cached = undefined;
  }
}
