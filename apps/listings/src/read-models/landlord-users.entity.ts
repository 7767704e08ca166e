import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A landlord's user and role. */
@Entity({ schema: 'listings', name: 'landlord_users' })
export class LandlordUserRow {
  @PrimaryColumn('uuid', { name: 'user_id' })
  userId!: string;
  @Column('uuid', { name: 'landlord_id' })
  landlordId!: string;
  @Column('text')
  role!: string;
  @Column('text')
  status!: string;
  @Column('timestamptz')
  at!: Date;
}
