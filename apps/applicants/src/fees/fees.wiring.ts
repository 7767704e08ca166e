import type { RecordedEvent } from '@bostadsko/event-store';
import type { Migration } from '@bostadsko/postgres';
import type { Projection } from '@bostadsko/projections';
import { feeAccountsProjection } from './fee-accounts.projection.js';
import { feeDiscrepanciesProjection } from './fee-discrepancies.projection.js';
import { feeNoticesProjection } from './fee-notices.projection.js';
import { feeDiscrepancyResolutionsProjection } from './fee-discrepancy-resolutions.projection.js';
import { FEE_SCHEMA_MIGRATIONS } from './fees.schema.js';

/** The fees' part of applicants.wiring.ts. */
export const FEE_MIGRATIONS: readonly Migration[] = FEE_SCHEMA_MIGRATIONS;

/** The fees' part of applicants.wiring.ts. */
export const FEE_PROJECTIONS: readonly Projection<RecordedEvent>[] = [feeAccountsProjection, feeNoticesProjection, feeDiscrepanciesProjection, feeDiscrepancyResolutionsProjection];
