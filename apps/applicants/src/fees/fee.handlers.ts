import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@bostadsko/command-handling';
import type { IsoDate } from '@bostadsko/calendar';
import type { IncomingPayment } from './fee-account.events.js';
import { DiscrepancyResolutionService, type ResolutionRequest, type ResolutionResult } from './discrepancy-resolution.service.js';
import { FeeJobs, type FeeJobRun } from './fee-jobs.js';
import { PaymentFilesService, type PaymentFileReport } from './payment-files.service.js';
import { PaymentsService, type PaymentResult } from './payments.service.js';

/** Staff register one payment by hand: applied to its notice, or kept for staff as a discrepancy or unmatched. */
export class RegisterPayment extends Command<PaymentResult> {
  constructor(
    readonly payment: IncomingPayment,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** A bank payment file: each line registered as a payment, the file recorded once. */
export class UploadPaymentFile extends Command<PaymentFileReport> {
  constructor(
    readonly content: string,
    readonly fileName: string | null,
    readonly today: IsoDate,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Staff settle a listed discrepancy: match it to a notice, refund, write off or dismiss, with a note. */
export class ResolveFeeDiscrepancy extends Command<ResolutionResult> {
  constructor(
    readonly request: ResolutionRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** The fee job for every day since its last completed one, up to `today`. */
export class RunFeeJob extends Command<FeeJobRun> {
  constructor(
    readonly today: IsoDate,
    readonly correlationId: string,
  ) {
    super();
  }
}

@CommandHandler(RegisterPayment)
export class RegisterPaymentHandler implements ICommandHandler<RegisterPayment, PaymentResult> {
  constructor(private readonly payments: PaymentsService) {}

  execute({ payment, context }: RegisterPayment): Promise<PaymentResult> {
    return this.payments.register(payment, context);
  }
}

@CommandHandler(UploadPaymentFile)
export class UploadPaymentFileHandler implements ICommandHandler<UploadPaymentFile, PaymentFileReport> {
  constructor(private readonly files: PaymentFilesService) {}

  execute({ content, fileName, today, context }: UploadPaymentFile): Promise<PaymentFileReport> {
    return this.files.upload(content, fileName, today, context);
  }
}

@CommandHandler(RunFeeJob)
export class RunFeeJobHandler implements ICommandHandler<RunFeeJob, FeeJobRun> {
  constructor(private readonly jobs: FeeJobs) {}

  execute({ today, correlationId }: RunFeeJob): Promise<FeeJobRun> {
    return this.jobs.runUntil(today, correlationId);
  }
}

@CommandHandler(ResolveFeeDiscrepancy)
export class ResolveFeeDiscrepancyHandler implements ICommandHandler<ResolveFeeDiscrepancy, ResolutionResult> {
  constructor(private readonly resolutions: DiscrepancyResolutionService) {}

  execute({ request, context }: ResolveFeeDiscrepancy): Promise<ResolutionResult> {
    return this.resolutions.resolve(request, context);
  }
}
