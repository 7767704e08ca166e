import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A seeker's birth year, for a listing's age range, and whether deregistered (no alerts then). */
@Entity({ schema: 'messages', name: 'seekers' })
export class SeekerBirthYear {
  @PrimaryColumn('uuid', { name: 'applicant_id' })
  applicantId!: string;
  @Column('int', { name: 'birth_year', nullable: true })
  birthYear!: number | null;
  @Column('date', { name: 'deregistered_on', nullable: true })
  deregisteredOn!: string | null;
}

/** A listing already matched against the saved searches. */
@Entity({ schema: 'messages', name: 'matched_listings' })
export class MatchedListing {
  @PrimaryColumn('uuid', { name: 'listing_id' })
  listingId!: string;
  @Column('timestamptz', { name: 'matched_at' })
  matchedAt!: Date;
  @Column('int')
  alerts!: number;
}

/** Alerts due at one time for one listing: the seekers' ids in one row. */
@Entity({ schema: 'messages', name: 'alert_batches' })
export class AlertBatch {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS', name: 'batch_id' })
  batchId!: string;
  @Column('uuid', { name: 'listing_id' })
  listingId!: string;
  @Column('boolean')
  daily!: boolean;
  @Column('timestamptz', { name: 'due_at' })
  dueAt!: Date;
  @Column('uuid', { array: true })
  applicants!: string[];
  @Column('uuid', { name: 'round_id', nullable: true })
  roundId!: string | null;
}
