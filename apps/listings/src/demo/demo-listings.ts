/**
 * Demo listings for `npm start`, so that search shows flats and a seeker can
 * apply at once: the demo landlord's administrator signs in and publishes them
 * over HTTP, as a landlord would. Skipped when the landlord already has listings,
 * so a restart adds nothing.
 */
import { addDays, stockholmDate } from '@bostadsko/calendar';
import { call } from '@bostadsko/demo';

type Log = (line: string) => void;

export interface DemoListingsOptions {
  /** The demo landlord administrator's sign-in. */
  readonly email: string;
  readonly password: string;
  readonly landlordsUrl?: string;
  readonly listingsUrl?: string;
  /** How long to wait for the listings app to hear of the landlord's agreement over the bus. */
  readonly waitMs?: number;
}

const FLATS = [
  { address: 'Järntorget 4', municipality: 'Göteborg', district: 'Majorna', rooms: 2, areaM2: 54, monthlyRent: 8450, floor: 3, lift: true, listingType: 'regular' },
  { address: 'Haga Nygata 12', municipality: 'Göteborg', district: 'Haga', rooms: 3, areaM2: 76, monthlyRent: 11200, floor: 2, lift: false, listingType: 'regular' },
  { address: 'Vågmästareplatsen 2', municipality: 'Göteborg', district: 'Hisingen', rooms: 1, areaM2: 31, monthlyRent: 5200, floor: 5, lift: true, listingType: 'youth' },
  { address: 'Sankt Sigfridsgatan 40', municipality: 'Göteborg', district: 'Örgryte', rooms: 2, areaM2: 61, monthlyRent: 9300, floor: 1, lift: true, listingType: 'senior' },
  { address: 'Kemivägen 7', municipality: 'Göteborg', district: 'Johanneberg', rooms: 1, areaM2: 22, monthlyRent: 4100, floor: 4, lift: true, listingType: 'student' },
  { address: 'Kvarnbygatan 9', municipality: 'Mölndal', district: 'Centrum', rooms: 2.5, areaM2: 68, monthlyRent: 9900, floor: 6, lift: true, listingType: 'first-come' },
] as const;

/** Asks again every 250 ms while `retry` holds and time is left: the listings app hears of the landlord over the bus. */
async function until(deadline: number, ask: () => ReturnType<typeof call>, retry: (status: number) => boolean): ReturnType<typeof call> {
  let result = await ask();
  while (retry(result.status) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    result = await ask();
  }
  return result;
}

export async function seedDemoListings(log: Log, options: DemoListingsOptions): Promise<void> {
  const landlords = options.landlordsUrl ?? 'http://127.0.0.1:3003';
  const listings = options.listingsUrl ?? 'http://127.0.0.1:3002';
  const signIn = await call(`${landlords}/landlords/sign-in`, 'POST', undefined, { email: options.email, password: options.password });
  const token = signIn.body?.access_token as string | undefined;
  if (!token) return log(`demo listings skipped: the demo landlord could not sign in (${signIn.status})`);
  const deadline = Date.now() + (options.waitMs ?? 30_000);
  // The listings app learns of the landlord user and agreement from the bus: until then it refuses them.
  const mine = await until(
    deadline,
    () => call(`${listings}/listings/mine`, 'GET', token),
    (status) => status !== 200,
  );
  if (mine.status !== 200) return log(`demo listings skipped: the listings app does not know the demo landlord yet (${mine.status})`);
  if ((mine.body as unknown[]).length > 0) return log(`demo listings: ${(mine.body as unknown[]).length} already there`);

  const today = stockholmDate(new Date());
  const dated = { applicationDeadline: addDays(today, 14), moveInDate: addDays(today, 60) };
  let published = 0;
  for (const flat of FLATS) {
    const result = await until(
      deadline,
      () => call(`${listings}/listings`, 'POST', token, { ...flat, ...dated }),
      (status) => status === 422,
    );
    if (result.status !== 201) return log(`demo listings: publishing ${flat.address} failed: ${result.status} ${JSON.stringify(result.body)}`);
    published++;
  }
  log(`demo listings: ${published} published by the demo landlord, applications until ${dated.applicationDeadline}`);
}
