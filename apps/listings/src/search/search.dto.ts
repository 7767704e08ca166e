import { IsCalendarDate, QueryNumber } from '@bostadsko/platform';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { LISTING_TYPES, type ListingType } from '@bostadsko/contracts';

export const SORTS = ['published', '-published', 'deadline', '-deadline', 'rent', '-rent', 'area', '-area', 'rooms', '-rooms', 'moveIn', '-moveIn'] as const;

export class SearchListingsQuery {
  @ApiPropertyOptional({ example: 'Göteborg' }) @IsOptional() @IsString() @Length(1, 100) municipality?: string;
  @ApiPropertyOptional({ example: 'Majorna' }) @IsOptional() @IsString() @Length(1, 100) district?: string;
  @QueryNumber({ min: 0, max: 20 }) roomsMin?: number;
  @QueryNumber({ min: 0, max: 20 }) roomsMax?: number;
  @QueryNumber({ min: 0, max: 1_000_000 }) rentMin?: number;
  @QueryNumber({ min: 0, max: 1_000_000 }) rentMax?: number;
  @QueryNumber({ min: 0, max: 1000 }) areaMin?: number;
  @QueryNumber({ min: 0, max: 1000 }) areaMax?: number;
  @ApiPropertyOptional({ enum: LISTING_TYPES }) @IsOptional() @IsIn([...LISTING_TYPES]) type?: ListingType;
  @ApiPropertyOptional({ example: '2027-01-01' }) @IsOptional() @IsCalendarDate() moveInFrom?: string;
  @ApiPropertyOptional({ example: '2027-03-31' }) @IsOptional() @IsCalendarDate() moveInTo?: string;
  @ApiPropertyOptional({ enum: SORTS, default: '-published' }) @IsOptional() @IsIn([...SORTS]) sort?: (typeof SORTS)[number];
  @QueryNumber({ min: 1, max: 10_000, integer: true, default: 1 }) page?: number;
  @QueryNumber({ min: 1, max: 100, integer: true, default: 20 }) pageSize?: number;
}
