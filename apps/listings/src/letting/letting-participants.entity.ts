import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An application taking part in a letting. */
@Entity({ schema: 'listings', name: 'letting_participants' })
export class LettingParticipantRow {
  @PrimaryColumn('text', { name: 'application_id' })
  applicationId!: string;
  @Column('uuid', { name: 'listing_id' })
  listingId!: string;
  @Column('text', { name: 'applicant_id' })
  applicantId!: string;
  @Column('boolean', { name: 'letting_open', default: true })
  lettingOpen!: boolean;
  @Column('bigint')
  revision!: string;
}
