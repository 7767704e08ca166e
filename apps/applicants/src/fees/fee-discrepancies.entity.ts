import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A payment that did not match its notice, for staff to settle. */
@Entity({ schema: 'applicants', name: 'fee_discrepancies' })
export class FeeDiscrepancy {
  @PrimaryColumn('text')
  id!: string;
  @Column('text')
  kind!: string;
  @Column('text')
  reason!: string;
  @Column('uuid', { name: 'applicant_id', nullable: true })
  applicantId!: string | null;
  @Column('text', { name: 'notice_id', nullable: true })
  noticeId!: string | null;
  @Column('text', { nullable: true })
  reference!: string | null;
  @Column('bigint', { name: 'amount_ore', nullable: true })
  amountOre!: string | null;
  @Column('bigint', { name: 'discrepancy_ore', nullable: true })
  discrepancyOre!: string | null;
  @Column('date', { name: 'paid_on', nullable: true })
  paidOn!: string | null;
  @Column('text', { name: 'bank_reference', nullable: true })
  bankReference!: string | null;
  @Column('text', { name: 'file_id', nullable: true })
  fileId!: string | null;
  @Column('jsonb', { nullable: true })
  detail!: unknown;
  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt!: Date;
}
