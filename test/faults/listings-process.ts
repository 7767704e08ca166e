import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import type pg from 'pg';

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An HS256 token as the platform's TokenService issues it, so a fault test needs no sign-in. */
export function token(secret: string, claims: { sub: string; roles: string[]; landlordId?: string }): string {
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ ...claims, iat: now, exp: now + 3600 })}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

/** The listings app from dist/ in its own process, as `npm start` runs it; resolves once /health answers. */
export async function startListings(port: number, env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['dist/apps/listings/src/main.js'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...env, PORT: String(port) } });
  for (let attempt = 0; attempt < 600; attempt++) {
    if (child.exitCode !== null) throw new Error(`the listings app exited with code ${child.exitCode}`);
    const healthy = await fetch(`http://127.0.0.1:${port}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) return child;
    await pause(200);
  }
  child.kill('SIGKILL');
  throw new Error('the listings app did not become healthy');
}

export function killed(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/**
 * A landlord with an active agreement and seekers, written into the listings app's
 * read models as the landlords and applicants apps' events would leave them, so a
 * burst needs no other app. Returns the landlord's id and the seekers' ids.
 */
export async function seedLandlordAndSeekers(pool: pg.Pool, seekers: number): Promise<{ landlordId: string; seekers: string[] }> {
  const landlordId = randomUUID();
  await pool.query(`INSERT INTO listings.landlords (landlord_id, agreements) VALUES ($1, jsonb_build_array($2::jsonb))`, [
    landlordId,
    JSON.stringify({ messageId: `faults-${landlordId}`, agreementId: randomUUID(), status: 'active', effectiveFrom: '2020-01-01', occurredAt: '2020-01-01T00:00:00.000Z' }),
  ]);
  const ids = Array.from({ length: seekers }, () => randomUUID());
  await pool.query(
    `INSERT INTO listings.seekers (applicant_id, birth_year, registered_on, timeline, status, queue_start_date)
     SELECT id, 1980, date '2015-01-01', jsonb_build_array(jsonb_build_object('messageId', 'seed-' || id, 'status', 'active', 'queueStartDate', date '2015-01-01',
       'effectiveFrom', date '2015-01-01', 'reason', 'registered', 'occurredAt', '2020-01-01T00:00:00.000Z')), 'active', date '2015-01-01'
     FROM unnest($1::uuid[]) AS id`,
    [ids],
  );
  return { landlordId, seekers: ids };
}

/** A listing open for applications, as its landlord publishes it. */
export function listing() {
  const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  return {
    address: 'Felgatan 9',
    municipality: 'Göteborg',
    district: 'Centrum',
    rooms: 2,
    areaM2: 55,
    monthlyRent: 9500,
    floor: 2,
    lift: true,
    moveInDate: day(40),
    listingType: 'regular',
    applicationDeadline: day(10),
    requirements: { incomeMultiple: 3, maxHouseholdSize: 4, minAge: null, maxAge: null, noPaymentRemarks: true },
  };
}

export const DECLARATION = { householdSize: 2, taxableIncome: 420_000, nonTaxableIncome: 0, hasPaymentRemarks: false };

export interface Answer {
  readonly status: number;
  readonly body: { applicationId?: string } & Record<string, unknown>;
}

/** A request to the app on 127.0.0.1; undefined when there was no answer (refused, reset, cut). */
export async function send(port: number, method: string, path: string, headers: Record<string, string>, body: unknown): Promise<Answer | undefined> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, { method, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Answer['body']) : {} };
  } catch {
    return undefined;
  }
}
