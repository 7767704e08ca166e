import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A fee notice and what has been paid on it. */
@Entity({ schema: 'applicants', name: 'fee_notices' })
export class FeeNoticeRow {
  @PrimaryColumn('text')
  reference!: string;
  @Column('text', { name: 'notice_id' })
  noticeId!: string;
  @Column('uuid', { name: 'applicant_id' })
  applicantId!: string;
  @Column('int')
  year!: number;
  @Column('date', { name: 'issued_on' })
  issuedOn!: string;
  @Column('date', { name: 'due_date' })
  dueDate!: string;
  @Column('bigint', { name: 'amount_ore' })
  amountOre!: string;
  @Column('bigint', { name: 'paid_ore', default: 0 })
  paidOre!: string;
  @Column('date', { name: 'paid_on', nullable: true })
  paidOn!: string | null;
  @Column('text')
  status!: string;
  @Column('bigint')
  revision!: string;
}
