import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { VersionConflictError } from '@bostadsko/event-store';
import { InvalidRequest } from '@bostadsko/platform';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import type { CommandContext } from '../applicant/applicant.service.js';
import type { IsoDate } from '@bostadsko/calendar';
import { parseBankFile } from './bank-file.js';
import { paymentFileStream, type LineReport, type PaymentFileProcessed } from './payment.events.js';
import { PaymentsService, type PaymentResult } from './payments.service.js';

export interface PaymentFileReport {
  readonly fileId: string;
  readonly fileName: string | null;
  /** True when this exact file was processed before: nothing new was registered. */
  readonly alreadyProcessed: boolean;
  readonly lines: readonly LineReport[];
}

/**
 * A bank file is processed once, by content hash: its result is recorded in a
 * stream named by the hash, so the same file again only returns that result.
 * Each payment is also idempotent by the bank's reference, so a crash halfway, or
 * a corrected file that repeats earlier lines, registers no payment twice.
 */
@Injectable()
export class PaymentFilesService {
  constructor(
    @Inject(INFRASTRUCTURE) private readonly infra: Infrastructure,
    private readonly payments: PaymentsService,
  ) {}

  async upload(text: string, fileName: string | null, today: IsoDate, context: CommandContext): Promise<PaymentFileReport> {
    const fileId = createHash('sha256').update(text, 'utf8').digest('hex');
    const processed = await this.processedBefore(fileId);
    if (processed) return processed;
    const parsed = parseBankFile(text, today);
    if (!parsed.ok) throw new InvalidRequest([{ field: 'content', messages: [parsed.problem] }], parsed.problem);

    const lines: LineReport[] = [];
    for (const line of parsed.lines) {
      if (!('payment' in line)) {
        lines.push({ line: line.line, outcome: 'invalid', text: line.text, messages: line.messages });
        continue;
      }
      const { paidOn, reference, amountOre, bankReference } = line.payment;
      const result = await this.payments.register(
        { paymentId: `bank:${bankReference}`, reference, amountOre, paidOn, bankReference, source: 'bank-file', fileId, registeredBy: context.actor },
        context,
      );
      lines.push({ line: line.line, ...line.payment, ...reportOf(result) });
    }

    const event: PaymentFileProcessed = { type: 'payment-file-processed', data: { fileId, fileName, uploadedBy: context.actor, lines } };
    try {
      await this.infra.store.append(
        paymentFileStream(fileId),
        [{ id: randomUUID(), type: event.type, schemaVersion: 1, data: event.data, metadata: { correlationId: context.correlationId, causationId: null, actor: context.actor } }],
        'no_stream',
      );
    } catch (error) {
      // The same file uploaded twice at once: the other upload's record stands.
      if (error instanceof VersionConflictError) return (await this.processedBefore(fileId))!;
      throw error;
    }
    return { fileId, fileName, alreadyProcessed: false, lines };
  }

  private async processedBefore(fileId: string): Promise<PaymentFileReport | undefined> {
    const [recorded] = await this.infra.store.readStream(paymentFileStream(fileId));
    if (!recorded) return undefined;
    const { fileName, lines } = recorded.data as PaymentFileProcessed['data'];
    return { fileId, fileName, alreadyProcessed: true, lines };
  }
}

function reportOf(result: PaymentResult): Pick<LineReport, 'outcome' | 'applicantId' | 'reason' | 'lastPayDay' | 'deregistrationOn'> {
  return {
    outcome: result.duplicate ? 'duplicate' : result.outcome,
    ...(result.applicantId && { applicantId: result.applicantId }),
    ...(result.reason && { reason: result.reason }),
    ...(result.lastPayDay && { lastPayDay: result.lastPayDay }),
    ...(result.deregistrationOn && { deregistrationOn: result.deregistrationOn }),
  };
}
