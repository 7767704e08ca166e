import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How staff resolved a discrepancy, and for a match which notice and payment it became. */
@Entity({ schema: 'applicants', name: 'fee_discrepancy_resolutions' })
export class FeeDiscrepancyResolution {
  @PrimaryColumn('text', { name: 'discrepancy_id' })
  discrepancyId!: string;
  @Column('text')
  resolution!: string;
  @Column('text')
  note!: string;
  @Column('text', { name: 'resolved_by' })
  resolvedBy!: string;
  @Column('date', { name: 'resolved_on' })
  resolvedOn!: string;
  @Column('uuid', { name: 'applicant_id', nullable: true })
  applicantId!: string | null;
  @Column('text', { name: 'match_reference', nullable: true })
  matchReference!: string | null;
  @Column('uuid', { name: 'match_applicant_id', nullable: true })
  matchApplicantId!: string | null;
  @Column('text', { name: 'match_payment_id', nullable: true })
  matchPaymentId!: string | null;
  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt!: Date;
}
