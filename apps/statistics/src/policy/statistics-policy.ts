import type { PolicyChange as DatedChange, SettingLimits } from '@bostadsko/policy';

/** The statistics app's rules as data, changed only from a date onwards. */
export interface StatisticsPolicy {
  /** A cell built from fewer lettings or persons than this is suppressed. */
  readonly suppressionThreshold: number;
}

export type PolicySetting = keyof StatisticsPolicy;

export const DEFAULT_POLICY: StatisticsPolicy = { suppressionThreshold: 5 };

/** Below 3 a cell could show one person's own figures; above 100 most district cells would vanish. */
export const POLICY_LIMITS: SettingLimits<StatisticsPolicy> = {
  suppressionThreshold: { min: 3, max: 100 },
};

export type PolicyChange = DatedChange<StatisticsPolicy>;
