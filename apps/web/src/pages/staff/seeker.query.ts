import type { ApiClient, Call } from '../../api/api-client.js';
import { ApiRefusal } from '../../api/api-error.js';
import type { Account, Fees, HistoryEntry, QueueTime } from '../mine/mine.types.js';
import type { RegisterExtractSection } from '../mine/register-extract.js';
import type { CustomerCase, StaffApplication } from './staff.types.js';
import type { SeekerThread } from './threads.types.js';

export interface SeekerData {
  readonly account: Account;
  readonly queueTime: QueueTime;
  readonly history: readonly HistoryEntry[];
  readonly fees: Fees;
  readonly cases: readonly CustomerCase[];
  readonly applications: readonly StaffApplication[];
  readonly threads: readonly SeekerThread[];
}

/**
 * Everything the seeker's page shows, each part from the app that owns it, with the staff member's
 * token and stated reason: each read is logged by the app that answered it.
 */
export async function seekerData(api: ApiClient, call: Call, applicantId: string): Promise<SeekerData> {
  const base = `/applicants/${applicantId}`;
  // The account first: a person who does not exist is a 404 before anything else is read.
  const account = await api.get<Account>('applicants', base, call);
  const [queueTime, history, fees, cases, listings, threads] = await Promise.all([
    api.get<QueueTime>('applicants', `${base}/queue-time`, call),
    api.get<HistoryEntry[]>('applicants', `${base}/history`, call),
    api.get<Fees>('applicants', `${base}/fees`, call),
    api.get<CustomerCase[]>('applicants', `${base}/cases`, call),
    api.get<RegisterExtractSection>('listings', `/listings/people/${applicantId}/extract`, call).catch((error: unknown) => {
      // The listings app has never heard of a person who never applied.
      if (error instanceof ApiRefusal && error.status === 404) return undefined;
      throw error;
    }),
    api.get<SeekerThread[]>('messages', `/messages/people/${applicantId}/threads`, call).catch((error: unknown) => {
      // Nor the messages app of a person it never wrote to.
      if (error instanceof ApiRefusal && error.status === 404) return undefined;
      throw error;
    }),
  ]);
  const applications = (listings?.body.personalData as { applications?: StaffApplication[] } | null | undefined)?.applications ?? [];
  return { account: account.body, queueTime: queueTime.body, history: history.body, fees: fees.body, cases: cases.body, applications, threads: threads?.body ?? [] };
}

/** The app refused the read for want of a stated reason (none yet for this person, or one it does not accept). */
export const reasonRefused = (error: unknown): error is ApiRefusal =>
  error instanceof ApiRefusal && error.status === 400 && (error.problem.errors ?? []).some((field) => field.field === 'X-Access-Reason');
