import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An application's place in its listing's ranking. */
@Entity({ schema: 'listings', name: 'ranking' })
export class RankingRow {
  @PrimaryColumn('uuid', { name: 'listing_id' })
  listingId!: string;
  @PrimaryColumn('uuid', { name: 'application_id' })
  applicationId!: string;
  @Column('uuid', { name: 'applicant_id' })
  applicantId!: string;
  @Column('int', { nullable: true })
  place!: number | null;
  @Column('int', { name: 'queue_days', nullable: true })
  queueDays!: number | null;
  @Column('date', { name: 'queue_start_date', nullable: true })
  queueStartDate!: string | null;
  @Column('timestamptz', { name: 'applied_at', nullable: true })
  appliedAt!: Date | null;
  @Column('text', { array: true, nullable: true })
  reasons!: string[] | null;
}
