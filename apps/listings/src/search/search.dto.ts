import { IsCalendarDate } from '@bostadsko/platform';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { LISTING_TYPES, type ListingType } from '@bostadsko/contracts';

export const SORTS = ['published', '-published', 'deadline', '-deadline', 'rent', '-rent', 'area', '-area', 'rooms', '-rooms', 'moveIn', '-moveIn'] as const;

export class SearchListingsQuery {
  @ApiPropertyOptional({ example: 'Göteborg' }) @IsOptional() @IsString() @Length(1, 100) municipality?: string;
  @ApiPropertyOptional({ example: 'Majorna' }) @IsOptional() @IsString() @Length(1, 100) district?: string;
  @ApiPropertyOptional({ maximum: 20 }) @IsOptional() @Type(() => Number) @IsNumber() @Min(0) @Max(20) roomsMin?: number;
  @ApiPropertyOptional({ maximum: 20 }) @IsOptional() @Type(() => Number) @IsNumber() @Min(0) @Max(20) roomsMax?: number;
  @ApiPropertyOptional({ maximum: 1_000_000 }) @IsOptional() @Type(() => Number) @IsNumber() @Min(0) @Max(1_000_000) rentMin?: number;
  @ApiPropertyOptional({ maximum: 1_000_000 }) @IsOptional() @Type(() => Number) @IsNumber() @Min(0) @Max(1_000_000) rentMax?: number;
  @ApiPropertyOptional({ maximum: 1000 }) @IsOptional() @Type(() => Number) @IsNumber() @Min(0) @Max(1000) areaMin?: number;
  @ApiPropertyOptional({ maximum: 1000 }) @IsOptional() @Type(() => Number) @IsNumber() @Min(0) @Max(1000) areaMax?: number;
  @ApiPropertyOptional({ enum: LISTING_TYPES }) @IsOptional() @IsIn([...LISTING_TYPES]) type?: ListingType;
  @ApiPropertyOptional({ example: '2027-01-01' }) @IsOptional() @IsCalendarDate() moveInFrom?: string;
  @ApiPropertyOptional({ example: '2027-03-31' }) @IsOptional() @IsCalendarDate() moveInTo?: string;
  @ApiPropertyOptional({ enum: SORTS, default: '-published' }) @IsOptional() @IsIn([...SORTS]) sort?: (typeof SORTS)[number];
  @ApiPropertyOptional({ default: 1, maximum: 10_000 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10_000) page?: number;
  @ApiPropertyOptional({ default: 20, maximum: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize?: number;
}
