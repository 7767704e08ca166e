import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@bostadsko/platform';
import { QueryBus } from '@nestjs/cqrs';
import { AllocationAuditReport } from './allocation-audit.query.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('listings/audit')
export class AuditController {
  constructor(private readonly queries: QueryBus) {}

  @Get('allocations')
  @Roles('staff', 'admin')
  @ApiOkResponse({ description: 'Every ranking and allocation re-derived from the log, with each difference from what was decided (expected: none)' })
  allocations() {
    return this.queries.execute(new AllocationAuditReport());
  }
}
