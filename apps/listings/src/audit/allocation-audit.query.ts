import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AllocationAudit, type AuditReport } from './allocation-audit.js';

/** Every ranking and allocation re-derived from the log, with each difference from what was decided. */
export class AllocationAuditReport extends Query<AuditReport> {}

@QueryHandler(AllocationAuditReport)
export class AllocationAuditReportHandler implements IQueryHandler<AllocationAuditReport, AuditReport> {
  constructor(private readonly audit: AllocationAudit) {}

  execute(): Promise<AuditReport> {
    return this.audit.run();
  }
}
