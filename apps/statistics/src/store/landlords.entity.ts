import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A landlord by name, for reports. */
@Entity({ schema: 'statistics', name: 'landlords' })
export class LandlordName {
  @PrimaryColumn('uuid', { name: 'landlord_id' })
  landlordId!: string;
  @Column('text')
  name!: string;
}
