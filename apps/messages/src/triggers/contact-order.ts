import type { Tx } from '@bostadsko/bus';

/**
 * Whether a contact message (an address, a language) is at least as new as the last one applied for
 * the person, noting it when it is. The latest address wins, but a backfill (`npm run republish`,
 * decision 0020) sends a contact the relay never published after newer ones it did: the older must
 * not replace the address in use. Business time orders them (it only moves forward).
 */
export async function newestContact(tx: Tx, personId: string, occurredAt: string): Promise<boolean> {
  const { rowCount } = await tx.query(
    `INSERT INTO messages.contacts_noted AS c (person_id, occurred_at) VALUES ($1, $2)
     ON CONFLICT (person_id) DO UPDATE SET occurred_at = excluded.occurred_at WHERE excluded.occurred_at >= c.occurred_at`,
    [personId, occurredAt],
  );
  return rowCount === 1;
}

/** Erasure forgets when the person's address was given, with the address. */
export async function forgetContact(tx: Tx, personId: string): Promise<void> {
  await tx.query('DELETE FROM messages.contacts_noted WHERE person_id = $1', [personId]);
}
