import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A seeker's queue time, folded from their stream. */
@Entity({ schema: 'applicants', name: 'queue_time' })
export class QueueTimeRow {
  @PrimaryColumn('uuid', { name: 'applicant_id' })
  applicantId!: string;
  @Column('text')
  status!: string;
  @Column('date', { name: 'queue_start_date', nullable: true })
  queueStartDate!: string | null;
  @Column('jsonb')
  state!: unknown;
  @Column('bigint')
  revision!: string;
}
