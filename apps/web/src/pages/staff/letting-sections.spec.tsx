import { translator, type Locale } from '../../i18n/locale.js';
import { LettingProposalsSection } from './letting-proposals.section.js';
import { LettingShowingsSection } from './letting-showings.section.js';
import type { StaffProposal, StaffShowing } from './letting.types.js';

const view = (locale: Locale) => ({ locale, t: translator(locale), csrfToken: 'token', path: '/handlaggare/bostader/x' });

const showing: StaffShowing = {
  showingId: 's1',
  answerBy: '2026-12-20',
  slots: [{ startsAt: '2026-12-14T12:00:00Z', endsAt: '2026-12-14T13:00:00Z', invited: 2 }],
  invitations: [
    { applicationId: 'a1', applicantId: 'p1', place: 1, slot: 0, answer: 'interested', answeredAt: '2026-12-14T15:00:00Z' },
    { applicationId: 'a2', applicantId: 'p2', place: 2, slot: 0, answer: 'expired', answeredAt: null },
  ],
};

const proposal = (checks: StaffProposal['checks'], status: string, reason?: string): StaffProposal => ({
  proposalId: 'pr',
  place: 3,
  householdSize: 2,
  checks,
  proposedAt: '2026-12-15T09:00:00Z',
  status,
  reason,
});

describe('the staff letting sections', () => {
  test('showings: each invitee by place with their answer, no answer counted as no; the form only while the letting is open', async () => {
    const open = await LettingShowingsSection({ view: view('sv'), base: '/b', showings: [showing], schedulable: true, form: {}, errors: [] });
    expect(open).toContain('href="/handlaggare/sokande/p1"');
    expect(open).toContain('Fortsatt intresserad');
    expect(open).toContain('Svarade inte i tid (räknas som nej)');
    expect(open).toContain('action="/b/visningar"');
    const closed = await LettingShowingsSection({ view: view('en'), base: '/b', showings: [showing], schedulable: false, form: {}, errors: [] });
    expect(closed).toContain('Did not answer in time (counts as no)');
    expect(closed).not.toContain('action="/b/visningar"');
  });

  test('proposals: a passed check, a failed one and none to make are three different things; the landlord’s reason is shown, escaped', async () => {
    const html = await LettingProposalsSection({
      view: view('sv'),
      proposals: [
        proposal([{ requirement: 'income', passed: true }], 'awaiting-decision'),
        proposal([{ requirement: 'income', passed: false }], 'rejected', 'Referenser <saknas>'),
        proposal([], 'tenant'),
      ],
    });
    expect(html).toContain('Uppfyller kraven');
    expect(html).toContain('Uppfyller inte alla krav');
    expect(html).toContain('Inga krav att kontrollera');
    expect(html).toContain('Nekad av hyresvärden: Referenser &lt;saknas>');
    expect(html).toContain('Kontrakt skrivet: hyresgäst');
  });
});
