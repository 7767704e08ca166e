import { CustomerCaseRow } from './cases/customer-cases.entity.js';
import { FeeAccountDue } from './fees/fee-accounts.entity.js';
import { FeeDiscrepancy } from './fees/fee-discrepancies.entity.js';
import { FeeDiscrepancyResolution } from './fees/fee-discrepancy-resolutions.entity.js';
import { FeeNoticeRow } from './fees/fee-notices.entity.js';
import { QueueTimeRow } from './queue-time/queue-time.entity.js';
import { SeekerDirectoryEntry } from './seeker-search/seeker-directory.entity.js';

/** The app's read-model tables as TypeORM entities: its repositories read through them, and its int-spec holds them to the tables. */
export const APPLICANTS_ENTITIES = [CustomerCaseRow, FeeAccountDue, FeeDiscrepancy, FeeDiscrepancyResolution, FeeNoticeRow, QueueTimeRow, SeekerDirectoryEntry];
