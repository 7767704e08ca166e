import { IsCalendarDate } from '@bostadsko/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn, IsInt, IsISO8601, IsNumber, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { LETTING_POLICY_LIMITS, type LettingPolicySetting } from './letting.policy.js';

export class SlotDto {
  @ApiProperty({ example: '2026-12-02T16:00:00+01:00' }) @MaxLength(40) @IsISO8601({ strict: true }, { message: 'startsAt must be a date and time (ISO 8601)' }) startsAt: string;
  @ApiProperty({ example: '2026-12-02T16:30:00+01:00' }) @MaxLength(40) @IsISO8601({ strict: true }, { message: 'endsAt must be a date and time (ISO 8601)' }) endsAt: string;
}

export class ScheduleShowingDto {
  @ApiProperty({ type: [SlotDto], description: 'Invitees are spread over the slots in ranking order' })
  @ValidateNested({ each: true })
  @Type(() => SlotDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  slots: SlotDto[];

  @ApiPropertyOptional({ example: '2026-12-05', description: "Defaults to the last slot plus the policy's interestAnswerDays" })
  @IsOptional()
  @IsCalendarDate()
  answerBy?: string;
}

export class InterestDto {
  @ApiProperty({ description: 'true: still interested after the showing; false: declines (no penalty). No answer by the deadline counts as no.' })
  @IsBoolean()
  interested: boolean;
}

export class VerificationDto {
  @ApiProperty() @IsUUID() @MaxLength(36) applicationId: string;
  @ApiProperty({ example: '2026-12-06', description: 'When the certificates reached the agency; after the due date is a withdrawal (avhopp)' })
  @IsCalendarDate()
  certificatesReceivedOn: string;
  @ApiProperty({ minimum: 1, maximum: 20 }) @IsInt() @Min(1) @Max(20) householdSize: number;
  @ApiProperty({ description: 'SEK per year, from the income certificate' }) @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) @Max(100_000_000) taxableIncome: number;
  @ApiProperty({ description: 'SEK per year; counts ×1.5 (listings policy)' }) @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) @Max(100_000_000) nonTaxableIncome: number;
  @ApiProperty({ example: '1990-05-05' }) @IsCalendarDate() birthDate: string;
  @ApiProperty() @IsBoolean() hasPaymentRemarks: boolean;
}

export class RejectDto {
  @ApiProperty({ example: 'References from the previous landlord show unpaid rent', description: 'Shown to the applicant and kept in the record' })
  @IsString()
  @Length(3, 1000)
  reason: string;
}

export class ContractDto {
  @ApiProperty({ example: '2026-12-10' }) @IsCalendarDate() contractDate: string;
}

export class CancelDto {
  @ApiProperty({ example: 'The landlord did not hand over the flat' }) @IsString() @Length(3, 1000) reason: string;
}

const SETTINGS = Object.keys(LETTING_POLICY_LIMITS) as LettingPolicySetting[];

export class LettingPolicyChangeDto {
  @ApiProperty({ enum: SETTINGS }) @IsIn(SETTINGS) setting: LettingPolicySetting;
  @ApiProperty() @IsInt() value: number;
  @ApiProperty({ example: '2027-01-01', description: 'Today or later: a rule change never rewrites history' }) @IsCalendarDate() effectiveFrom: string;
  @ApiProperty({ example: 'Board decision 2026-11-20, §4' }) @IsString() @Length(5, 500) reason: string;
}

export class PolicyOnQuery {
  @ApiPropertyOptional({ example: '2026-11-24' }) @IsOptional() @IsCalendarDate() on?: string;
}
