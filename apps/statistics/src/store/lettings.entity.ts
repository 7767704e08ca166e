import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A letting, for the lettings report and its raw export. */
@Entity({ schema: 'statistics', name: 'lettings' })
export class LettingFacts {
  @Column('bigint', { name: 'row_id' })
  rowId!: string;
  @Column('bigint')
  seq!: string;
  @PrimaryColumn('uuid', { name: 'listing_id' })
  listingId!: string;
  @PrimaryColumn('uuid', { name: 'tenant_applicant_id' })
  tenantApplicantId!: string;
  @Column('uuid', { name: 'landlord_id' })
  landlordId!: string;
  @Column('text')
  municipality!: string;
  @Column('text')
  district!: string;
  @Column('float8')
  rooms!: number;
  @Column('float8', { name: 'area_m2' })
  areaM2!: number;
  @Column('float8', { name: 'monthly_rent' })
  monthlyRent!: number;
  @Column('text', { name: 'listing_type' })
  listingType!: string;
  @Column('date', { name: 'contract_date' })
  contractDate!: string;
  @Column('date', { name: 'published_on' })
  publishedOn!: string;
  @Column('int', { name: 'tenant_queue_days', nullable: true })
  tenantQueueDays!: number | null;
  @Column('int')
  applications!: number;
  @Column('date', { name: 'cancelled_on', nullable: true })
  cancelledOn!: string | null;
}
