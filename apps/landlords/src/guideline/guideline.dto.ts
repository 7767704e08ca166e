import { IsCalendarDate } from '@bostadsko/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsNumber, IsObject, IsOptional, IsString, Length, Max, Min, ValidateNested, ValidateBy, type ValidationArguments } from 'class-validator';
import type { Requirements } from './guideline.events.js';
import { LISTING_TYPES } from '@bostadsko/contracts';

/** null (or absent) means "no such requirement". */
export class RequirementsDto {
  @ApiPropertyOptional({ example: 3, nullable: true, description: 'Minimum yearly income as a multiple of the yearly rent' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(10)
  incomeMultiple?: number | null;

  @ApiPropertyOptional({ example: 4, nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(20) maxHouseholdSize?: number | null;
  @ApiPropertyOptional({ example: 18, nullable: true }) @IsOptional() @IsInt() @Min(16) @Max(120) minAge?: number | null;
  @ApiPropertyOptional({ example: 25, nullable: true }) @IsOptional() @IsInt() @Min(16) @Max(120) maxAge?: number | null;
  @ApiProperty({ example: true }) @IsBoolean() noPaymentRemarks: boolean;
}

export const toRequirements = (dto: RequirementsDto): Requirements => ({
  incomeMultiple: dto.incomeMultiple ?? null,
  maxHouseholdSize: dto.maxHouseholdSize ?? null,
  minAge: dto.minAge ?? null,
  maxAge: dto.maxAge ?? null,
  noPaymentRemarks: dto.noPaymentRemarks,
});

/** Each value of the map is validated as requirements; keys must be listing types. */
const EachRequirements = () =>
  ValidateBy({
    name: 'eachRequirements',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'object' && value !== null && !Array.isArray(value) && Object.entries(value).every(([type, r]) => (LISTING_TYPES as readonly string[]).includes(type) && validRequirements(r)),
      defaultMessage: (a?: ValidationArguments) =>
        `${a?.property} must map listing types (${LISTING_TYPES.join(', ')}) to requirements {incomeMultiple, maxHouseholdSize, minAge, maxAge, noPaymentRemarks}`,
    },
  });

function validRequirements(r: unknown): boolean {
  if (typeof r !== 'object' || r === null) return false;
  const o = r as Record<string, unknown>;
  const allowed = ['incomeMultiple', 'maxHouseholdSize', 'minAge', 'maxAge', 'noPaymentRemarks'];
  const intIn = (v: unknown, min: number, max: number) => v === undefined || v === null || (Number.isInteger(v) && (v as number) >= min && (v as number) <= max);
  return (
    Object.keys(o).every((k) => allowed.includes(k)) &&
    typeof o.noPaymentRemarks === 'boolean' &&
    (o.incomeMultiple === undefined || o.incomeMultiple === null || (typeof o.incomeMultiple === 'number' && o.incomeMultiple >= 0 && o.incomeMultiple <= 10)) &&
    intIn(o.maxHouseholdSize, 1, 20) &&
    intIn(o.minAge, 16, 120) &&
    intIn(o.maxAge, 16, 120)
  );
}

export class ChangeGuidelineDto {
  @ApiProperty({ example: '2026-12-01', description: 'Applies to listings published from this date; today or later' }) @IsCalendarDate() effectiveFrom: string;
  @ApiProperty({ type: RequirementsDto }) @IsObject() @ValidateNested() @Type(() => RequirementsDto) standard: RequirementsDto;
  @ApiPropertyOptional({ example: { youth: { minAge: 18, maxAge: 25, incomeMultiple: 2, noPaymentRemarks: true } }, description: 'Requirements per listing type, replacing the standard ones there' })
  @IsOptional()
  @IsObject()
  @EachRequirements()
  byListingType?: Record<string, RequirementsDto>;
  @ApiProperty({ example: 'Board decision 2026-11: income multiple lowered to 3' }) @IsString() @Length(3, 2_000) reason: string;
}

export class OnQuery {
  @ApiPropertyOptional({ example: '2026-12-01', description: 'Defaults to today (Stockholm)' }) @IsOptional() @IsCalendarDate() on?: string;
}
