import { stockholmDate } from '@bostadsko/calendar';
import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length } from 'class-validator';
import { CurrentUser, currentCorrelationId, IsCalendarDate, Public, Roles, type AuthenticatedUser } from '@bostadsko/platform';
import { POLICY_LIMITS, type PolicyChange, type PolicySetting, type MessagesPolicy } from './messages-policy.js';
import { PolicyService } from './policy.service.js';
import { Clock } from '@bostadsko/clock';

const SETTINGS = Object.keys(POLICY_LIMITS) as PolicySetting[];

class PolicyOnQuery {
  @ApiPropertyOptional({ example: '2026-11-24' }) @IsOptional() @IsCalendarDate() on?: string;
}

class PolicyChangeDto {
  @ApiProperty({ enum: SETTINGS }) @IsIn(SETTINGS) setting: PolicySetting;
  @ApiProperty({ example: 10 }) @IsInt() value: number;
  @ApiProperty({ example: '2027-01-01', description: 'Today or later: a rule change never rewrites history' })
  @IsCalendarDate()
  effectiveFrom: string;
  @ApiProperty({ example: 'Board decision 2026-11-20' }) @IsString() @Length(5, 500) reason: string;
}

/** Which messages are e-mailed and how delivery retries: anyone may read it; only admins change it, from a date on. */
@ApiTags('messages policy')
@Controller('messages/policy')
export class PolicyController {
  constructor(
    private readonly policy: PolicyService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Public()
  async on(@Query() query: PolicyOnQuery): Promise<MessagesPolicy & { on: string }> {
    const on = query.on ?? stockholmDate(this.clock.now());
    return { on, ...(await this.policy.on(on)) };
  }

  @Get('changes')
  @ApiBearerAuth()
  @Roles('staff', 'admin')
  changes(): Promise<PolicyChange[]> {
    return this.policy.changes();
  }

  @Post('changes')
  @ApiBearerAuth()
  @Roles('admin')
  @HttpCode(201)
  async change(@CurrentUser() user: AuthenticatedUser, @Body() body: PolicyChangeDto): Promise<PolicyChange> {
    return this.policy.decide(body, user.id, this.clock.now(), currentCorrelationId() ?? randomUUID());
  }
}
