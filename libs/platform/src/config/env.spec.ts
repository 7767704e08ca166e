import { ConfigurationError, env, loadConfig } from './env.js';
import { platformVariables } from './platform-config.js';

const valid = {
  DATABASE_URL: 'postgres://app:pw@localhost:5432/app',
  JWT_SECRET: 'x'.repeat(32),
};

function problemsOf(source: Record<string, string | undefined>): string {
  try {
    loadConfig(platformVariables, source);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigurationError');
}

describe('loadConfig with the platform variables', () => {
  it('applies defaults and parses lists', () => {
    const config = loadConfig(platformVariables, {
      ...valid,
      KAFKA_BROKERS: 'kafka-1:9092, kafka-2:9092',
      SEED_ACCOUNTS: 'staff:Anna Andersson <Anna@Agency.se>:Secret123!,analyst+admin:olle@agency.se:pass:with:colons',
    });
    expect(config).toMatchObject({ PORT: 3000, JWT_TTL_SECONDS: 3600, LOG_LEVEL: 'info', EVENTSTORE_URL: undefined });
    expect(config.KAFKA_BROKERS).toEqual(['kafka-1:9092', 'kafka-2:9092']);
    expect(config.SEED_ACCOUNTS).toEqual([
      { username: 'anna@agency.se', name: 'Anna Andersson', password: 'Secret123!', roles: ['staff'] },
      { username: 'olle@agency.se', name: null, password: 'pass:with:colons', roles: ['analyst', 'admin'] },
    ]);
  });

  it('takes EventStoreDB connection strings of one node, a cluster and gossip discovery, and refuses others without echoing them', () => {
    for (const url of ['esdb://localhost:2113?tls=false', 'esdb://admin:changeit@a:2113,b:2113,c:2113?tls=false&nodePreference=leader', 'esdb+discover://cluster.example.se:2113']) {
      expect(loadConfig(platformVariables, { ...valid, EVENTSTORE_URL: url }).EVENTSTORE_URL).toBe(url);
    }
    for (const url of ['http://a:2113', 'esdb://', 'esdb://a:2113,,b:2113', 'esdb://admin:secret@a:port']) {
      const message = problemsOf({ ...valid, EVENTSTORE_URL: url });
      expect(message).toContain('EVENTSTORE_URL must be an EventStoreDB connection string');
      expect(message).not.toContain('secret');
    }
  });

  it('names an invalid port and quotes its value', () => {
    expect(problemsOf({ ...valid, PORT: 'abc' })).toBe('Invalid configuration: PORT must be an integer between 1 and 65535 (got "abc")');
  });

  it('names every missing or wrong variable at once, without echoing secrets', () => {
    const message = problemsOf({ JWT_SECRET: 'short-secret', LOG_LEVEL: 'loud', KAFKA_BROKERS: 'kafka' });
    expect(message).toContain('DATABASE_URL is required');
    expect(message).toContain('JWT_SECRET must be at least 32 characters long (got 12)');
    expect(message).toContain('LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")');
    expect(message).toContain('KAFKA_BROKERS entry 1 must be host:port (got "kafka")');
    expect(message).not.toContain('short-secret');
  });

  it('rejects a non-PostgreSQL database URL without quoting it', () => {
    expect(problemsOf({ ...valid, DATABASE_URL: 'mysql://root:hunter2@db/app' })).toBe('Invalid configuration: DATABASE_URL must be a postgres:// or postgresql:// URL');
  });

  it('explains a bad SEED_ACCOUNTS entry without revealing its password', () => {
    const message = problemsOf({ ...valid, SEED_ACCOUNTS: 'staff:anna@agency.se:Secret123!,landlord:bo@x.se:Hemligt99' });
    expect(message).toBe('Invalid configuration: SEED_ACCOUNTS entry 2 has unknown role "landlord" (allowed: staff, analyst, admin)');
    expect(problemsOf({ ...valid, SEED_ACCOUNTS: 'staff:anna@agency.se' })).toContain('SEED_ACCOUNTS entry 1 must have the form roles:username:password');
    expect(problemsOf({ ...valid, SEED_ACCOUNTS: 'staff:a@x.se:Secret123!,admin:A@x.se:Secret456!' })).toContain('SEED_ACCOUNTS entry 2 repeats username "a@x.se"');
  });

  it('treats an empty value as unset', () => {
    expect(problemsOf({ ...valid, DATABASE_URL: '  ' })).toBe('Invalid configuration: DATABASE_URL is required');
  });

  it('lets an app extend the schema with its own variables', () => {
    const config = loadConfig({ ...platformVariables, PAGE_SIZE: env.int({ min: 1, max: 500 }).default(50), REGION: env.string() }, { ...valid, REGION: 'Uppsala' });
    expect(config.PAGE_SIZE).toBe(50);
    expect(config.REGION).toBe('Uppsala');
  });
});
