import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A seeker's name and e-mail, for the staff's search. */
@Entity({ schema: 'applicants', name: 'seeker_directory' })
export class SeekerDirectoryEntry {
  @PrimaryColumn('uuid', { name: 'applicant_id' })
  applicantId!: string;
  @Column('text')
  name!: string;
  @Column('text')
  email!: string;
  @Column('bigint')
  revision!: string;
}
