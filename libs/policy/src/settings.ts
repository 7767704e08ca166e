import type { IsoDate } from '@bostadsko/calendar';
import { DomainRuleViolation } from '@bostadsko/errors';

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
