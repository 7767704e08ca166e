import type pg from 'pg';
import type { DeadLetter, IntegrationMessage, MessageHandler } from '../bus.port.js';
import { errorText } from '../poison.js';

/**
 * Runs the handler in the caller's read-model transaction together with the inbox row,
 * so a message is applied exactly once even when the bus delivers it again.
 * `extra` runs in the same transaction (the PostgreSQL bus stores its offset there).
 * Returns false when the message had already been handled.
 */
export async function handleOnce(client: pg.PoolClient, group: string, message: IntegrationMessage, handler: MessageHandler, extra?: (client: pg.PoolClient) => Promise<void>): Promise<boolean> {
  const fresh = await client.query('INSERT INTO bus.inbox (consumer_group, message_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [group, message.id]);
  if (fresh.rowCount === 1) await handler(message, client);
  if (extra) await extra(client);
  return fresh.rowCount === 1;
}

export async function recordDeadLetter(client: pg.PoolClient, group: string, message: IntegrationMessage, error: unknown, attempts: number): Promise<void> {
  await client.query(
    `INSERT INTO bus.dead_letters (consumer_group, message_id, type, key, message, error, attempts)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [group, message.id, message.type, message.key, JSON.stringify(message), errorText(error), attempts],
  );
}

export async function readDeadLetters(pool: pg.Pool, group: string): Promise<DeadLetter[]> {
  const { rows } = await pool.query('SELECT consumer_group, message, error, attempts, failed_at FROM bus.dead_letters WHERE consumer_group = $1 ORDER BY id', [group]);
  return rows.map((r) => ({
    group: r.consumer_group,
    message: r.message as IntegrationMessage,
    error: r.error,
    attempts: r.attempts,
    failedAt: r.failed_at,
  }));
}
