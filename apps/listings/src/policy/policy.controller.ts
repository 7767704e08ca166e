import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsNumber, IsOptional, IsString, Length } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { IsCalendarDate, CurrentUser, currentCorrelationId, Public, Roles, type AuthenticatedUser } from '@bostadsko/platform';
import { Clock } from '@bostadsko/clock';
import { stockholmDate } from '@bostadsko/calendar';
import { POLICY_LIMITS, type ListingPolicy, type PolicySetting } from './listing-policy.js';
import { PolicyService } from './policy.service.js';

const SETTINGS = Object.keys(POLICY_LIMITS) as PolicySetting[];

class PolicyOnQuery {
  @ApiPropertyOptional({ example: '2026-11-24' }) @IsOptional() @IsCalendarDate() on?: string;
}

class PolicyChangeDto {
  @ApiProperty({ enum: SETTINGS }) @IsIn(SETTINGS) setting: PolicySetting;
  @ApiProperty() @IsNumber({ maxDecimalPlaces: 2 }) value: number;
  @ApiProperty({ example: '2027-01-01', description: 'Today or later: a rule change never rewrites history' })
  @IsCalendarDate()
  effectiveFrom: string;
  @ApiProperty({ example: 'Board decision 2026-11-20, §4' }) @IsString() @Length(5, 500) reason: string;
}

/** The published listing rules: anyone may read what applied on a date; only admins change them, from a date on. */
@ApiTags('policy')
@Controller('listings/policy')
export class PolicyController {
  constructor(
    private readonly policy: PolicyService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Public()
  async on(@Query() query: PolicyOnQuery): Promise<ListingPolicy & { on: string }> {
    const on = query.on ?? stockholmDate(this.clock.now());
    return { on, ...(await this.policy.on(on)) };
  }

  @Get('changes')
  @ApiBearerAuth()
  @Roles('staff', 'admin')
  changes() {
    return this.policy.changes();
  }

  @Post('changes')
  @ApiBearerAuth()
  @Roles('admin')
  @HttpCode(201)
  async change(@CurrentUser() user: AuthenticatedUser, @Body() body: PolicyChangeDto) {
    return this.policy.decide(body, user.id, this.clock.now(), currentCorrelationId() ?? randomUUID());
  }
}
