import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A landlord's agreements and guidelines. */
@Entity({ schema: 'listings', name: 'landlords' })
export class LandlordTermsRow {
  @PrimaryColumn('uuid', { name: 'landlord_id' })
  landlordId!: string;
  @Column('jsonb', { default: () => "'[]'" })
  agreements!: unknown;
  @Column('jsonb', { default: () => "'[]'" })
  guidelines!: unknown;
}
