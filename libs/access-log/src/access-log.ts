import type pg from 'pg';
import type { PersonalDataVault, Sealed, AccessLogEntry } from '@bostadsko/personal-data';

export interface StaffRead {
  readonly subject: string;
  readonly actor: string;
  readonly roles: readonly string[];
  readonly action: string;
  readonly reason: string;
}

/**
 * The app's log of staff reads of a person's data (GDPR art. 15 and the
 * agency's own audit). Kept as rows, not events: a read decides nothing. Who and
 * when outlive an erasure (staff stay accountable); the stated reason, which may
 * name the person's affairs, is sealed under their key and goes with it.
 */
export class AccessLog {
  constructor(
    private readonly app: string,
    private readonly pool: pg.Pool,
    private readonly vault: PersonalDataVault,
  ) {}

  async record(read: StaffRead): Promise<void> {
    // An erased person has no key to seal under: the read is still logged, without its reason.
    const [sealed] = await this.vault.sealEach([{ subject: read.subject, value: read.reason }]);
    await this.pool.query('INSERT INTO access_log.reads (subject_id, actor, roles, action, reason) VALUES ($1, $2, $3, $4, $5)', [
      read.subject,
      read.actor,
      read.roles,
      read.action,
      sealed instanceof Error ? null : JSON.stringify(sealed),
    ]);
  }

  async of(subject: string): Promise<AccessLogEntry[]> {
    const { rows } = await this.pool.query<{ read_at: Date; actor: string; roles: string[]; action: string; reason: Sealed | null }>(
      'SELECT read_at, actor, roles, action, reason FROM access_log.reads WHERE subject_id = $1 ORDER BY read_at, id',
      [subject],
    );
    return Promise.all(
      rows.map(async (row) => ({
        app: this.app,
        readAt: row.read_at.toISOString(),
        actor: row.actor,
        roles: row.roles,
        action: row.action,
        reason: (row.reason && (await this.vault.open<string>(row.reason))) ?? '(erased)',
      })),
    );
  }
}
