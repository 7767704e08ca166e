import { IsCalendarDate } from '@bostadsko/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, IsOptional, IsPositive, IsString, Length, Matches, Max, MaxLength } from 'class-validator';

export class RegisterPaymentDto {
  @ApiProperty({ example: '10000180', description: 'The OCR reference of the fee notice (length digit and Luhn check digit)' })
  @IsString()
  @MaxLength(25)
  @Matches(/^\d{1,25}$/, { message: 'reference must be an OCR number of digits only' })
  reference: string;

  @ApiProperty({ example: 200, description: 'Kronor, at most two decimals' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @IsPositive()
  @Max(1_000_000)
  amount: number;

  @ApiProperty({ example: '2027-03-01', description: 'The date the money was paid (decides early and late)' })
  @IsCalendarDate()
  paidOn: string;

  @ApiPropertyOptional({ example: 'BG-20270301-0001', description: "The bank's transaction reference; a payment with one is registered once, however often it is sent" })
  @IsOptional()
  @MaxLength(64)
  @Matches(/^[A-Za-z0-9._:/-]{1,64}$/, { message: 'bankReference must be 1 to 64 letters, digits or . _ : / -' })
  bankReference?: string;
}

export class PaymentResultDto {
  @ApiProperty({ example: 'bank:BG-20270301-0001' }) paymentId: string;
  @ApiProperty({ enum: ['paid', 'partly-paid', 'late', 'discrepancy', 'unmatched'], description: 'late: dated after the last pay day, so it cannot keep the account; not applied, owed back' })
  outcome: string;
  @ApiProperty({ description: 'This payment was registered before: nothing new was recorded' }) duplicate: boolean;
  @ApiProperty({ type: 'string', nullable: true, format: 'uuid' }) applicantId: string | null;
  @ApiProperty({ type: 'string', nullable: true }) noticeId: string | null;
  @ApiProperty({
    type: 'string',
    nullable: true,
    example: 'overpaid',
    description: 'too-early, late, underpaid, overpaid, already-paid, account-deregistered, unknown-reference; deregistration-reversed when a payment dated in time paid a lapsed fee',
  })
  reason: string | null;
  @ApiProperty({ example: 200 }) amount: number;
  @ApiProperty({ example: 200, description: 'The part applied to the notice' }) applied: number;
  @ApiPropertyOptional({ example: '2027-06-08', description: 'Late: the last value date that kept the account' }) lastPayDay?: string;
  @ApiPropertyOptional({
    example: '2027-06-12',
    description: 'Late: the day the account is (or was) deregistered unless payments dated by lastPayDay cover the fee; the late payment does not prevent it',
  })
  deregistrationOn?: string;
}

export class PaymentFileDto {
  @ApiProperty({ example: 'bg-2027-03-01.csv' })
  @IsString()
  @Length(1, 255)
  fileName: string;

  @ApiProperty({ description: 'The file as text, in the format of BANK-FILE.md' })
  @IsString()
  @MaxLength(2_000_000)
  content: string;
}

export class PaymentFileLineDto {
  @ApiProperty({ description: 'Line number in the file, header is line 1' }) line: number;
  @ApiProperty({ enum: ['paid', 'partly-paid', 'late', 'discrepancy', 'unmatched', 'duplicate', 'invalid'] }) outcome: string;
  @ApiPropertyOptional() reference?: string;
  @ApiPropertyOptional() amount?: number;
  @ApiPropertyOptional() paidOn?: string;
  @ApiPropertyOptional() bankReference?: string;
  @ApiPropertyOptional({ format: 'uuid' }) applicantId?: string;
  @ApiPropertyOptional() reason?: string;
  @ApiPropertyOptional({ description: 'Late: the last value date that kept the account' }) lastPayDay?: string;
  @ApiPropertyOptional({ description: 'Late: the day the account is (or was) deregistered unless payments dated in time cover the fee' }) deregistrationOn?: string;
  @ApiPropertyOptional({ type: [String] }) messages?: string[];
  @ApiPropertyOptional({ description: 'The text of an invalid line' }) text?: string;
}

export class PaymentFileReportDto {
  @ApiProperty({ description: 'SHA-256 of the file content' }) fileId: string;
  @ApiProperty({ type: 'string', nullable: true }) fileName: string | null;
  @ApiProperty({ description: 'The same file was uploaded before: nothing new was registered' }) alreadyProcessed: boolean;
  @ApiProperty({ description: 'Lines per outcome' }) summary: Record<string, number>;
  @ApiProperty({ type: [PaymentFileLineDto] }) lines: PaymentFileLineDto[];
}

export class RunFeeJobDto {
  @ApiPropertyOptional({ example: '2027-06-09', description: 'Process every day up to this one; defaults to today (Europe/Stockholm). Never a future day.' })
  @IsOptional()
  @IsCalendarDate()
  today?: string;
}

export class FeeJobRunDto {
  @ApiProperty({ type: 'string', nullable: true }) from: string | null;
  @ApiProperty({ type: 'string', nullable: true }) to: string | null;
  @ApiProperty() days: number;
  @ApiProperty() noticesIssued: number;
  @ApiProperty() deregistered: number;
  @ApiProperty({ description: 'Deregistrations reversed by a payment in time whose reversal had not been completed' }) reversed: number;
}

export class FeeNoticeDto {
  @ApiProperty() noticeId: string;
  @ApiProperty() year: number;
  @ApiProperty({ example: 200 }) amount: number;
  @ApiProperty({ example: '2027-03-10' }) dueDate: string;
  @ApiProperty({ example: '2027-02-08', description: 'Payments dated earlier are not applied' }) payableFrom: string;
  @ApiProperty({ example: '10000180', description: 'OCR reference to pay with' }) reference: string;
  @ApiProperty({ enum: ['unpaid', 'overdue', 'paid', 'deregistered'] }) status: string;
  @ApiProperty() paid: number;
  @ApiProperty() outstanding: number;
  @ApiProperty({ type: 'string', nullable: true }) paidOn: string | null;
  @ApiProperty({
    example: '2027-06-08',
    description: 'The last day a payment counts (its value date): the due date plus the grace days in force on the due date. Unpaid after it, the account is deregistered and the queue time lost',
  })
  lastPayDay: string;
}

export class FeePaymentDto {
  @ApiProperty() paymentId: string;
  @ApiProperty() reference: string;
  @ApiProperty() amount: number;
  @ApiProperty() applied: number;
  @ApiProperty() paidOn: string;
  @ApiProperty({ type: 'string', nullable: true }) noticeId: string | null;
  @ApiProperty({ type: 'string', nullable: true, example: 'overpaid' }) discrepancy: string | null;
}
