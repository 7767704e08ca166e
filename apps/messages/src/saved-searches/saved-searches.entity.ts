import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A seeker's saved search. */
@Entity({ schema: 'messages', name: 'saved_searches' })
export class SavedSearchRow {
  @PrimaryColumn('uuid', { name: 'search_id' })
  searchId!: string;
  @Column('uuid', { name: 'applicant_id' })
  applicantId!: string;
  @Column('text', { nullable: true })
  municipality!: string | null;
  @Column('text', { nullable: true })
  district!: string | null;
  @Column('numeric', { name: 'rooms_min', nullable: true })
  roomsMin!: string | null;
  @Column('numeric', { name: 'rooms_max', nullable: true })
  roomsMax!: string | null;
  @Column('numeric', { name: 'rent_min', nullable: true })
  rentMin!: string | null;
  @Column('numeric', { name: 'rent_max', nullable: true })
  rentMax!: string | null;
  @Column('numeric', { name: 'area_min', nullable: true })
  areaMin!: string | null;
  @Column('numeric', { name: 'area_max', nullable: true })
  areaMax!: string | null;
  @Column('date', { name: 'move_in_from', nullable: true })
  moveInFrom!: string | null;
  @Column('date', { name: 'move_in_to', nullable: true })
  moveInTo!: string | null;
  @Column('text', { name: 'list_types', array: true })
  listTypes!: string[];
  @Column('text')
  alerts!: string;
  @Column('timestamptz', { name: 'saved_at' })
  savedAt!: Date;
}
