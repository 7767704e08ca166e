import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Registered } from './landlord.service.js';

/** A registered landlord organisation. */
@Entity({ schema: 'landlords', name: 'organisations' })
export class RegisteredOrganisation {
  @PrimaryColumn('uuid', { name: 'landlord_id' })
  landlordId!: string;
  @Column('text')
  name!: string;
  @Column('text', { name: 'organisation_number' })
  organisationNumber!: string;
  @Column('jsonb')
  state!: Registered;
  @Column('bigint')
  revision!: string;
}
