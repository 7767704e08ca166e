import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An application to a listing. */
@Entity({ schema: 'listings', name: 'applications' })
export class ApplicationRow {
  @PrimaryColumn('uuid', { name: 'application_id' })
  applicationId!: string;
  @Column('uuid', { name: 'listing_id' })
  listingId!: string;
  @Column('uuid', { name: 'applicant_id' })
  applicantId!: string;
  @Column('timestamptz', { name: 'submitted_at' })
  submittedAt!: Date;
  @Column('text')
  status!: string;
  @Column('text', { name: 'withdrawn_reason', nullable: true })
  withdrawnReason!: string | null;
  @Column('timestamptz', { name: 'withdrawn_at', nullable: true })
  withdrawnAt!: Date | null;
  @Column('jsonb')
  declaration!: unknown;
  @Column('bigint')
  revision!: string;
}
