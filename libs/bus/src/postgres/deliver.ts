import type pg from 'pg';
import type { IntegrationMessage, MessageHandler } from '../bus.port.js';
import { handleOnce, recordDeadLetter } from './inbox.js';

export const DEFAULT_MAX_ATTEMPTS = 5;

export type Delivery = 'handled' | 'duplicate' | 'dead-lettered';

const backoffMs = (attempt: number) => Math.min(50 * 2 ** attempt, 2_000);

/**
 * At-least-once delivery into the read model: retries a failing handler, then
 * records a dead letter (and marks the message handled) so the group moves on.
 * An error while recording the dead letter (the database is down) is thrown:
 * the caller must not advance past the message.
 */
export async function deliver(
  pool: pg.Pool,
  group: string,
  message: IntegrationMessage,
  handler: MessageHandler,
  maxAttempts = DEFAULT_MAX_ATTEMPTS,
  sameTransaction?: (client: pg.PoolClient) => Promise<void>,
): Promise<Delivery> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const client = await pool.connect();
    try {
      return (await handleOnce(client, group, message, handler, sameTransaction)) ? 'handled' : 'duplicate';
    } catch (error) {
      lastError = error;
    } finally {
      client.release();
    }
    if (attempt < maxAttempts) await new Promise((r) => setTimeout(r, backoffMs(attempt)));
  }
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await recordDeadLetter(client, group, message, lastError, maxAttempts);
    await client.query('INSERT INTO bus.inbox (consumer_group, message_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [group, message.id]);
    if (sameTransaction) await sameTransaction(client);
    await client.query('COMMIT');
    return 'dead-lettered';
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
