import { formatDateTime } from '../../i18n/format.js';
import type { View } from '../../views/view.js';
import type { Notices } from './notices.query.js';

/** The top of the portal's home: what waits for the organisation, each with a link to where it is done; nothing when nothing waits. */
export function NoticesSection({ view, notices }: { view: View; notices: Notices }): JSX.Element {
  const { t, locale } = view;
  if (notices.proposals.length === 0 && notices.answered.length === 0) return '';
  return (
    <section aria-labelledby="notices-heading" class="ds-alert" data-color="info">
      <h2 class="ds-heading" data-size="sm" id="notices-heading" safe>
        {t('landlord.notices.title')}
      </h2>
      <ul class="ds-list">
        {notices.proposals.map((proposal) => (
          <li>
            <a class="ds-link" href={`/hyresvard/annonser/${proposal.listingId}#proposals-heading`} safe>
              {t('landlord.notices.proposal', { place: proposal.place, when: formatDateTime(proposal.proposedAt, locale) })}
            </a>
          </li>
        ))}
        {notices.answered.map((answered) => (
          <li>
            <a class="ds-link" href={`/hyresvard/arenden/${answered.caseId}`} safe>
              {t('landlord.notices.answered', { subject: answered.subject })}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
