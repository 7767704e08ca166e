import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A landlord's case with the municipality. */
@Entity({ schema: 'landlords', name: 'cases' })
export class LandlordCaseRow {
  @PrimaryColumn('uuid', { name: 'case_id' })
  caseId!: string;
  @Column('uuid', { name: 'landlord_id' })
  landlordId!: string;
  @Column('text')
  category!: string;
  @Column('text')
  subject!: string;
  @Column('text')
  status!: string;
  @Column('timestamptz', { name: 'registered_at' })
  registeredAt!: Date;
  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
  @Column('jsonb')
  state!: unknown;
  @Column('bigint')
  revision!: string;
}
