import { randomUUID } from 'node:crypto';
import { stockholmDate, type IsoDate } from '@bostadsko/calendar';
import type { EventStore } from '@bostadsko/event-store';
import { checkChange, settingsOn, type PolicyChange, type SettingLimits, type Settings } from './settings.js';

export { settingsOn, type PolicyChange, type SettingLimits } from './settings.js';

/**
 * A policy kept as dated change events on one stream: what applied on any past
 * date can always be shown and replayed.
 */
export class DatedPolicy<P extends Settings<P>> {
  constructor(
    private readonly store: EventStore,
    readonly streamId: string,
    readonly defaults: P,
    private readonly limits: SettingLimits<P>,
    private readonly eventType = 'policy-changed',
  ) {}

  async changes(): Promise<PolicyChange<P>[]> {
    return (await this.store.readStream(this.streamId)).map((e) => e.data as PolicyChange<P>);
  }

  async on(date: IsoDate): Promise<P> {
    return settingsOn(this.defaults, await this.changes(), date);
  }

  /** An admin's proposal, checked against the limits and today, recorded with who decided it and when. */
  async decide(proposal: Pick<PolicyChange<P>, 'setting' | 'value' | 'effectiveFrom' | 'reason'>, decidedBy: string, now: Date, correlationId: string): Promise<PolicyChange<P>> {
    checkChange(this.limits, proposal, stockholmDate(now));
    const change = { ...proposal, decidedBy, decidedAt: now.toISOString() };
    await this.change(change, correlationId);
    return change;
  }

  async change(change: PolicyChange<P>, correlationId: string): Promise<void> {
    await this.store.append(
      this.streamId,
      [{ id: randomUUID(), type: this.eventType, schemaVersion: 1, data: change, metadata: { correlationId, causationId: null, actor: change.decidedBy } }],
      'any',
    );
  }
}
