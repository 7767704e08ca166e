import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An application as statistics count it. */
@Entity({ schema: 'statistics', name: 'applications' })
export class ApplicationFacts {
  @PrimaryColumn('uuid', { name: 'application_id' })
  applicationId!: string;
  @Column('uuid', { name: 'applicant_id' })
  applicantId!: string;
  @Column('uuid', { name: 'listing_id' })
  listingId!: string;
  @Column('date', { name: 'submitted_on' })
  submittedOn!: string;
}
