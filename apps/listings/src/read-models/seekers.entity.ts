import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What eligibility needs to know of a seeker. */
@Entity({ schema: 'listings', name: 'seekers' })
export class SeekerEligibilityRow {
  @PrimaryColumn('uuid', { name: 'applicant_id' })
  applicantId!: string;
  @Column('int', { name: 'birth_year', nullable: true })
  birthYear!: number | null;
  @Column('date', { name: 'registered_on', nullable: true })
  registeredOn!: string | null;
  @Column('jsonb', { default: () => "'[]'" })
  timeline!: unknown;
  @Column('text', { nullable: true })
  status!: string | null;
  @Column('date', { name: 'queue_start_date', nullable: true })
  queueStartDate!: string | null;
}
