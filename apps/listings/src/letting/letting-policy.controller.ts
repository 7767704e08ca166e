import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { CurrentUser, currentCorrelationId, DomainRuleViolation, Public, Roles, type AuthenticatedUser } from '../../../../libs/platform/src/index.js';
import { stockholmDate } from './dates.js';
import { LettingPolicyChangeDto, PolicyOnQuery } from './letting.dto.js';
import { LETTING_POLICY_LIMITS } from './letting.policy.js';
import { LettingPolicyService } from './letting-policy.service.js';

/** The letting deadlines: anyone may read what applied on a date; only admins change them, from a date on. */
@ApiTags('letting policy')
@Controller('letting/policy')
export class LettingPolicyController {
  constructor(private readonly policy: LettingPolicyService) {}

  @Get()
  @Public()
  async on(@Query() query: PolicyOnQuery) {
    const on = query.on ?? stockholmDate(new Date());
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
    const limits = LETTING_POLICY_LIMITS[body.setting];
    if (body.value < limits.min || body.value > limits.max) {
      throw new DomainRuleViolation(`${body.setting} must be between ${limits.min} and ${limits.max}`, { extensions: { errors: [{ field: 'value', messages: [`between ${limits.min} and ${limits.max}`] }] } });
    }
    if (body.effectiveFrom < stockholmDate(new Date())) {
      throw new DomainRuleViolation('A policy change takes effect today or later: it never rewrites history', { extensions: { errors: [{ field: 'effectiveFrom', messages: ['must be today or later'] }] } });
    }
    const change = { ...body, decidedBy: user.id, decidedAt: new Date().toISOString() };
    await this.policy.change(change, currentCorrelationId() ?? randomUUID());
    return change;
  }
}
