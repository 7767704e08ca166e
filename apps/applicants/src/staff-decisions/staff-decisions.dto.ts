import { IsCalendarDate } from '@bostadsko/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { PERSONNUMMER_PATTERN } from '../registering/register.dto.js';

class DecisionDto {
  @ApiProperty({ description: 'The customer case this decision answers' }) @IsUUID() @MaxLength(36) caseId: string;
  @ApiProperty({ description: 'Why: shown to the seeker in their history' }) @IsString() @Length(5, 2000) explanation: string;
}

export class QueueDecisionDto extends DecisionDto {
  @ApiProperty({ enum: ['staff-correction', 'restored-after-agency-error'] })
  @IsIn(['staff-correction', 'restored-after-agency-error'])
  reason: 'staff-correction' | 'restored-after-agency-error';

  @ApiProperty({ example: '2019-03-01' }) @IsCalendarDate() queueStartDate: string;

  @ApiPropertyOptional({ description: 'From when the new start date applies; defaults to today' })
  @IsOptional()
  @IsCalendarDate()
  effectiveFrom?: string;
}

export class TransferDto extends DecisionDto {
  @ApiProperty({ description: 'The spouse or cohabitant co-applicant whose queue time is transferred (death, care home)' })
  @IsUUID()
  @MaxLength(36)
  fromApplicantId: string;
}

export class PersonnummerChangeDto {
  @ApiProperty({ description: 'The case holding the tax agency certificate' }) @IsUUID() @MaxLength(36) caseId: string;
  @ApiProperty({ example: '19811218-9876' })
  @MaxLength(13)
  @Matches(PERSONNUMMER_PATTERN, { message: 'personnummer must look like YYYYMMDD-NNNN or YYMMDD-NNNN' })
  personnummer: string;
}
