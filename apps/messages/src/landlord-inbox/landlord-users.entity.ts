import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A landlord's user as the landlords app last said: who is told what, and whose token may read a landlord inbox. */
@Entity({ schema: 'messages', name: 'landlord_users' })
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
