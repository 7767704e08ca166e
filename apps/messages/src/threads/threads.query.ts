import type { PersonalDataVault, Sealed } from '@bostadsko/personal-data';
import type { Infrastructure } from '@bostadsko/runtime';
import type { InboxQuery } from '../inbox/inbox.query.js';
import { INBOX_TABLE } from '../inbox/inbox.projection.js';
import type { MessageKind } from '../inbox/person-messages.events.js';
import { REPLYABLE_KINDS } from './replyable.js';
import { THREAD_ENTRIES_TABLE } from './threads.projection.js';

/** One reply of the seeker's or answer of staff's, opened. */
export interface ThreadEntry {
  readonly entryId: string;
  readonly from: 'seeker' | 'staff';
  readonly text: string;
  readonly at: string;
}

/** A thread: the message it began with (its id is the thread's), what was said since, and whether the seeker waits for an answer. */
export interface Thread {
  readonly threadId: string;
  readonly applicantId: string;
  readonly about: string;
  readonly waiting: boolean;
  readonly entries: readonly ThreadEntry[];
}

/** Where a message stands for replies: the thread a reply to it joins (null when none has begun), and whether it may be replied to. */
export interface MessageThread {
  readonly threadId: string | null;
  readonly replyable: boolean;
  readonly entries: readonly ThreadEntry[];
}

/** A thread waiting for staff: the seeker's newest word is unanswered. No names: the back office shows the seeker's page for those. */
export interface WaitingThread {
  readonly threadId: string;
  readonly applicantId: string;
  readonly about: string;
  /** The first reply since staff last answered. */
  readonly waitingSince: string;
}

interface EntryRow {
  readonly entry_id: string;
  readonly thread_id: string;
  readonly staff_id: string | null;
  readonly body: Sealed;
  readonly at: Date;
}

export class ThreadsQuery {
  constructor(
    private readonly infra: Pick<Infrastructure, 'pool'>,
    private readonly vault: Pick<PersonalDataVault, 'open'>,
    private readonly inbox: Pick<InboxQuery, 'one'>,
  ) {}

  async ofPerson(applicantId: string): Promise<Thread[]> {
    const { rows } = await this.infra.pool.query<EntryRow>(`SELECT * FROM ${THREAD_ENTRIES_TABLE} WHERE applicant_id = $1 ORDER BY at, entry_id`, [applicantId]);
    const byThread = new Map<string, EntryRow[]>();
    for (const row of rows) byThread.set(row.thread_id, [...(byThread.get(row.thread_id) ?? []), row]);
    const threads = await Promise.all(
      [...byThread].map(async ([threadId, entries]): Promise<Thread> => {
        const opened = await this.opened(entries);
        return { threadId, applicantId, about: await this.about(applicantId, threadId), waiting: opened.at(-1)?.from === 'seeker', entries: opened };
      }),
    );
    // Newest word first, as an inbox.
    return threads.sort((a, b) => (b.entries.at(-1)?.at ?? '').localeCompare(a.entries.at(-1)?.at ?? ''));
  }

  async ofMessage(applicantId: string, messageId: string): Promise<MessageThread | undefined> {
    const [message, answer] = await Promise.all([
      this.infra.pool.query<{ kind: MessageKind }>(`SELECT kind FROM ${INBOX_TABLE} WHERE applicant_id = $1 AND message_id = $2`, [applicantId, messageId]),
      this.infra.pool.query<{ thread_id: string }>(`SELECT thread_id FROM ${THREAD_ENTRIES_TABLE} WHERE applicant_id = $1 AND entry_id = $2`, [applicantId, messageId]),
    ]);
    const kind = message.rows[0]?.kind;
    if (kind === undefined) return undefined;
    const threadId = answer.rows[0]?.thread_id ?? (REPLYABLE_KINDS.has(kind) ? messageId : null);
    if (threadId === null) return { threadId: null, replyable: false, entries: [] };
    const { rows } = await this.infra.pool.query<EntryRow>(`SELECT * FROM ${THREAD_ENTRIES_TABLE} WHERE applicant_id = $1 AND thread_id = $2 ORDER BY at, entry_id`, [applicantId, threadId]);
    return { threadId, replyable: true, entries: await this.opened(rows) };
  }

  /** Every thread whose newest entry is the seeker's, longest waiting first. */
  async waiting(): Promise<WaitingThread[]> {
    const { rows } = await this.infra.pool.query<{ thread_id: string; applicant_id: string; waiting_since: Date }>(
      `SELECT thread_id, applicant_id, min(at) FILTER (WHERE at > coalesce(answered, '-infinity')) AS waiting_since
       FROM (SELECT *, max(at) FILTER (WHERE staff_id IS NOT NULL) OVER (PARTITION BY thread_id) AS answered,
                    last_value(staff_id) OVER (PARTITION BY thread_id ORDER BY at, entry_id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS last_staff
             FROM ${THREAD_ENTRIES_TABLE}) e
       WHERE last_staff IS NULL
       GROUP BY thread_id, applicant_id ORDER BY waiting_since, thread_id`,
    );
    return Promise.all(
      rows.map(async (row) => ({ threadId: row.thread_id, applicantId: row.applicant_id, about: await this.about(row.applicant_id, row.thread_id), waitingSince: row.waiting_since.toISOString() })),
    );
  }

  private async about(applicantId: string, threadId: string): Promise<string> {
    return (await this.inbox.one(applicantId, threadId))?.subject ?? '';
  }

  private async opened(rows: readonly EntryRow[]): Promise<ThreadEntry[]> {
    const entries = await Promise.all(
      rows.map(async (row) => {
        const text = await this.vault.open<string>(row.body);
        if (text === undefined) return undefined;
        return { entryId: row.entry_id, from: row.staff_id === null ? 'seeker' : 'staff', text, at: row.at.toISOString() } as const;
      }),
    );
    return entries.filter((e) => e !== undefined);
  }
}
