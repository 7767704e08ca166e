import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The flat of a listing, kept to write messages about it. */
@Entity({ schema: 'messages', name: 'flats' })
export class FlatFacts {
  @PrimaryColumn('uuid', { name: 'listing_id' })
  listingId!: string;
  @Column('jsonb')
  facts!: unknown;
}

/** The seeker a proposal was made to. */
@Entity({ schema: 'messages', name: 'proposals' })
export class ProposedApplicant {
  @PrimaryColumn('uuid', { name: 'proposal_id' })
  proposalId!: string;
  @Column('uuid', { name: 'applicant_id' })
  applicantId!: string;
}
