import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A listing, for search and for its landlord. */
@Entity({ schema: 'listings', name: 'listings' })
export class ListingRow {
  @PrimaryColumn('uuid', { name: 'listing_id' })
  listingId!: string;
  @Column('uuid', { name: 'landlord_id' })
  landlordId!: string;
  @Column('text')
  status!: string;
  @Column('text')
  address!: string;
  @Column('text')
  municipality!: string;
  @Column('text')
  district!: string;
  @Column('numeric')
  rooms!: string;
  @Column('numeric', { name: 'area_m2' })
  areaM2!: string;
  @Column('numeric', { name: 'monthly_rent' })
  monthlyRent!: string;
  @Column('int')
  floor!: number;
  @Column('boolean')
  lift!: boolean;
  @Column('date', { name: 'move_in' })
  moveIn!: string;
  @Column('text', { name: 'listing_type' })
  listingType!: string;
  @Column('date')
  deadline!: string;
  @Column('date', { name: 'published_on' })
  publishedOn!: string;
  @Column('timestamptz', { name: 'published_at' })
  publishedAt!: Date;
  @Column('jsonb')
  requirements!: unknown;
  @Column('text', { name: 'lottery_seed_hash', nullable: true })
  lotterySeedHash!: string | null;
  @Column('int', { nullable: true })
  applications!: number | null;
  @Column('int', { nullable: true })
  eligible!: number | null;
  @Column('date', { name: 'ended_on', nullable: true })
  endedOn!: string | null;
  @Column('text', { name: 'ended_reason', nullable: true })
  endedReason!: string | null;
  @Column('uuid', { name: 'tenant_application_id', nullable: true })
  tenantApplicationId!: string | null;
  @Column('bigint')
  revision!: string;
}
