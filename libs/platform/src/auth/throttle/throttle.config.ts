import { isIP } from 'node:net';
import { env, InvalidValue, loadConfig, type ConfigOf } from '../../config/env.js';
import type { ThrottleRules } from './throttle.rules.js';

/**
 * Sign-in throttling for the accounts that have no dated policy of their own (staff,
 * analysts and admins on /auth/token, landlord users), and the proxies whose
 * X-Forwarded-For names the caller's address. Documented in libs/platform/README.md.
 */
export const throttleVariables = {
  SIGN_IN_FAILURES_BEFORE_DELAY: env.int({ min: 1, max: 100 }).default(5),
  SIGN_IN_ADDRESS_FAILURES_BEFORE_DELAY: env.int({ min: 1, max: 10_000 }).default(20),
  SIGN_IN_WINDOW_SECONDS: env.int({ min: 60, max: 86_400 }).default(900),
  SIGN_IN_FIRST_DELAY_SECONDS: env.int({ min: 1, max: 3600 }).default(1),
  SIGN_IN_MAX_DELAY_SECONDS: env.int({ min: 1, max: 86_400 }).default(900),
  SIGN_IN_ACCOUNT_MAX_DELAY_SECONDS: env.int({ min: 1, max: 3600 }).default(60),
  // The website calls the apps server-side from the same host in single node, so loopback is trusted by default.
  TRUSTED_PROXIES: env.list(ipAddress).default(['127.0.0.1', '::1']),
};

export type ThrottleConfig = ConfigOf<typeof throttleVariables>;

export const THROTTLE_CONFIG = Symbol('THROTTLE_CONFIG');

export const throttleConfigProvider = { provide: THROTTLE_CONFIG, useFactory: (): ThrottleConfig => loadConfig(throttleVariables) };

export function configuredRules(config: ThrottleConfig): ThrottleRules {
  return {
    failuresBeforeDelay: config.SIGN_IN_FAILURES_BEFORE_DELAY,
    addressFailuresBeforeDelay: config.SIGN_IN_ADDRESS_FAILURES_BEFORE_DELAY,
    windowSeconds: config.SIGN_IN_WINDOW_SECONDS,
    firstDelaySeconds: config.SIGN_IN_FIRST_DELAY_SECONDS,
    maxDelaySeconds: config.SIGN_IN_MAX_DELAY_SECONDS,
    accountMaxDelaySeconds: config.SIGN_IN_ACCOUNT_MAX_DELAY_SECONDS,
  };
}

function ipAddress(raw: string): string {
  if (isIP(raw) === 0) throw new InvalidValue(`must be an IP address (got "${raw}")`);
  return raw;
}
