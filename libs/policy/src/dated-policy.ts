import { randomUUID } from 'node:crypto';
import { stockholmDate, type IsoDate } from '../../calendar/src/calendar.js';
import type { EventStore } from '../../event-store/src/index.js';
import { DomainRuleViolation } from '../../platform/src/index.js';

/** An app's rules as named numbers (fees, days, caps, thresholds), each with a default from DOMAIN.md. */
export type Settings<P> = { readonly [K in keyof P]: number };

export type SettingLimits<P> = Record<keyof P, { readonly min: number; readonly max: number }>;

/** One decided change of one setting, in force from a date. */
export interface PolicyChange<P> {
  readonly setting: keyof P & string;
  readonly value: number;
  readonly effectiveFrom: IsoDate;
  readonly reason: string;
  readonly decidedBy: string;
  readonly decidedAt: string;
}

/** The settings in force on a date: later changes never rewrite what applied before them. */
export function settingsOn<P extends Settings<P>>(defaults: P, changes: readonly PolicyChange<P>[], date: IsoDate): P {
  return changes
    .filter((c) => c.effectiveFrom <= date)
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || a.decidedAt.localeCompare(b.decidedAt))
    .reduce<P>((policy, change) => ({ ...policy, [change.setting]: change.value }), defaults);
}

/** A proposed change within the setting's limits and in force today or later, else a problem naming the field. */
export function checkChange<P>(limits: SettingLimits<P>, change: Pick<PolicyChange<P>, 'setting' | 'value' | 'effectiveFrom'>, today: IsoDate): void {
  const invalid = (field: string, message: string) => new DomainRuleViolation(message, { extensions: { errors: [{ field, messages: [message] }] } });
  const { min, max } = limits[change.setting];
  if (change.value < min || change.value > max) throw invalid('value', `${change.setting} must be between ${min} and ${max}`);
  if (change.effectiveFrom < today) throw invalid('effectiveFrom', 'A policy change takes effect today or later: it never rewrites history');
}

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
  async decide(
    proposal: Pick<PolicyChange<P>, 'setting' | 'value' | 'effectiveFrom' | 'reason'>,
    decidedBy: string,
    now: Date,
    correlationId: string,
  ): Promise<PolicyChange<P>> {
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
