import { Module, type DynamicModule } from '@nestjs/common';
import { accessLogProviders } from '@bostadsko/access-log';
import { ApplicantService } from '../applicant/applicant.service.js';
import { PolicyService } from '../policy/policy.service.js';
import { CsvBodyParser } from './csv-body.js';
import { FeeAccountService } from './fee-account.service.js';
import { DiscrepancyResolutionService } from './discrepancy-resolution.service.js';
import { RegisterPaymentHandler, ResolveFeeDiscrepancyHandler, RunFeeJobHandler, UploadPaymentFileHandler } from './fee.handlers.js';
import { FeeJobs } from './fee-jobs.js';
import { FeeDiscrepanciesHandler, SeekerFeesOfHandler } from './fee.queries.js';
import { DeregisterForUnpaidFeeHandler, IssueFeeNoticeHandler, LapseForUnpaidFeeHandler, ReverseDeregistrationHandler } from './fee-job.commands.js';
import { FeeJobsController } from './fee-jobs.controller.js';
import { PaymentFilesService } from './payment-files.service.js';
import { PaymentsController } from './payments.controller.js';
import { PaymentsService } from './payments.service.js';
import { SeekerFeesController } from './seeker-fees.controller.js';

/**
 * The annual fee: notices, payments, bank files and the daily job. Given the
 * app's EventSourcingModule (the same object the app imports, so one
 * infrastructure is shared). ApplicantService and PolicyService are declared
 * here as well: both are stateless wrappers of the event store, so this
 * module's own instances behave exactly like the app's. So does the access log of staff reads.
 * Its controllers dispatch through the CommandBus of the app's CqrsModule.forRoot() (global).
 */
@Module({})
export class FeesModule {
  static register(eventSourcing: DynamicModule): DynamicModule {
    return {
      module: FeesModule,
      imports: [eventSourcing],
      controllers: [PaymentsController, FeeJobsController, SeekerFeesController],
      providers: [
        ...accessLogProviders('applicants'),
        ApplicantService,
        PolicyService,
        FeeAccountService,
        PaymentsService,
        PaymentFilesService,
        DiscrepancyResolutionService,
        FeeJobs,
        CsvBodyParser,
        RegisterPaymentHandler,
        UploadPaymentFileHandler,
        RunFeeJobHandler,
        ResolveFeeDiscrepancyHandler,
        SeekerFeesOfHandler,
        FeeDiscrepanciesHandler,
        IssueFeeNoticeHandler,
        LapseForUnpaidFeeHandler,
        DeregisterForUnpaidFeeHandler,
        ReverseDeregistrationHandler,
      ],
      exports: [FeeAccountService, FeeJobs],
    };
  }
}
