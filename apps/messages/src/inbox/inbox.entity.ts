import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A message in a seeker's inbox. */
@Entity({ schema: 'messages', name: 'inbox' })
export class InboxMessageRow {
  @PrimaryColumn('uuid', { name: 'message_id' })
  messageId!: string;
  @Column('uuid', { name: 'applicant_id' })
  applicantId!: string;
  @Column('text')
  kind!: string;
  @Column('text')
  language!: string;
  @Column('jsonb')
  content!: unknown;
  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt!: Date;
  @Column('timestamptz', { name: 'read_at', nullable: true })
  readAt!: Date | null;
}
