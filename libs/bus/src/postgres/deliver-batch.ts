import type pg from 'pg';
import { inTransaction } from '@bostadsko/postgres';
import type { BatchHandler, IntegrationMessage, MessageHandler } from '../bus.port.js';
import { poisonReason } from '../poison.js';
import { deliver } from './deliver.js';
import { recordDeadLetter } from './inbox.js';

/** At most this many messages in one read-model transaction: bounds how much a failure rolls back and re-applies. */
export const BATCH_LIMIT = 500;

export interface BatchItem {
  readonly message: IntegrationMessage;
  /** Set when the bytes on the bus were not a message at all (Kafka): dead-lettered like poison. */
  readonly unreadable?: Error;
}

export interface BatchDelivery<T extends BatchItem> {
  readonly pool: pg.Pool;
  readonly group: string;
  readonly handler: MessageHandler;
  /** Tried first for a whole batch; on a failure the batch is applied again message by message. */
  readonly many?: BatchHandler;
  readonly maxAttempts?: number;
  /** Runs in every transaction that commits items, with the last of them (the PostgreSQL bus stores its offset there). */
  readonly sameTransaction?: (client: pg.PoolClient, last: T) => Promise<void>;
}

/**
 * Applies consecutive messages of one group in ONE read-model transaction: the
 * inbox rows, the handlers' writes (the batch handler's, if any, else the handler's
 * per message), dead letters of poison, and `sameTransaction`, instead of a commit
 * per message. A failure is pinned on its message by the per-message handler: the
 * transaction is rolled back, the messages before it are applied again together,
 * the failing one alone with its remaining attempts (and dead-lettered if they
 * fail), then the rest. Each message is still
 * applied exactly once (the inbox), in order, and a poison message never holds the
 * others back. A failure that is no handler's (the database went away) is thrown
 * with nothing committed, so the caller does not advance past the batch.
 */
export async function deliverBatch<T extends BatchItem>(delivery: BatchDelivery<T>, items: readonly T[]): Promise<void> {
  if (items.length === 0) return;
  if (delivery.many && (await applyTogether(delivery, items)) === undefined) return;
  // Which message made the batch handler fail is unknown: the handler, message by message, finds it.
  const each = { ...delivery, many: undefined };
  const failure = await applyTogether(each, items);
  if (!failure) return;
  await deliverBatch(each, items.slice(0, failure.index));
  const failed = items[failure.index];
  const { pool, group, handler, maxAttempts, sameTransaction } = delivery;
  await deliver(pool, group, failed.message, handler, { maxAttempts, failedOnce: failure.error, sameTransaction: sameTransaction && ((client) => sameTransaction(client, failed)) });
  await deliverBatch(delivery, items.slice(failure.index + 1));
}

/** Undefined when every item committed; else which handler failed (index -1: the batch handler), nothing committed. */
async function applyTogether<T extends BatchItem>({ pool, group, handler, many, sameTransaction }: BatchDelivery<T>, items: readonly T[]): Promise<{ index: number; error: unknown } | undefined> {
  let failure: { index: number; error: unknown } | undefined;
  try {
    await inTransaction(pool, async (client) => {
      // One statement for the batch's inbox rows; a message on the bus twice (a republish) is fresh once at most.
      const { rows } = await client.query<{ message_id: string }>({
        name: 'bus.inbox-batch',
        text: 'INSERT INTO bus.inbox (consumer_group, message_id) SELECT $1, id FROM unnest($2::text[]) AS id ON CONFLICT DO NOTHING RETURNING message_id',
        values: [group, items.map((item) => item.message.id)],
      });
      const fresh = new Set(rows.map((row) => row.message_id));
      const applicable: IntegrationMessage[] = [];
      for (const [index, { message, unreadable }] of items.entries()) {
        if (!fresh.delete(message.id)) continue;
        // Poison never succeeds, so it is dead-lettered at once, in the batch's transaction.
        const poison = unreadable ?? poisonReason(message);
        if (poison !== undefined) {
          await recordDeadLetter(client, group, message, poison, 1);
          continue;
        }
        if (many) {
          applicable.push(message);
          continue;
        }
        try {
          await handler(message, client);
        } catch (error) {
          failure = { index, error };
          throw error;
        }
      }
      if (many && applicable.length > 0) {
        try {
          await many(applicable, client);
        } catch (error) {
          failure = { index: -1, error };
          throw error;
        }
      }
      if (sameTransaction) await sameTransaction(client, items[items.length - 1]);
    });
    return undefined;
  } catch (error) {
    if (failure) return failure;
    throw error;
  }
}
