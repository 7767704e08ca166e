import { env, InvalidValue, loadConfig, type ConfigOf } from '@bostadsko/platform';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The session key is 32 random bytes in base64: the cookie's AES key (libsodium secretbox). */
function sessionKey(raw: string): Buffer {
  const key = Buffer.from(raw, 'base64');
  if (key.length !== 32) throw new InvalidValue(`must be 32 bytes in base64 (got ${key.length} bytes)`);
  return key;
}

export const webVariables = {
  PORT: env.int({ min: 1, max: 65535 }).default(3000),
  APPLICANTS_URL: env.url({ protocols: ['http', 'https'] }).default('http://127.0.0.1:3001'),
  LISTINGS_URL: env.url({ protocols: ['http', 'https'] }).default('http://127.0.0.1:3002'),
  LANDLORDS_URL: env.url({ protocols: ['http', 'https'] }).default('http://127.0.0.1:3003'),
  STATISTICS_URL: env.url({ protocols: ['http', 'https'] }).default('http://127.0.0.1:3004'),
  MESSAGES_URL: env.url({ protocols: ['http', 'https'] }).default('http://127.0.0.1:3005'),
  SESSION_KEY: env.custom(sessionKey),
  // Production sends the session cookie only over HTTPS; development runs on http://localhost.
  NODE_ENV: env.oneOf(['development', 'test', 'production'] as const).default('development'),
  LOG_LEVEL: env.oneOf(LOG_LEVELS).default('info'),
};

export type WebConfig = ConfigOf<typeof webVariables>;

export const WEB_CONFIG = Symbol('WEB_CONFIG');

export const loadWebConfig = (source: Readonly<Record<string, string | undefined>> = process.env): WebConfig => loadConfig(webVariables, source);
