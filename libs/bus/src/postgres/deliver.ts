import type pg from 'pg';
import type { IntegrationMessage, MessageHandler } from '../bus.port.js';
import { inTransaction } from '@bostadsko/postgres';
import { poisonReason } from '../poison.js';
import { handleOnce, recordDeadLetter } from './inbox.js';

export const DEFAULT_MAX_ATTEMPTS = 5;

export type Delivery = 'handled' | 'duplicate' | 'dead-lettered';

const backoffMs = (attempt: number) => Math.min(50 * 2 ** attempt, 2_000);

export interface DeliverOptions {
  readonly maxAttempts?: number;
  /** The error of a first attempt already made (in a batch): it counts as attempt 1. */
  readonly failedOnce?: unknown;
  readonly sameTransaction?: (client: pg.PoolClient) => Promise<void>;
}

/**
 * At-least-once delivery of one message into the read model: poison (a payload
 * breaking its contract) is dead-lettered at once, a failing handler is retried and
 * then dead-lettered; either way the message is marked handled so the group moves on,
 * in one transaction (opened through a TypeORM query runner) with what it wrote.
 * An error while recording the dead letter (the database is down) is thrown:
 * the caller must not advance past the message.
 */
export async function deliver(pool: pg.Pool, group: string, message: IntegrationMessage, handler: MessageHandler, options: DeliverOptions = {}): Promise<Delivery> {
  const { maxAttempts = DEFAULT_MAX_ATTEMPTS, sameTransaction } = options;
  const poison = poisonReason(message);
  if (poison !== undefined) return deadLetter(pool, group, message, poison, 1, sameTransaction);
  const tried = 'failedOnce' in options ? 1 : 0;
  let lastError: unknown = options.failedOnce;
  for (let attempt = tried + 1; attempt <= maxAttempts; attempt++) {
    if (attempt > 1) await new Promise((r) => setTimeout(r, backoffMs(attempt - 1)));
    try {
      return (await inTransaction(pool, (client) => handleOnce(client, group, message, handler, sameTransaction))) ? 'handled' : 'duplicate';
    } catch (error) {
      lastError = error;
    }
  }
  return deadLetter(pool, group, message, lastError, maxAttempts, sameTransaction);
}

/** Through the inbox like a handled message, so a redelivered one is a duplicate, not a second dead letter. */
async function deadLetter(pool: pg.Pool, group: string, message: IntegrationMessage, error: unknown, attempts: number, sameTransaction?: (client: pg.PoolClient) => Promise<void>): Promise<Delivery> {
  return inTransaction(pool, async (client) => {
    const fresh = await client.query('INSERT INTO bus.inbox (consumer_group, message_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [group, message.id]);
    if (fresh.rowCount === 1) await recordDeadLetter(client, group, message, error, attempts);
    if (sameTransaction) await sameTransaction(client);
    return fresh.rowCount === 1 ? 'dead-lettered' : 'duplicate';
  });
}
