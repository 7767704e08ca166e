import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A seeker's reply or staff's answer in a thread, its words sealed. */
@Entity({ schema: 'messages', name: 'thread_entries' })
export class ThreadEntryRow {
  @PrimaryColumn('uuid', { name: 'entry_id' })
  entryId!: string;
  @Column('uuid', { name: 'thread_id' })
  threadId!: string;
  @Column('uuid', { name: 'applicant_id' })
  applicantId!: string;
  @Column('uuid', { name: 'in_reply_to', nullable: true })
  inReplyTo!: string | null;
  @Column('text', { name: 'staff_id', nullable: true })
  staffId!: string | null;
  @Column('jsonb')
  body!: unknown;
  @Column('timestamptz')
  at!: Date;
}
