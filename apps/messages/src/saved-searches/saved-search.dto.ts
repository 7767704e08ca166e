import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsNumber, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { LISTING_TYPES, type ListingType } from '@bostadsko/contracts';
import { IsCalendarDate } from '@bostadsko/platform';
import { ALERT_MODES, type AlertMode } from './saved-search.events.js';

/** The search page's filters, bounded as the listings API bounds them, plus the list types and how to be alerted. */
export class SaveSearchDto {
  @ApiPropertyOptional({ example: 'Göteborg' }) @IsOptional() @IsString() @Length(1, 100) municipality?: string;
  @ApiPropertyOptional({ example: 'Majorna' }) @IsOptional() @IsString() @Length(1, 100) district?: string;
  @ApiPropertyOptional({ maximum: 20 }) @IsOptional() @IsNumber() @Min(0) @Max(20) roomsMin?: number;
  @ApiPropertyOptional({ maximum: 20 }) @IsOptional() @IsNumber() @Min(0) @Max(20) roomsMax?: number;
  @ApiPropertyOptional({ maximum: 1_000_000 }) @IsOptional() @IsNumber() @Min(0) @Max(1_000_000) rentMin?: number;
  @ApiPropertyOptional({ maximum: 1_000_000 }) @IsOptional() @IsNumber() @Min(0) @Max(1_000_000) rentMax?: number;
  @ApiPropertyOptional({ maximum: 1000 }) @IsOptional() @IsNumber() @Min(0) @Max(1000) areaMin?: number;
  @ApiPropertyOptional({ maximum: 1000 }) @IsOptional() @IsNumber() @Min(0) @Max(1000) areaMax?: number;
  @ApiPropertyOptional({ example: '2027-01-01' }) @IsOptional() @IsCalendarDate() moveInFrom?: string;
  @ApiPropertyOptional({ example: '2027-03-31' }) @IsOptional() @IsCalendarDate() moveInTo?: string;
  @ApiPropertyOptional({ enum: LISTING_TYPES, isArray: true, maxItems: LISTING_TYPES.length, description: 'None: every list type the seeker may apply for' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LISTING_TYPES.length)
  @IsIn([...LISTING_TYPES], { each: true })
  listTypes?: ListingType[];
  @ApiPropertyOptional({ enum: ALERT_MODES, default: 'immediate' }) @IsOptional() @IsIn(ALERT_MODES) alerts?: AlertMode;
}

export class AlertModeDto {
  @ApiProperty({ enum: ALERT_MODES }) @IsIn(ALERT_MODES) alerts: AlertMode;
}

export class DigestTimeDto {
  @ApiProperty({ example: '07:00', description: 'HH:MM, Swedish time', maxLength: 5 }) @IsString() @MaxLength(5) @Matches(/^([01]\d|2[0-3]):[0-5]\d$/) digestTime: string;
}
