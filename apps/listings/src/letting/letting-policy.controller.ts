import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { CurrentUser, currentCorrelationId, Public, Roles, type AuthenticatedUser } from '@bostadsko/platform';
import { stockholmDate } from '@bostadsko/calendar';
import { LettingPolicyChangeDto, PolicyOnQuery } from './letting.dto.js';
import { LettingPolicyService } from './letting-policy.service.js';
import { Clock } from '@bostadsko/clock';

/** The letting deadlines: anyone may read what applied on a date; only admins change them, from a date on. */
@ApiTags('letting policy')
@Controller('letting/policy')
export class LettingPolicyController {
  constructor(
    private readonly policy: LettingPolicyService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Public()
  async on(@Query() query: PolicyOnQuery) {
    const on = query.on ?? stockholmDate(this.clock.now());
    return { on, ...(await this.policy.rules(on)) };
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
  async change(@CurrentUser() user: AuthenticatedUser, @Body() body: LettingPolicyChangeDto) {
    return this.policy.decide(body, user.id, this.clock.now(), currentCorrelationId() ?? randomUUID());
  }
}
