import type { App } from '../../api/api-client.js';

/** The apps whose rules are policy settings, each at `/{app}/policy`. */
export const POLICY_APPS = ['applicants', 'listings', 'messages', 'statistics'] as const satisfies readonly App[];
export type PolicyApp = (typeof POLICY_APPS)[number];

/** One decided change: a setting's new value from a date, with who decided and why. */
export interface PolicyChange {
  readonly setting: string;
  readonly value: number;
  readonly effectiveFrom: string;
  readonly reason: string;
  readonly decidedBy: string;
  readonly decidedAt: string;
}
