import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A proposal of a seeker for a landlord's flat, and the landlord's decision. */
@Entity({ schema: 'landlords', name: 'proposals' })
export class ProposalRow {
  @PrimaryColumn('uuid', { name: 'proposal_id' })
  proposalId!: string;
  @Column('uuid', { name: 'listing_id' })
  listingId!: string;
  @Column('uuid', { name: 'landlord_id' })
  landlordId!: string;
  @Column('uuid', { name: 'applicant_id', nullable: true })
  applicantId!: string | null;
  @Column('int', { nullable: true })
  place!: number | null;
  @Column('int', { name: 'household_size', nullable: true })
  householdSize!: number | null;
  @Column('boolean', { name: 'requirements_verified', nullable: true })
  requirementsVerified!: boolean | null;
  @Column('timestamptz', { name: 'proposed_at', nullable: true })
  proposedAt!: Date | null;
  @Column('text', { nullable: true })
  decision!: string | null;
  @Column('text', { nullable: true })
  reason!: string | null;
  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt!: Date | null;
}
