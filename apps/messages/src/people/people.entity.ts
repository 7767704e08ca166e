import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How to reach a seeker, sealed e-mail and preferences. */
@Entity({ schema: 'messages', name: 'people' })
export class PersonRow {
  @PrimaryColumn('uuid', { name: 'applicant_id' })
  applicantId!: string;
  @Column('jsonb', { nullable: true })
  email!: unknown;
  @Column('text', { default: () => "'sv'" })
  language!: string;
  @Column('text', { name: 'digest_time', default: () => "'07:00'" })
  digestTime!: string;
  @Column('text', { name: 'email_off', array: true, default: () => "'{}'" })
  emailOff!: string[];
  @Column('timestamptz', { name: 'bounced_at', nullable: true })
  bouncedAt!: Date | null;
  @Column('text', { name: 'bounce_reason', nullable: true })
  bounceReason!: string | null;
  @Column('uuid', { name: 'bounced_message_id', nullable: true })
  bouncedMessageId!: string | null;
}
