import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import type { IntegrationMessage } from '@bostadsko/bus';
import { AgreementStatusChangedV1, ApplicantRegisteredV1, LandlordUserChangedV1, LettingGuidelineChangedV1, QueueStandingChangedV1, type StandardRequirements } from '@bostadsko/contracts';
import { createTestApp, TokenService } from '@bostadsko/platform';
import { INFRASTRUCTURE, type Infrastructure } from '@bostadsko/runtime';
import { ListingsModule } from '../../apps/listings/src/listings.module.js';
import { eventually } from './eventually.js';
import { freshDatabase } from './fresh-database.js';

export interface ListingsAppOnItsOwn {
  readonly app: NestFastifyApplication;
  readonly infra: Infrastructure;
  readonly tokens: TokenService;
}

/**
 * The listings app (or `module`, which wires it with more) on a fresh database of its own, the
 * bus in it, and its jobs off: nothing writes but the test's requests and the messages it publishes.
 */
export async function startListingsApp(options: { database: string; jwtSecret: string; seedAccounts?: string; module?: unknown }): Promise<ListingsAppOnItsOwn> {
  process.env.JWT_SECRET = options.jwtSecret;
  if (options.seedAccounts) process.env.SEED_ACCOUNTS = options.seedAccounts;
  process.env.DATABASE_URL = await freshDatabase(options.database);
  process.env.LISTINGS_JOB_INTERVAL_MS = '0';
  process.env.LETTING_JOB_INTERVAL_MINUTES = '0';
  delete process.env.BUS_DATABASE_URL;
  const app = await createTestApp((options.module ?? ListingsModule) as never);
  return { app, infra: app.get(INFRASTRUCTURE), tokens: app.get(TokenService) };
}

/** Publishes on the listings app's bus what the other apps' events would bring it. */
export function publishToListings(infra: Infrastructure, messages: Array<{ type: string; key: string; payload: unknown }>): Promise<void> {
  return infra.bus.publish(
    messages.map(
      (m) => ({ id: randomUUID(), type: m.type, key: m.key, payload: m.payload, correlationId: randomUUID(), causationId: null, occurredAt: new Date().toISOString() }) satisfies IntegrationMessage,
    ),
  );
}

const rows = async (infra: Infrastructure, sql: string, params: unknown[]) => (await infra.pool.query(sql, params)).rows;

/** A seeker known to listings through the applicants app's events, active in the queue since `queueStartDate`; returns once listings has them. */
export async function seekerKnownToListings({ infra, tokens }: ListingsAppOnItsOwn, queueStartDate: string, birthYear = 1990): Promise<{ id: string; token: string }> {
  const id = randomUUID();
  await publishToListings(infra, [
    { type: ApplicantRegisteredV1.type, key: id, payload: { applicantId: id, registeredOn: queueStartDate, queueStartDate, birthYear } satisfies ApplicantRegisteredV1 },
    {
      type: QueueStandingChangedV1.type,
      key: id,
      payload: { applicantId: id, status: 'active', queueStartDate, effectiveFrom: queueStartDate, reason: 'registered' } satisfies QueueStandingChangedV1,
    },
  ]);
  await eventually(
    () => rows(infra, 'SELECT status, birth_year FROM listings.seekers WHERE applicant_id = $1', [id]),
    (r) => r[0]?.status === 'active' && r[0]?.birth_year !== null,
  );
  return { id, token: (await tokens.issue({ id, roles: ['applicant'] })).access_token };
}

/**
 * A landlord known to listings through the landlords app's events: an agreement since 2020 (active
 * unless said otherwise), a guideline asking 3 × the yearly rent and no payment remarks (with
 * `byListingType` overrides), and one letting agent, whose token is returned once listings has them all.
 */
export async function landlordKnownToListings(
  { infra, tokens }: ListingsAppOnItsOwn,
  options: { status?: 'active' | 'suspended'; byListingType?: Record<string, StandardRequirements> } = {},
): Promise<{ id: string; userId: string; token: string }> {
  const id = randomUUID();
  const userId = randomUUID();
  await publishToListings(infra, [
    {
      type: AgreementStatusChangedV1.type,
      key: id,
      payload: { landlordId: id, agreementId: randomUUID(), status: options.status ?? 'active', effectiveFrom: '2020-01-01', reason: 'signed' } satisfies AgreementStatusChangedV1,
    },
    {
      type: LettingGuidelineChangedV1.type,
      key: id,
      payload: {
        landlordId: id,
        effectiveFrom: '2020-01-01',
        standard: { incomeMultiple: 3, maxHouseholdSize: null, minAge: null, maxAge: null, noPaymentRemarks: true },
        byListingType: options.byListingType ?? {},
      } satisfies LettingGuidelineChangedV1,
    },
    { type: LandlordUserChangedV1.type, key: id, payload: { landlordId: id, userId, role: 'letting-agent', status: 'active', at: new Date().toISOString() } satisfies LandlordUserChangedV1 },
  ]);
  await eventually(
    () => rows(infra, 'SELECT jsonb_array_length(agreements) AS a, jsonb_array_length(guidelines) AS g FROM listings.landlords WHERE landlord_id = $1', [id]),
    (r) => r[0]?.a === 1 && r[0]?.g === 1,
  );
  await eventually(
    () => rows(infra, 'SELECT 1 FROM listings.landlord_users WHERE user_id = $1', [userId]),
    (r) => r.length === 1,
  );
  return { id, userId, token: (await tokens.issue({ id: userId, roles: ['landlord'], landlordId: id })).access_token };
}
