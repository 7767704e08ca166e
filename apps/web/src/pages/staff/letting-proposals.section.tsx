import { formatDateTime } from '../../i18n/format.js';
import { messageFor } from '../../i18n/locale.js';
import type { MessageKey } from '../../i18n/sv.js';
import type { View } from '../../views/view.js';
import type { StaffProposal } from './letting.types.js';

/** A listing published without requirements has none to check: that is not the same as a check passed. */
function checksKey(proposal: StaffProposal): MessageKey {
  if (proposal.checks.length === 0) return 'staff.proposals.noRequirements';
  return proposal.checks.every((check) => check.passed) ? 'staff.proposals.checksPassed' : 'staff.proposals.checksNotPassed';
}

/**
 * The contract proposals sent to the landlord and where each stands. Staff propose by recording a passed
 * certificate check; approving or rejecting is the landlord's decision alone, so staff see it here, not decide it.
 */
export function LettingProposalsSection({ view, proposals }: { view: View; proposals: readonly StaffProposal[] }): JSX.Element {
  const { t, locale } = view;
  return (
    <section aria-labelledby="proposals-heading" class="stack-wide">
      <h2 class="ds-heading" data-size="md" id="proposals-heading" safe>
        {t('staff.proposals.title')}
      </h2>
      {proposals.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('staff.proposals.none')}
        </p>
      ) : (
        <div class="table-scroll">
          <table class="ds-table">
            <thead>
              <tr>
                <th scope="col" safe>
                  {t('staff.ranking.place')}
                </th>
                <th scope="col" safe>
                  {t('staff.proposals.proposedAt')}
                </th>
                <th scope="col" safe>
                  {t('staff.proposals.checks')}
                </th>
                <th scope="col" safe>
                  {t('staff.proposals.state')}
                </th>
              </tr>
            </thead>
            <tbody>
              {proposals.map((proposal) => (
                <tr>
                  <td safe>{t('staff.ranking.placeNumber', { place: proposal.place })}</td>
                  <td safe>{formatDateTime(proposal.proposedAt, locale)}</td>
                  <td safe>{t(checksKey(proposal))}</td>
                  <td safe>{`${messageFor(locale, `staff.proposals.state.${proposal.status}`) ?? proposal.status}${proposal.reason ? `: ${proposal.reason}` : ''}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
