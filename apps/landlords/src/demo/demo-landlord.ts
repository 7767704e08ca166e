/**
 * A demo landlord for `npm start`: an organisation with an agreement active from
 * today, a letting guideline and an administrator who can sign in. Driven over
 * HTTP like a staff member would; each step is skipped when already done, so a
 * restart adds nothing and an interrupted run is completed.
 */
import { stockholmDate } from '@bostadsko/calendar';
import { call as callUrl } from '@bostadsko/demo';

const call = (base: string, method: string, path: string, token: string | undefined, body?: unknown) => callUrl(`${base}${path}`, method, token, body);

const ORGANISATION = { name: 'Demo Bostäder AB', organisationNumber: '556677-8899', contact: { name: 'Karin Holm', email: 'karin.holm@demo-bostader.se', phone: '+46 31 123 45 67' } };
const ADMINISTRATOR = { name: 'Karin Holm', email: 'admin@demo-bostader.se', password: 'Demo-landlord-2026' };

export const DEMO_LANDLORD_CREDENTIALS = { email: ADMINISTRATOR.email, password: ADMINISTRATOR.password } as const;
export const DEMO_LANDLORD_SIGN_IN = `${ADMINISTRATOR.email} / ${ADMINISTRATOR.password}`;

type Log = (line: string) => void;

function expectStatus(step: string, result: { status: number; body: unknown }, ...ok: number[]): void {
  if (!ok.includes(result.status)) throw new Error(`demo landlord, ${step}: ${result.status} ${JSON.stringify(result.body)}`);
}

/** The first staff account in SEED_ACCOUNTS (`roles:username:password,...`). */
function staffAccount(seedAccounts: string): { username: string; password: string } | undefined {
  for (const entry of seedAccounts.split(',')) {
    const [roles, account, ...password] = entry.split(':');
    // The account may be written as a mailbox with the person's name: `Anna Andersson <anna@agency.se>`.
    const username = /<([^<>]+)>\s*$/.exec(account)?.[1] ?? account;
    if (roles.split('+').includes('staff')) return { username: username.trim(), password: password.join(':') };
  }
  return undefined;
}

export async function seedDemoLandlord(log: Log, seedAccounts: string, base = 'http://127.0.0.1:3003'): Promise<void> {
  const staff = staffAccount(seedAccounts);
  if (!staff) return log('demo landlord skipped: no staff account in SEED_ACCOUNTS');
  const token = (await call(base, 'POST', '/auth/token', undefined, staff)).body?.access_token as string | undefined;
  if (!token) return log('demo landlord skipped: the staff account could not sign in');

  const registered = await call(base, 'POST', '/landlords', undefined, ORGANISATION);
  expectStatus('register', registered, 201, 409);
  let landlordId: string | undefined = registered.body?.landlordId;
  if (!landlordId) {
    const list = await call(base, 'GET', '/landlords', token);
    landlordId = (list.body as Array<{ landlordId: string; organisationNumber: string }>).find((l) => l.organisationNumber === ORGANISATION.organisationNumber)?.landlordId;
    if (!landlordId) return log('demo landlord: registered earlier but not yet listed; run again');
  }
  const today = stockholmDate(new Date());
  const organisation = await call(base, 'GET', `/landlords/${landlordId}`, token);
  if (!organisation.body.openAgreementId) {
    expectStatus(
      'agreement',
      await call(base, 'POST', `/landlords/${landlordId}/agreements`, token, { effectiveFrom: today, terms: 'Demo assignment agreement: the agency advertises and proposes tenants in queue order' }),
      201,
    );
  }
  if ((await call(base, 'GET', `/landlords/${landlordId}/guideline`, token)).status === 404) {
    const guideline = {
      effectiveFrom: today,
      standard: { incomeMultiple: 3, maxHouseholdSize: null, minAge: null, maxAge: null, noPaymentRemarks: true },
      byListingType: {
        youth: { incomeMultiple: 2, minAge: 18, maxAge: 25, noPaymentRemarks: true },
        senior: { incomeMultiple: 2.5, minAge: 55, noPaymentRemarks: true },
        student: { incomeMultiple: null, maxHouseholdSize: 2, noPaymentRemarks: false },
      },
      reason: 'Demo Bostäder standard requirements',
    };
    expectStatus('guideline', await call(base, 'POST', `/landlords/${landlordId}/guideline`, token, guideline), 201);
  }
  const admin = await call(base, 'POST', `/landlords/${landlordId}/users/first-administrator`, token, ADMINISTRATOR);
  expectStatus('administrator', admin, 201, 409);
  log(`demo landlord: ${ORGANISATION.name} (${landlordId})${registered.status === 201 ? ' created' : ' already there'}`);
}
