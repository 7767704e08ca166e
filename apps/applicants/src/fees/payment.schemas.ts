import { EventSchemas } from '@bostadsko/command-handling';
import type { PaymentFileProcessed, UnmatchedPaymentRecorded } from './payment.events.js';

/** Records appended once each (`no_stream`), without a decider: their envelope still comes from the one builder. */
export const paymentSchemas = new EventSchemas<UnmatchedPaymentRecorded | PaymentFileProcessed>({ 'unmatched-payment-recorded': 1, 'payment-file-processed': 1 });
