import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/public.decorator.js';
import { HEALTH_CHECKS, runHealthChecks, type HealthChecks, type HealthReport } from './health-checks.js';

/** Outside any global prefix, so probes use the same path for every app. */
export const HEALTH_PATH = 'health';

@ApiTags('health')
@Controller(HEALTH_PATH)
export class HealthController {
  constructor(@Inject(HEALTH_CHECKS) private readonly checks: HealthChecks) {}

  @Public()
  @Get()
  @ApiOkResponse({ description: 'Every dependency answered: `{ status: "ok", checks: { database: "up", ... } }`' })
  @ApiServiceUnavailableResponse({
    description: 'Some dependency failed: `checks` marks it down and `errors` says why (the health report, not problem details)',
    schema: { type: 'object', example: { status: 'error', checks: { database: 'down', eventStore: 'up', bus: 'up' }, errors: { database: 'connect ECONNREFUSED 127.0.0.1:5433' } } },
  })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthReport> {
    const report = await runHealthChecks(this.checks);
    if (report.status !== 'ok') reply.status(503);
    return report;
  }
}
