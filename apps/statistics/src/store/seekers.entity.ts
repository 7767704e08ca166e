import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A seeker as statistics count them: no name, a birth year. */
@Entity({ schema: 'statistics', name: 'seekers' })
export class SeekerFacts {
  @PrimaryColumn('uuid', { name: 'applicant_id' })
  applicantId!: string;
  @Column('date', { name: 'registered_on', nullable: true })
  registeredOn!: string | null;
  @Column('int', { name: 'birth_year', nullable: true })
  birthYear!: number | null;
  @Column('date', { name: 'left_on', nullable: true })
  leftOn!: string | null;
  @Column('text', { name: 'left_reason', nullable: true })
  leftReason!: string | null;
}
