import { organisationNumber } from '../support/swedish-numbers.js';

/**
 * JSON over HTTP to an app, for the steps a test takes off its pages (another role's, or set-up).
 * `readAfter` does as the website does: a read or write after one's own write waits until the app
 * has seen it; the answer carries the write's log position for the next.
 */
export async function api<T>(base: string, method: string, path: string, token?: string, body?: unknown, readAfter?: string): Promise<T & { logPosition?: string }> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(body !== undefined && { 'content-type': 'application/json' }),
      ...(token && { authorization: `Bearer ${token}` }),
      ...(readAfter && { 'x-read-after': readAfter }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return { ...((text ? JSON.parse(text) : {}) as T), logPosition: response.headers.get('x-log-position') ?? undefined };
}

/**
 * A second landlord, onboarded by staff through the API with an agreement from `today`, and
 * its own letting agent, whose credentials are returned: another organisation's user, who
 * must see nothing of the demo landlord's.
 */
export async function otherLandlordsAgent(landlordsUrl: string, staff: string, today: string): Promise<{ email: string; password: string }> {
  const password = 'a long landlord password';
  const { landlordId } = await api<{ landlordId: string }>(landlordsUrl, 'POST', '/landlords', undefined, {
    name: 'Andra Hyresbolaget AB',
    organisationNumber: organisationNumber(),
    contact: { name: 'Olle Andersson', email: 'olle@andra.se' },
  });
  await api(landlordsUrl, 'POST', `/landlords/${landlordId}/agreements`, staff, { effectiveFrom: today, terms: 'Standard terms' });
  await api(landlordsUrl, 'POST', `/landlords/${landlordId}/users/first-administrator`, staff, { name: 'Olle Andersson', email: `admin-${landlordId}@andra.se`, password });
  const admin = (await api<{ access_token: string }>(landlordsUrl, 'POST', '/landlords/sign-in', undefined, { email: `admin-${landlordId}@andra.se`, password })).access_token;
  const agent = { email: `agent-${landlordId}@andra.se`, password };
  await api(landlordsUrl, 'POST', `/landlords/${landlordId}/users`, admin, { name: 'Lisa Annan', ...agent, role: 'letting-agent' });
  return agent;
}

/**
 * Staff record the certificates of `applicationId` for the letting of `listingId`, received on
 * `receivedOn` and as the seekers in these tests declare (a household of two, 600 000 a year,
 * born 15 June 1990, no payment remarks): they pass, and the proposal goes to the landlord.
 */
export function verifyCertificates(listingsUrl: string, staff: string, listingId: string, applicationId: string, receivedOn: string): Promise<{ proposalId: string }> {
  return api<{ proposalId: string }>(listingsUrl, 'POST', `/listings/${listingId}/letting/verification`, staff, {
    applicationId,
    certificatesReceivedOn: receivedOn,
    householdSize: 2,
    taxableIncome: 600_000,
    nonTaxableIncome: 0,
    birthDate: '1990-06-15',
    hasPaymentRemarks: false,
  });
}
