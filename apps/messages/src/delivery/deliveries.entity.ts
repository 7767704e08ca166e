import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An e-mail's delivery state. */
@Entity({ schema: 'messages', name: 'deliveries' })
export class DeliveryRow {
  @PrimaryColumn('uuid', { name: 'message_id' })
  messageId!: string;
  @Column('uuid', { name: 'applicant_id' })
  applicantId!: string;
  @Column('text', { default: () => "'pending'" })
  state!: string;
  @Column('int', { default: 0 })
  attempts!: number;
  @Column('timestamptz', { name: 'next_attempt_at', default: () => 'now()' })
  nextAttemptAt!: Date;
  @Column('timestamptz', { name: 'claimed_until', nullable: true })
  claimedUntil!: Date | null;
  @Column('text', { name: 'last_error', nullable: true })
  lastError!: string | null;
  @Column('timestamptz', { name: 'sent_at', nullable: true })
  sentAt!: Date | null;
}
