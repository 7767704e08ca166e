import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A seeker's fee account: when the next notice is due. */
@Entity({ schema: 'applicants', name: 'fee_accounts' })
export class FeeAccountDue {
  @PrimaryColumn('uuid', { name: 'applicant_id' })
  applicantId!: string;
  @Column('date', { name: 'registered_on' })
  registeredOn!: string;
  @Column('text')
  status!: string;
  @Column('date', { name: 'next_due_date' })
  nextDueDate!: string;
  @Column('bigint', { name: 'applicant_revision' })
  applicantRevision!: string;
  @Column('bigint', { name: 'fee_revision', default: -1 })
  feeRevision!: string;
}
