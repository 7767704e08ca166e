import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsUUID, Max, Min } from 'class-validator';

export class ApplyDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() listingId: string;
  @ApiProperty({ example: 2, description: 'Persons who will live in the flat, you included' }) @IsInt() @Min(1) @Max(20) householdSize: number;
  @ApiProperty({ example: 360000, description: 'Household taxable income, SEK per year' }) @IsInt() @Min(0) @Max(100_000_000) taxableIncome: number;
  @ApiProperty({ example: 0, description: 'Non-taxable income (e.g. housing allowance), SEK per year; counts ×1.5 against the income requirement' })
  @IsInt() @Min(0) @Max(100_000_000)
  nonTaxableIncome: number;
  @ApiProperty({ example: false, description: 'Declared now, verified before a contract is proposed' }) @IsBoolean() hasPaymentRemarks: boolean;
}
