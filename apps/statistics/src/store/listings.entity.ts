import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A listing as statistics count it. */
@Entity({ schema: 'statistics', name: 'listings' })
export class ListingFacts {
  @PrimaryColumn('uuid', { name: 'listing_id' })
  listingId!: string;
  @Column('uuid', { name: 'landlord_id' })
  landlordId!: string;
  @Column('text', { nullable: true })
  municipality!: string | null;
  @Column('text', { nullable: true })
  district!: string | null;
  @Column('numeric', { nullable: true })
  rooms!: string | null;
  @Column('text', { name: 'listing_type', nullable: true })
  listingType!: string | null;
  @Column('date', { name: 'published_on', nullable: true })
  publishedOn!: string | null;
  @Column('date', { name: 'closed_on', nullable: true })
  closedOn!: string | null;
  @Column('int', { nullable: true })
  applications!: number | null;
  @Column('int', { nullable: true })
  eligible!: number | null;
  @Column('date', { name: 'withdrawn_on', nullable: true })
  withdrawnOn!: string | null;
  @Column('text', { name: 'withdrawn_reason', nullable: true })
  withdrawnReason!: string | null;
}
