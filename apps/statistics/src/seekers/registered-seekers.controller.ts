import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import type pg from 'pg';
import { PG_POOL, Roles } from '../../../../libs/platform/src/index.js';
import { registeredSeekers, type RegisteredSeekers } from './registered-seekers.query.js';

class RegisteredSeekersQuery {
  @ApiPropertyOptional({ example: '2026-11-24', description: 'Count seekers registered on or before this date; defaults to today' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'asOf must be a date, YYYY-MM-DD' })
  asOf?: string;
}

class MonthCount {
  @ApiProperty({ example: '2026-11' }) month: string;
  @ApiProperty() registrations: number;
}

class RegisteredSeekersDto {
  @ApiProperty() total: number;
  @ApiProperty() asOf: string;
  @ApiProperty({ type: [MonthCount] }) byMonth: MonthCount[];
}

@ApiTags('statistics')
@ApiBearerAuth()
@Controller('statistics')
export class RegisteredSeekersController {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  @Get('registered-seekers')
  @Roles('analyst', 'staff', 'admin')
  @ApiOkResponse({ type: RegisteredSeekersDto })
  get(@Query() query: RegisteredSeekersQuery): Promise<RegisteredSeekers> {
    return registeredSeekers(this.pool, query.asOf ?? new Date().toISOString().slice(0, 10));
  }
}
