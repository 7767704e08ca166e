import { IsCalendarDate } from '../../../../libs/platform/src/index.js';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { LISTING_TYPES, type ListingType } from '../../../../libs/contracts/src/index.js';

export const SORTS = ['published', '-published', 'deadline', '-deadline', 'rent', '-rent', 'area', '-area', 'rooms', '-rooms', 'moveIn', '-moveIn'] as const;

export class SearchListingsQuery {
  @ApiPropertyOptional({ example: 'Göteborg' }) @IsOptional() @IsString() @Length(1, 100) municipality?: string;
  @ApiPropertyOptional({ example: 'Majorna' }) @IsOptional() @IsString() @Length(1, 100) district?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsNumber() @Min(0) roomsMin?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsNumber() @Min(0) roomsMax?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsNumber() @Min(0) rentMin?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsNumber() @Min(0) rentMax?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsNumber() @Min(0) areaMin?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsNumber() @Min(0) areaMax?: number;
  @ApiPropertyOptional({ enum: LISTING_TYPES }) @IsOptional() @IsIn([...LISTING_TYPES]) type?: ListingType;
  @ApiPropertyOptional({ example: '2027-01-01' }) @IsOptional() @IsCalendarDate() moveInFrom?: string;
  @ApiPropertyOptional({ example: '2027-03-31' }) @IsOptional() @IsCalendarDate() moveInTo?: string;
  @ApiPropertyOptional({ enum: SORTS, default: '-published' }) @IsOptional() @IsIn([...SORTS]) sort?: (typeof SORTS)[number];
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10_000) page?: number;
  @ApiPropertyOptional({ default: 20 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize?: number;
}
