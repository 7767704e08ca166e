import { stockholmDate, type IsoDate } from '@bostadsko/calendar';
import type { EventStore } from '@bostadsko/event-store';
import { envelope, EventSchemas } from '@bostadsko/command-handling';
import { checkChange, settingsOn, type PolicyChange, type SettingLimits, type Settings } from './settings.js';

export { settingsOn, type PolicyChange, type SettingLimits } from './settings.js';

/**
 * A policy kept as dated change events on one stream: what applied on any past
 * date can always be shown and replayed.
 */
export class DatedPolicy<P extends Settings<P>> {
  private readonly schemas: EventSchemas;

  constructor(
    private readonly store: EventStore,
    readonly streamId: string,
    readonly defaults: P,
    private readonly limits: SettingLimits<P>,
    private readonly eventType = 'policy-changed',
  ) {
    this.schemas = new EventSchemas({ [eventType]: 1 });
  }

  async changes(): Promise<PolicyChange<P>[]> {
    return (await this.store.readStream(this.streamId)).map((e) => e.data as PolicyChange<P>);
  }

  async on(date: IsoDate): Promise<P> {
    return settingsOn(this.defaults, await this.changes(), date);
  }

  /** An admin's proposal, checked against the limits and today, then recorded with who decided it and when. */
  async schedule(proposal: Pick<PolicyChange<P>, 'setting' | 'value' | 'effectiveFrom' | 'reason'>, decidedBy: string, now: Date, correlationId: string): Promise<PolicyChange<P>> {
    checkChange(this.limits, proposal, stockholmDate(now));
    const change = { ...proposal, decidedBy, decidedAt: now.toISOString() };
    await this.record(change, correlationId);
    return change;
  }

  async record(change: PolicyChange<P>, correlationId: string): Promise<void> {
    // Any revision: changes are dated and each is checked on its own, so concurrent ones both stand.
    await this.store.append(this.streamId, [envelope({ type: this.eventType, data: change }, this.schemas, { correlationId, actor: change.decidedBy })], 'any');
  }
}
