/**
 * How sign-in failures are slowed down: the same numbers whether they come from an
 * app's dated policy (applicants) or from the platform's configuration (staff
 * accounts, landlord users).
 */
export interface ThrottleRules {
  /** Failures for one account (from one address, and from all addresses) before attempts wait. */
  readonly failuresBeforeDelay: number;
  /** Failures from one address, over every account, before its attempts wait: credential stuffing. */
  readonly addressFailuresBeforeDelay: number;
  /** Failures are forgotten after this long without a failure or a lock. */
  readonly windowSeconds: number;
  /** The first wait; each further failure doubles it. */
  readonly firstDelaySeconds: number;
  /** The longest wait for one account from one address, and for one address. */
  readonly maxDelaySeconds: number;
  /**
   * The longest wait for an account from every address: kept short so that nobody can
   * lock another person out for long by typing wrong passwords for them.
   */
  readonly accountMaxDelaySeconds: number;
}

/** What is counted: an account from one address, an account from anywhere, an address over every account. */
export type ThrottleKind = 'pair' | 'account' | 'address';

export const THROTTLE_KINDS: readonly ThrottleKind[] = ['pair', 'account', 'address'];

/** The lock after the n-th failure in the window: none below the threshold, then 1×, 2×, 4× … the first delay, capped. */
export function lockSeconds(kind: ThrottleKind, failures: number, rules: ThrottleRules): number {
  const threshold = kind === 'address' ? rules.addressFailuresBeforeDelay : rules.failuresBeforeDelay;
  if (failures < threshold) return 0;
  const cap = kind === 'account' ? rules.accountMaxDelaySeconds : rules.maxDelaySeconds;
  // The exponent is bounded so a long run of failures cannot overflow to Infinity.
  return Math.min(rules.firstDelaySeconds * 2 ** Math.min(failures - threshold, 40), cap);
}

/** True when this failure is the one that started the lock: the moment staff are told. */
export function crossedThreshold(kind: ThrottleKind, failures: number, rules: ThrottleRules): boolean {
  return failures === (kind === 'address' ? rules.addressFailuresBeforeDelay : rules.failuresBeforeDelay);
}
