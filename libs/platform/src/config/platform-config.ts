import { env, InvalidValue, type ConfigOf } from './env.js';
import { parseSeedAccounts } from './seed-accounts.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
/** `training` lets an administrator move business time forward; production, the default, keeps the wall clock. */
const RUN_MODES = ['production', 'training'] as const;

/** The variables every app reads; spread into an app's own schema to add more. */
export const platformVariables = {
  PORT: env.int({ min: 1, max: 65535 }).default(3000),
  DATABASE_URL: env.url({ protocols: ['postgres', 'postgresql'] }),
  EVENTSTORE_URL: env.custom(esdbConnectionString).optional(),
  KAFKA_BROKERS: env.list(hostAndPort).optional(),
  // HS256 is only as strong as its key: 32 characters is the least for a 256-bit HMAC.
  JWT_SECRET: env.string({ minLength: 32 }),
  JWT_TTL_SECONDS: env.int({ min: 60, max: 86_400 }).default(3600),
  LOG_LEVEL: env.oneOf(LOG_LEVELS).default('info'),
  SEED_ACCOUNTS: env.custom(parseSeedAccounts).default([]),
  RUN_MODE: env.oneOf(RUN_MODES).default('production'),
  // The most a request with X-Read-After waits for read models before answering anyway.
  READ_AFTER_TIMEOUT_MS: env.int({ min: 0, max: 30_000 }).default(5000),
};

export type PlatformConfig = ConfigOf<typeof platformVariables>;

/**
 * An EventStoreDB connection string as the client reads it: `esdb://host:2113?tls=false`,
 * a cluster's nodes separated by commas (`esdb://a:2113,b:2113,c:2113?tls=false`, which
 * `new URL` refuses), or `esdb+discover://` for gossip; credentials and options optional.
 */
function esdbConnectionString(raw: string): string {
  const match = /^esdb(\+discover)?:\/\/(?:[^@/\s]+@)?([^/?\s]+)\/?(?:\?[^\s]*)?$/.exec(raw);
  if (!match || !match[2].split(',').every((node) => /^[^\s:,]+(:\d{1,5})?$/.test(node))) {
    // Not quoted: the string may carry a password.
    throw new InvalidValue(`must be an EventStoreDB connection string, esdb://host:port[,host:port…][?options] or esdb+discover://…`);
  }
  return raw;
}

function hostAndPort(raw: string): string {
  if (!/^[^\s:/]+:\d{1,5}$/.test(raw)) throw new InvalidValue(`must be host:port (got "${raw}")`);
  return raw;
}

/** Injection token of the validated PlatformConfig (or the app's extension of it). */
export const PLATFORM_CONFIG = Symbol('PLATFORM_CONFIG');
