import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { Migration } from '@bostadsko/postgres';
import type { Sealed } from './sealed.js';

export type { Sealed } from './sealed.js';

export const PERSONAL_DATA_MIGRATIONS: readonly Migration[] = [
  {
    id: 'personal-data/001-subject-keys',
    sql: `
      CREATE SCHEMA IF NOT EXISTS personal_data;
      CREATE TABLE personal_data.subject_keys (
        subject_id uuid PRIMARY KEY,
        key bytea,
        created_at timestamptz NOT NULL DEFAULT now(),
        destroyed_at timestamptz
      );`,
  },
];

const KEY_BYTES = 32;
const IV_BYTES = 12;

/**
 * Crypto-shredding: each person's data in events is sealed with AES-256-GCM under
 * a key of their own. Destroying the key erases them from every event while the
 * append-only log stays intact.
 */
export class PersonalDataVault {
  constructor(private readonly pool: pg.Pool) {}

  async seal(subject: string, value: unknown): Promise<Sealed> {
    const [sealed] = await this.sealEach([{ subject, value }]);
    if (sealed instanceof Error) throw sealed;
    return sealed;
  }

  /** Seals for several people with one round trip for their keys; an erased person's item is an error in its place. */
  async sealEach(items: ReadonlyArray<{ readonly subject: string; readonly value: unknown }>): Promise<Array<Sealed | Error>> {
    const keys = await this.keysCreatingMissing(items.map((i) => i.subject));
    // One call to the random source for the batch, not one per person: each call has a fixed cost.
    const ivs = randomBytes(IV_BYTES * items.length);
    return items.map(({ subject, value }, i) => {
      const key = keys.get(subject.toLowerCase());
      if (!key) return new Error(`Personal data of ${subject} has been erased; nothing new can be sealed for it`);
      const iv = ivs.subarray(i * IV_BYTES, (i + 1) * IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
      return { subject, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
    });
  }

  /** Undefined once the subject's key was destroyed. */
  async open<T>(sealed: Sealed): Promise<T | undefined> {
    const key = await this.keyFor(sealed.subject);
    if (!key) return undefined;
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    const plain = Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as T;
  }

  async erase(subject: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO personal_data.subject_keys (subject_id, key, destroyed_at) VALUES ($1, NULL, now())
       ON CONFLICT (subject_id) DO UPDATE SET key = NULL, destroyed_at = coalesce(personal_data.subject_keys.destroyed_at, now())`,
      [subject],
    );
  }

  private async keyFor(subject: string): Promise<Buffer | undefined> {
    const { rows } = await this.pool.query<{ key: Buffer | null }>('SELECT key FROM personal_data.subject_keys WHERE subject_id = $1', [subject]);
    return rows[0]?.key ?? undefined;
  }

  /**
   * One statement: new keys for people without one, and the keys of the rest. The
   * statement's reads do not see its own inserts, so each person comes from one
   * side only. An erased person's key is null and stays so. A person whose key
   * another statement created meanwhile is on neither side (its snapshot predates
   * that key): they are read again.
   */
  private async keysCreatingMissing(subjects: readonly string[]): Promise<Map<string, Buffer>> {
    const unique = [...new Set(subjects)];
    const fresh = randomBytes(KEY_BYTES * unique.length);
    const { rows } = await this.pool.query<{ subject_id: string; key: Buffer | null }>({
      name: 'personal-data.keys-creating-missing',
      text: `WITH wanted AS (SELECT * FROM unnest($1::uuid[], $2::bytea[]) AS w(subject_id, key)),
        created AS (
          INSERT INTO personal_data.subject_keys (subject_id, key) SELECT subject_id, key FROM wanted
          ON CONFLICT DO NOTHING RETURNING subject_id, key)
        SELECT subject_id, key FROM created
        UNION ALL
        SELECT k.subject_id, k.key FROM personal_data.subject_keys k WHERE k.subject_id = ANY($1::uuid[])`,
      values: [unique, unique.map((_, i) => fresh.subarray(i * KEY_BYTES, (i + 1) * KEY_BYTES))],
    });
    const returned = new Set(rows.map((row) => row.subject_id));
    const raced = unique.filter((subject) => !returned.has(subject.toLowerCase()));
    if (raced.length > 0) {
      const again = await this.pool.query<{ subject_id: string; key: Buffer | null }>('SELECT subject_id, key FROM personal_data.subject_keys WHERE subject_id = ANY($1::uuid[])', [raced]);
      rows.push(...again.rows);
    }
    const keys = new Map<string, Buffer>();
    for (const row of rows) if (row.key) keys.set(row.subject_id, row.key);
    return keys;
  }
}
