import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A landlord's listing, from publication to letting. */
@Entity({ schema: 'landlords', name: 'listings' })
export class LandlordListingRow {
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
  @Column('numeric', { name: 'area_m2', nullable: true })
  areaM2!: string | null;
  @Column('numeric', { name: 'monthly_rent', nullable: true })
  monthlyRent!: string | null;
  @Column('text', { name: 'listing_type', nullable: true })
  listingType!: string | null;
  @Column('date', { name: 'published_on', nullable: true })
  publishedOn!: string | null;
  @Column('date', { name: 'application_deadline', nullable: true })
  applicationDeadline!: string | null;
  @Column('date', { name: 'move_in_date', nullable: true })
  moveInDate!: string | null;
  @Column('date', { name: 'closed_on', nullable: true })
  closedOn!: string | null;
  @Column('int', { nullable: true })
  applications!: number | null;
  @Column('int', { nullable: true })
  eligible!: number | null;
  @Column('date', { name: 'let_on', nullable: true })
  letOn!: string | null;
  @Column('int', { name: 'tenant_queue_days', nullable: true })
  tenantQueueDays!: number | null;
  @Column('date', { name: 'withdrawn_on', nullable: true })
  withdrawnOn!: string | null;
  @Column('text', { name: 'withdrawn_reason', nullable: true })
  withdrawnReason!: string | null;
}
