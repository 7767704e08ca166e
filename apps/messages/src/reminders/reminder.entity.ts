import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A reminder planned for its day, its content sealed. */
@Entity({ schema: 'messages', name: 'reminders' })
export class ReminderRow {
  @PrimaryColumn('uuid', { name: 'reminder_id' })
  reminderId!: string;
  @Column('uuid', { name: 'applicant_id' })
  applicantId!: string;
  @Column('text')
  kind!: string;
  @Column('text')
  subject!: string;
  @Column('date', { name: 'not_before', nullable: true })
  notBefore!: string | null;
  @Column('date')
  deadline!: string;
  @Column('jsonb')
  content!: unknown;
  @Column('text', { default: () => "'pending'" })
  state!: string;
}
