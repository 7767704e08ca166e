import { Column, Entity, PrimaryColumn } from 'typeorm';

/** When each person's address in use was given: what an older one sent again is held against (contact-order.ts). */
@Entity({ schema: 'messages', name: 'contacts_noted' })
export class ContactNotedRow {
  @PrimaryColumn('uuid', { name: 'person_id' })
  personId!: string;
  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt!: Date;
}
