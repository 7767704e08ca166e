import { Inject, Injectable } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { createHmac } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { Clock } from '@bostadsko/clock';
import { PLATFORM_CONFIG, type PlatformConfig } from '../../config/platform-config.js';
import { clientAddress } from './client-address.js';
import { SignInFailures, type Counter } from './sign-in-failures.js';
import { THROTTLE_CONFIG, type ThrottleConfig } from './throttle.config.js';
import { crossedThreshold, lockSeconds, THROTTLE_KINDS, type ThrottleKind, type ThrottleRules } from './throttle.rules.js';
import { TooManySignInAttempts } from './too-many-sign-in-attempts.js';

export interface SignInAttempt {
  /** Which sign-in, e.g. `applicants`: routes sharing a database keep separate counts. */
  readonly route: string;
  /** The account as typed, normalised (lower-case e-mail, canonical personnummer); only its HMAC is stored. */
  readonly account: string;
  readonly request: { readonly ip: string; readonly headers: IncomingHttpHeaders };
  /** Where Retry-After goes when the attempt is refused. */
  readonly reply: { header(name: string, value: string): unknown };
  readonly rules: ThrottleRules;
}

/** The password check's outcome: a value when it matched; the account's id whenever the account exists. */
export interface Verdict<T> {
  readonly signedIn?: T;
  readonly accountId?: string;
}

/** An account has just crossed its threshold: what staff are told. */
export interface Throttled {
  readonly accountId: string;
  readonly address: string;
  readonly failures: number;
  readonly lockedUntil: Date;
}

/**
 * Growing delays on every sign-in, counted per account from one address, per account
 * from anywhere (kept short, so nobody locks another out for long) and per address over
 * all accounts (credential stuffing). A locked attempt is refused before the password
 * is looked at, so neither its answer nor its timing says anything about the password.
 */
@Injectable()
export class SignInThrottle {
  constructor(
    private readonly failures: SignInFailures,
    private readonly clock: Clock,
    @Inject(PLATFORM_CONFIG) private readonly platform: PlatformConfig,
    @Inject(THROTTLE_CONFIG) private readonly config: ThrottleConfig,
    @InjectPinoLogger(SignInThrottle.name) private readonly logger: PinoLogger,
  ) {}

  /** The signed-in value, or undefined for a wrong account or password (the caller answers 401); throws 429 while locked. */
  async attempt<T>(attempt: SignInAttempt, verify: () => Promise<Verdict<T>>, onThrottled?: (throttled: Throttled) => Promise<void>): Promise<T | undefined> {
    const address = clientAddress(attempt.request, this.config.TRUSTED_PROXIES);
    const counters = THROTTLE_KINDS.map((kind) => this.counter(kind, attempt, address));
    const lockedUntil = await this.failures.lockedUntil(counters, this.clock.now());
    if (lockedUntil) this.refuse(attempt, lockedUntil);

    const verdict = await verify();
    if (verdict.signedIn !== undefined) {
      // The address keeps its count: one right password must not wash away a stuffing run.
      await this.failures.forget(counters.filter((c) => c.kind !== 'address'));
      return verdict.signedIn;
    }
    for (const counter of counters) await this.failed(counter, attempt, address, verdict.accountId, onThrottled);
    return undefined;
  }

  private async failed(counter: Counter, attempt: SignInAttempt, address: string, accountId: string | undefined, onThrottled?: (throttled: Throttled) => Promise<void>): Promise<void> {
    const now = this.clock.now();
    const failures = await this.failures.count(counter, now, attempt.rules.windowSeconds);
    const seconds = lockSeconds(counter.kind, failures, attempt.rules);
    if (seconds === 0) return;
    const lockedUntil = new Date(now.getTime() + seconds * 1000);
    await this.failures.lock(counter, lockedUntil);
    if (!crossedThreshold(counter.kind, failures, attempt.rules)) return;
    // The HMAC's start tells lines about one account apart without naming it.
    const account = counter.kind === 'address' ? undefined : this.key('account', attempt.route, attempt.account).slice(0, 16);
    this.logger.warn({ route: attempt.route, kind: counter.kind, account, accountId, address, failures, lockedUntil }, 'Sign-in throttled');
    if (counter.kind === 'account' && accountId && onThrottled) {
      // The lock is in force either way; a note staff cannot get is logged, not turned into a failed sign-in.
      await onThrottled({ accountId, address, failures, lockedUntil }).catch((error: unknown) => this.logger.error({ err: error, accountId }, 'Could not record the sign-in throttling'));
    }
  }

  private refuse(attempt: SignInAttempt, lockedUntil: Date): never {
    const seconds = Math.max(1, Math.ceil((lockedUntil.getTime() - this.clock.now().getTime()) / 1000));
    attempt.reply.header('retry-after', String(seconds));
    throw new TooManySignInAttempts(seconds, lockedUntil);
  }

  private counter(kind: ThrottleKind, attempt: SignInAttempt, address: string): Counter {
    const parts = { pair: [attempt.account, address], account: [attempt.account], address: [address] }[kind];
    return { kind, key: this.key(kind, attempt.route, ...parts) };
  }

  /** Keyed with the JWT secret: a personnummer has too few possible values for a plain hash to hide it. */
  private key(...parts: string[]): string {
    return createHmac('sha256', this.platform.JWT_SECRET)
      .update(`sign-in-throttle\0${parts.join('\0')}`)
      .digest('hex');
  }
}
