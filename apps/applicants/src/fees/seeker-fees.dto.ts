import { ApiProperty } from '@nestjs/swagger';
import { FeeResolutionDto } from './discrepancies.dto.js';
import { FeeNoticeDto, FeePaymentDto } from './fees.dto.js';

export class SeekerFeesDto {
  @ApiProperty({ format: 'uuid' }) applicantId: string;
  @ApiProperty({ type: [FeeNoticeDto] }) notices: FeeNoticeDto[];
  @ApiProperty({ type: [FeePaymentDto] }) payments: FeePaymentDto[];
  @ApiProperty({ type: [FeeResolutionDto], description: 'Discrepancies about this account that staff resolved, and how: a payment matched here from elsewhere included' })
  resolutions: FeeResolutionDto[];
}
