import { crossedThreshold, lockSeconds, type ThrottleRules } from './throttle.rules.js';

const rules: ThrottleRules = { failuresBeforeDelay: 5, addressFailuresBeforeDelay: 20, windowSeconds: 900, firstDelaySeconds: 1, maxDelaySeconds: 900, accountMaxDelaySeconds: 60 };

describe('sign-in throttle rules', () => {
  it('waits nothing below the threshold, then doubles from the first delay', () => {
    expect([4, 5, 6, 7, 8].map((n) => lockSeconds('pair', n, rules))).toEqual([0, 1, 2, 4, 8]);
  });

  it('caps an account from every address short, and a pair or an address at the long cap', () => {
    expect(lockSeconds('account', 20, rules)).toBe(60);
    expect(lockSeconds('pair', 20, rules)).toBe(900);
    expect(lockSeconds('address', 1_000, rules)).toBe(900);
  });

  it('counts an address against its own, higher threshold', () => {
    expect(lockSeconds('address', 19, rules)).toBe(0);
    expect(lockSeconds('address', 20, rules)).toBe(1);
    expect(crossedThreshold('address', 20, rules)).toBe(true);
    expect(crossedThreshold('account', 6, rules)).toBe(false);
  });
});
