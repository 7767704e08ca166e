import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches, MaxLength, ValidateIf } from 'class-validator';
import { RESOLUTIONS } from './fee-discrepancy.events.js';
import { QueryNumber } from '@bostadsko/platform';
import { PaymentResultDto } from './fees.dto.js';

export class ResolveDiscrepancyDto {
  @ApiProperty({ example: 'bank:BG-20270301-0001', description: 'The id of a listed discrepancy (GET /applicants/fees/discrepancies)' })
  @IsString()
  @Length(1, 200)
  discrepancyId: string;

  @ApiProperty({
    enum: RESOLUTIONS,
    description:
      'matched: the money is placed on the notice with `reference`, as a payment dated when it was paid; refunded: paid back; written-off: kept, or (underpaid) no longer asked for; dismissed: nothing to do. Only money the agency holds can be matched or refunded.',
  })
  @IsIn(RESOLUTIONS)
  resolution: string;

  @ApiProperty({ description: 'Why: recorded with who resolved it, and shown to the seeker in the fee history', example: 'The seeker wrote the reference of the old notice' })
  @IsString()
  @Length(5, 2000)
  note: string;

  @ApiPropertyOptional({ example: '10000180', description: 'For matched: the OCR reference of the notice the money was meant for' })
  @ValidateIf((dto: ResolveDiscrepancyDto) => dto.resolution === 'matched' || dto.reference !== undefined)
  @IsString()
  @MaxLength(25)
  @Matches(/^\d{1,25}$/, { message: 'reference must be an OCR number of digits only' })
  reference?: string;
}

export class DiscrepancyMatchDto {
  @ApiProperty() reference: string;
  @ApiProperty({ format: 'uuid' }) applicantId: string;
  @ApiProperty({ example: 'resolution:bank:BG-20270301-0001' }) paymentId: string;
}

export class ResolutionDto {
  @ApiProperty({ enum: RESOLUTIONS }) resolution: string;
  @ApiProperty() note: string;
  @ApiProperty({ description: 'The staff member who resolved it (user id)' }) resolvedBy: string;
  @ApiProperty({ example: '2027-03-02' }) resolvedOn: string;
  @ApiProperty({ type: DiscrepancyMatchDto, nullable: true }) match: DiscrepancyMatchDto | null;
}

export class DiscrepanciesQuery {
  @ApiPropertyOptional({ enum: ['discrepancy', 'unmatched', 'invalid-line'] })
  @IsOptional()
  @IsIn(['discrepancy', 'unmatched', 'invalid-line'])
  kind?: string;

  @ApiPropertyOptional({ description: 'Only the discrepancy with this id (a page resolving one)' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  id?: string;

  @ApiPropertyOptional({ enum: ['open', 'resolved', 'all'], description: 'open (the default): not yet resolved' })
  @IsOptional()
  @IsIn(['open', 'resolved', 'all'])
  state?: 'open' | 'resolved' | 'all';

  @QueryNumber({ min: 1, max: 500, integer: true, default: 100 }) limit?: number;
  @QueryNumber({ min: 0, max: 1_000_000, integer: true, default: 0 }) offset?: number;
}

export class DiscrepancyDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['discrepancy', 'unmatched', 'invalid-line'] }) kind: string;
  @ApiProperty({ example: 'overpaid' }) reason: string;
  @ApiProperty({ type: 'string', nullable: true, format: 'uuid' }) applicantId: string | null;
  @ApiProperty({ type: 'string', nullable: true }) noticeId: string | null;
  @ApiProperty({ type: 'string', nullable: true, description: "The notice's status now, e.g. paid after an earlier partial payment" }) noticeStatus: string | null;
  @ApiProperty({ type: 'string', nullable: true }) reference: string | null;
  @ApiProperty({ type: 'number', nullable: true }) amount: number | null;
  @ApiProperty({ type: 'number', nullable: true, description: 'Not applied, excess, or still outstanding (underpaid)' }) discrepancyAmount: number | null;
  @ApiProperty({ type: 'string', nullable: true }) paidOn: string | null;
  @ApiProperty({ type: 'string', nullable: true }) bankReference: string | null;
  @ApiProperty({ type: 'string', nullable: true }) fileId: string | null;
  @ApiProperty({ nullable: true, description: 'For an invalid file line: its text and what was wrong' }) detail: unknown;
  @ApiProperty() recordedAt: string;
  @ApiProperty({ type: ResolutionDto, nullable: true, description: 'How staff resolved it; null while open' }) resolution: ResolutionDto | null;
}

export class ResolutionResultDto extends ResolutionDto {
  @ApiProperty() discrepancyId: string;
  @ApiProperty({ type: 'number', nullable: true, description: 'Kronor: the money the resolution is about' }) amount: number | null;
  @ApiProperty({ type: PaymentResultDto, nullable: true, description: 'matched: how the fee rules applied the placed payment' }) payment: PaymentResultDto | null;
}

/** A resolved discrepancy in a seeker's fee history: what it was about and how it was settled. */
export class FeeResolutionDto extends ResolutionDto {
  @ApiProperty() discrepancyId: string;
  @ApiProperty({ example: 'unmatched' }) kind: string;
  @ApiProperty({ example: 'unknown-reference' }) reason: string;
  @ApiProperty({ type: 'number', nullable: true }) amount: number | null;
  @ApiProperty({ type: 'string', nullable: true }) paidOn: string | null;
}
