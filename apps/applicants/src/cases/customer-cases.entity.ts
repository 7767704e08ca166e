import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A seeker's customer case, for the staff's inbox. */
@Entity({ schema: 'applicants', name: 'customer_cases' })
export class CustomerCaseRow {
  @PrimaryColumn('uuid', { name: 'case_id' })
  caseId!: string;
  @Column('uuid', { name: 'applicant_id' })
  applicantId!: string;
  @Column('text')
  channel!: string;
  @Column('text')
  subject!: string;
  @Column('text')
  status!: string;
  @Column('timestamptz', { name: 'registered_at' })
  registeredAt!: Date;
  @Column('timestamptz', { name: 'answered_at', nullable: true })
  answeredAt!: Date | null;
  @Column('bigint')
  revision!: string;
}
