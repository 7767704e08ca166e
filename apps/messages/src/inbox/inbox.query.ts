import type { PersonalDataVault, Sealed } from '@bostadsko/personal-data';
import type { Infrastructure } from '@bostadsko/runtime';
import type { MessageContent } from '../templates/message-facts.js';
import { wording } from '../templates/render.js';
import type { Language, MessageKind } from './person-messages.events.js';
import { INBOX_TABLE } from './inbox.projection.js';

export interface InboxMessage {
  readonly messageId: string;
  readonly kind: MessageKind;
  readonly language: Language;
  readonly subject: string;
  readonly paragraphs: readonly string[];
  readonly recordedAt: string;
  readonly readAt: string | null;
}

interface Row {
  readonly message_id: string;
  readonly kind: MessageKind;
  readonly language: Language;
  readonly content: Sealed;
  readonly recorded_at: Date;
  readonly read_at: Date | null;
}

/** A person's messages, newest first, opened and worded in the language each was written in. */
export class InboxQuery {
  constructor(
    private readonly infra: Pick<Infrastructure, 'pool'>,
    private readonly vault: Pick<PersonalDataVault, 'open'>,
  ) {}

  async list(applicantId: string): Promise<InboxMessage[]> {
    const { rows } = await this.infra.pool.query<Row>(`SELECT * FROM ${INBOX_TABLE} WHERE applicant_id = $1 ORDER BY recorded_at DESC, message_id`, [applicantId]);
    return this.opened(rows);
  }

  async one(applicantId: string, messageId: string): Promise<InboxMessage | undefined> {
    const { rows } = await this.infra.pool.query<Row>(`SELECT * FROM ${INBOX_TABLE} WHERE applicant_id = $1 AND message_id = $2`, [applicantId, messageId]);
    return (await this.opened(rows))[0];
  }

  private async opened(rows: readonly Row[]): Promise<InboxMessage[]> {
    const messages = await Promise.all(
      rows.map(async (row) => {
        const content = await this.vault.open<MessageContent>(row.content);
        if (!content) return undefined;
        return {
          messageId: row.message_id,
          kind: row.kind,
          language: row.language,
          ...wording(content, row.language),
          recordedAt: row.recorded_at.toISOString(),
          readAt: row.read_at?.toISOString() ?? null,
        };
      }),
    );
    return messages.filter((m) => m !== undefined);
  }
}
