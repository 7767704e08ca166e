import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { Migration } from '../../postgres/src/migrations.js';

/** What an event stores instead of personal data: readable only while the person's key exists. */
export interface Sealed {
  readonly subject: string;
  readonly iv: string;
  readonly tag: string;
  readonly data: string;
}

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

/**
 * Crypto-shredding: each person's data in events is sealed with AES-256-GCM under
 * a key of their own. Destroying the key erases them from every event while the
 * append-only log stays intact.
 */
export class PersonalDataVault {
  constructor(private readonly pool: pg.Pool) {}

  async seal(subject: string, value: unknown): Promise<Sealed> {
    const key = await this.keyFor(subject, true);
    if (!key) throw new Error(`Personal data of ${subject} has been erased; nothing new can be sealed for it`);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const data = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return { subject, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
  }

  /** Undefined once the subject's key was destroyed. */
  async open<T>(sealed: Sealed): Promise<T | undefined> {
    const key = await this.keyFor(sealed.subject, false);
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

  private async keyFor(subject: string, create: boolean): Promise<Buffer | undefined> {
    if (create) {
      await this.pool.query('INSERT INTO personal_data.subject_keys (subject_id, key) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
        subject,
        randomBytes(32),
      ]);
    }
    const { rows } = await this.pool.query<{ key: Buffer | null }>('SELECT key FROM personal_data.subject_keys WHERE subject_id = $1', [subject]);
    return rows[0]?.key ?? undefined;
  }
}
