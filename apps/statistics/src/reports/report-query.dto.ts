import { IsCalendarDate } from '@bostadsko/platform';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsNumber, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { LISTING_TYPES, type ListingType } from '@bostadsko/contracts';
import { LANGUAGES, type Language } from '../formats/labels.js';
import { CUTS, type Cut } from './lettings.report.js';
import { GRANULARITIES, PERIOD_PATTERN, type Granularity } from './period.js';

export const FORMATS = ['json', 'csv', 'svg', 'png'] as const;
export type Format = (typeof FORMATS)[number];

/** The parameters every report takes; which of them an audience may use is checked by the service. */
export class ReportQueryDto {
  @ApiPropertyOptional({ example: '2025-Q2', description: 'A year (2025), quarter (2025-Q2) or month (2025-04). Give this or from and to.' })
  @IsOptional()
  @Matches(PERIOD_PATTERN, { message: 'period must be a year (2025), a quarter (2025-Q2) or a month (2025-04)' })
  period?: string;

  @ApiPropertyOptional({ example: '2025-02-15', description: 'First day of a custom range (analysts), with to' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2025-08-14', description: 'Last day of a custom range, included' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ enum: GRANULARITIES, description: 'Time series: one point per month (default), quarter or year' })
  @IsOptional()
  @IsIn(GRANULARITIES)
  granularity?: Granularity;

  @ApiPropertyOptional({ example: 'Göteborg' }) @IsOptional() @IsString() @Length(1, 100) municipality?: string;
  @ApiPropertyOptional({ example: 'Majorna' }) @IsOptional() @IsString() @Length(1, 100) district?: string;

  @ApiPropertyOptional({ example: 2, maximum: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'rooms must be a number' })
  @Min(0.5)
  @Max(20)
  rooms?: number;

  @ApiPropertyOptional({ enum: LISTING_TYPES }) @IsOptional() @IsIn(LISTING_TYPES) listingType?: ListingType;
  @ApiPropertyOptional({ description: 'One landlord (analysts)' }) @IsOptional() @IsUUID() landlordId?: string;

  @ApiPropertyOptional({ example: 'district,rooms', description: `Break the lettings report down by up to three of: ${CUTS.join(', ')}` })
  @IsOptional()
  @Transform(({ value }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : value,
  )
  @ArrayMaxSize(3)
  @IsIn(CUTS, { each: true, message: `by must list cuts among ${CUTS.join(', ')}` })
  by?: Cut[];

  @ApiPropertyOptional({ enum: FORMATS, description: 'json (default), csv; svg and png for the time series and the queue-time-needed table' })
  @IsOptional()
  @IsIn(FORMATS)
  format?: Format;

  @ApiPropertyOptional({ enum: LANGUAGES, description: 'Language of chart text (Swedish first)' })
  @IsOptional()
  @IsIn(LANGUAGES)
  lang?: Language;

  @ApiPropertyOptional({ enum: ['store', 'raw'], description: 'raw: computed by PostgreSQL straight from the lettings rows (analysts; slower, for checking)' })
  @IsOptional()
  @IsIn(['store', 'raw'])
  source?: 'store' | 'raw';
}
