import { IsCalendarDate } from '@bostadsko/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsOptional, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { AddressDto } from '../registering/register.dto.js';

export class AsOfQuery {
  @ApiPropertyOptional({ example: '2026-11-24', description: 'Any date, past or today; defaults to today (Europe/Stockholm)' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}

export class QueueTimeDto {
  @ApiProperty() applicantId: string;
  @ApiProperty({ example: '2026-11-24' }) asOf: string;
  @ApiProperty({ enum: ['active', 'deregistered', 'closed'] }) status: string;
  @ApiProperty({ nullable: true, example: '2019-03-01' }) queueStartDate: string | null;
  @ApiProperty({ description: 'Whole days from the queue start date to asOf; what rankings use' }) queueDays: number;
}

export class ChangeContactDto {
  @ApiPropertyOptional() @IsOptional() @IsEmail() @Length(3, 254) email?: string;
  @ApiPropertyOptional() @IsOptional() @MaxLength(30) @Matches(/^\+?[0-9 -]{6,20}$/, { message: 'phone must be a phone number' }) phone?: string;
  @ApiPropertyOptional({ type: AddressDto }) @IsOptional() @ValidateNested() @Type(() => AddressDto) address?: AddressDto;
}
