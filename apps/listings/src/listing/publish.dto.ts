import { IsCalendarDate } from '@bostadsko/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { LISTING_TYPES, type ListingType } from '@bostadsko/contracts';

export class RequirementsDto {
  @ApiPropertyOptional({ nullable: true, example: 3, description: 'Minimum yearly income as a multiple of the yearly rent; non-taxable income counts ×1.5' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(10)
  incomeMultiple?: number | null;

  @ApiPropertyOptional({ nullable: true, example: 4 }) @IsOptional() @IsInt() @Min(1) @Max(20) maxHouseholdSize?: number | null;
  @ApiPropertyOptional({ nullable: true, example: 18 }) @IsOptional() @IsInt() @Min(0) @Max(120) minAge?: number | null;
  @ApiPropertyOptional({ nullable: true, example: 25 }) @IsOptional() @IsInt() @Min(0) @Max(120) maxAge?: number | null;
  @ApiProperty({ example: true }) @IsBoolean() noPaymentRemarks: boolean;
}

export class PublishListingDto {
  @ApiProperty({ example: 'Järntorget 4' }) @IsString() @Length(1, 200) address: string;
  @ApiProperty({ example: 'Göteborg' }) @IsString() @Length(1, 100) municipality: string;
  @ApiProperty({ example: 'Majorna' }) @IsString() @Length(1, 100) district: string;
  @ApiProperty({ example: 2, description: 'Rooms, halves allowed (1.5 = one room and a kitchenette)' }) @IsNumber({ maxDecimalPlaces: 1 }) @Min(0.5) @Max(20) rooms: number;
  @ApiProperty({ example: 54 }) @IsNumber({ maxDecimalPlaces: 1 }) @Min(5) @Max(1000) areaM2: number;
  @ApiProperty({ example: 8500, description: 'SEK per month' }) @IsInt() @Min(1) @Max(200_000) monthlyRent: number;
  @ApiProperty({ example: 3 }) @IsInt() @Min(-5) @Max(100) floor: number;
  @ApiProperty({ example: true }) @IsBoolean() lift: boolean;
  @ApiProperty({ example: '2027-02-01' }) @IsCalendarDate() moveInDate: string;
  @ApiProperty({ enum: LISTING_TYPES }) @IsIn([...LISTING_TYPES]) listingType: ListingType;
  @ApiProperty({ example: '2026-12-10', description: 'Applications are taken until the end of this Stockholm date' })
  @IsCalendarDate()
  applicationDeadline: string;

  @ApiPropertyOptional({ type: RequirementsDto, description: "Fixed once published. Omitted: the landlord's letting guideline in force today (for the type), else none" })
  @IsOptional()
  @ValidateNested()
  @Type(() => RequirementsDto)
  requirements?: RequirementsDto;
}
