/** The statistics app's rules as data, changed only from a date onwards. */
export interface StatisticsPolicy {
  /** A cell built from fewer lettings or persons than this is suppressed. */
  readonly suppressionThreshold: number;
}

export type PolicySetting = keyof StatisticsPolicy;

export const DEFAULT_POLICY: StatisticsPolicy = { suppressionThreshold: 5 };

/** Below 3 a cell could show one person's own figures; above 100 most district cells would vanish. */
export const POLICY_LIMITS: Record<PolicySetting, { readonly min: number; readonly max: number }> = {
  suppressionThreshold: { min: 3, max: 100 },
};

export interface PolicyChange {
  readonly setting: PolicySetting;
  readonly value: number;
  readonly effectiveFrom: string;
  readonly reason: string;
  readonly decidedBy: string;
  readonly decidedAt: string;
}

/** The policy in force on a date: later changes never rewrite what applied before them. */
export function policyOn(changes: readonly PolicyChange[], date: string): StatisticsPolicy {
  return changes
    .filter((c) => c.effectiveFrom <= date)
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || a.decidedAt.localeCompare(b.decidedAt))
    .reduce<StatisticsPolicy>((policy, change) => ({ ...policy, [change.setting]: change.value }), DEFAULT_POLICY);
}

const formatter = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Business dates are Stockholm dates. */
export function stockholmToday(now = new Date()): string {
  return formatter.format(now);
}
