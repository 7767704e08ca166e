import { translator, type Locale } from '../../i18n/locale.js';
import { RankingPageView } from './ranking.page.js';
import type { RankingData } from './ranking.query.js';

const view = (locale: Locale) => ({ locale, t: translator(locale), csrfToken: 'token', path: '/handlaggare/bostader/l1/rangordning' });

const data = (names: ReadonlyMap<string, string>): RankingData => ({
  listing: { listingId: 'l1', status: 'ranked', address: 'Kedjegatan 1', district: 'Kedjeby', municipality: 'Göteborg', applicationDeadline: '2026-12-12' },
  ranking: {
    status: 'ranked',
    eligible: 3,
    page: 1,
    pageSize: 20,
    ranking: [
      { place: 1, applicationId: 'a1', applicantId: 'p1', queueDays: 412 },
      { place: 2, applicationId: 'a2', applicantId: 'p2', queueDays: 7 },
      { place: 3, applicationId: 'a3', applicantId: 'p3', queueDays: 0 },
    ],
  },
  outcomes: new Map([
    ['a1', 'tenant'],
    ['a2', 'failed'],
  ]),
  names,
});

describe('the ranking page for staff', () => {
  test('place, queue days and whether the certificates were checked; no name until one was read with a reason, and then the reason form is gone', async () => {
    const unnamed = await RankingPageView({ view: view('sv'), data: data(new Map()), errors: [] });
    expect(unnamed).toContain('Ja, intygen godkända');
    expect(unnamed).toContain('uppfyllde inte kraven');
    expect(unnamed).toContain('Inte kontrollerad');
    expect(unnamed).toContain('412');
    expect(unnamed).toContain('Namn visas efter angivet skäl');
    expect(unnamed).toContain('action="/handlaggare/bostader/l1/rangordning/skal?sida=1"');

    const named = await RankingPageView({ view: view('en'), data: data(new Map([['p1', 'Ella <Först>']])), errors: [] });
    expect(named).toContain('Ella &lt;Först>');
    expect(named).toContain('Name shown once a reason is given');
    expect(named).not.toContain('/rangordning/skal');
    // Three places fit one page: there is no next page to offer.
    expect(named).not.toContain('sida=2');
  });
});
