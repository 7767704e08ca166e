import { translator, type Locale } from '../../i18n/locale.js';
import type { RegisterExtract } from './register-extract.js';
import { RegisterExtractView } from './register-extract.view.js';

const view = (locale: Locale) => ({ locale, t: translator(locale), csrfToken: 'token', path: '/mina-sidor/uppgifter' });

const extract: RegisterExtract = {
  generatedAt: '2026-05-20T10:00:00.000Z',
  applicantId: '7b0e4a56-1c1f-4d0e-9d43-0d8e0b7a1f10',
  unavailable: ['statistics'],
  sections: [
    {
      app: 'listings',
      controller: 'The housing agency',
      generatedAt: '2026-05-20T10:00:00.000Z',
      applicantId: '7b0e4a56-1c1f-4d0e-9d43-0d8e0b7a1f10',
      purpose: 'Applications',
      personalData: { applications: [{ declaration: { householdSize: 3, hasPaymentRemarks: false } }] },
      records: [{ type: 'application-submitted', at: '2026-05-19T08:00:00.000Z', data: { declaration: '(erased)', note: '<script>alert(1)</script>' } }],
      accessLog: [{ app: 'listings', readAt: '2026-05-19T09:00:00.000Z', actor: 'staff-1', roles: ['staff'], action: 'GET /listings/people/:applicantId/extract', reason: 'Ärende <b>4711</b>' }],
    },
  ],
};

describe('the register extract view', () => {
  test('a section per app in the person’s language, stored values in words, every text escaped, an app that did not answer named', async () => {
    const html = await RegisterExtractView({ view: view('sv'), extract });
    expect(html).toContain('Ansökningar och uthyrning');
    expect(html).toContain('Hushållets storlek: 3');
    expect(html).toContain('Betalningsanmärkningar: nej');
    expect(html).toContain('(erased)');
    expect(html).toContain('Ärende &lt;b');
    // The role and a reference, not who the employee is.
    expect(html).toContain('Handläggare (ref. staff-1)');
    expect(html).not.toContain('<b>4711');
    expect(html).not.toContain('<script>');
    expect(html).toContain('Statistik');
    expect(await RegisterExtractView({ view: view('en'), extract })).toContain('Household size: 3');
  });
});
