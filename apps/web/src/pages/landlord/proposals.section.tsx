import { formatDateTime } from '../../i18n/format.js';
import type { FieldMessage } from '../../views/components/form-errors.js';
import { FormTokens } from '../../views/components/hidden-fields.js';
import { TextField } from '../../views/components/text-field.js';
import type { View } from '../../views/view.js';
import type { Proposal } from './landlord.types.js';

/**
 * The applicants proposed to the landlord, with only what it may see: the place, the household size
 * and whether the certificates met the requirements. It approves, or rejects with a reason (the next
 * in line is then asked), and records the signed contract of the approved one.
 */
export function ProposalsSection({ view, base, proposals, errors }: { view: View; base: string; proposals: readonly Proposal[]; errors: readonly FieldMessage[] }): JSX.Element {
  const { t } = view;
  if (proposals.length === 0) return '';
  return (
    <section aria-labelledby="proposals-heading" class="stack-wide">
      <h2 class="ds-heading" data-size="md" id="proposals-heading" safe>
        {t('landlord.proposals.title')}
      </h2>
      {proposals.map((proposal) => (
        <ProposalCard view={view} base={base} proposal={proposal} errors={errors} />
      ))}
    </section>
  );
}

function ProposalCard({ view, base, proposal, errors }: { view: View; base: string; proposal: Proposal; errors: readonly FieldMessage[] }): JSX.Element {
  const { t, locale } = view;
  const id = proposal.proposalId;
  const action = `${base}/forslag/${id}`;
  const verified = proposal.checks.length > 0 && proposal.checks.every((check) => check.passed);
  return (
    <article class="ds-card stack-wide" aria-labelledby={`proposal-${id}`}>
      <h3 class="ds-heading" data-size="sm" id={`proposal-${id}`} safe>
        {t('landlord.proposals.place', { place: proposal.place })}
      </h3>
      <dl class="facts">
        <dt safe>{t('landlord.proposals.status')}</dt>
        <dd safe>{t(`landlord.proposals.status.${proposal.status}`)}</dd>
        <dt safe>{t('landlord.proposals.household')}</dt>
        <dd safe>{proposal.householdSize === null ? t('landlord.proposals.erased') : String(proposal.householdSize)}</dd>
        <dt safe>{t('landlord.proposals.verified')}</dt>
        <dd safe>{t(verified ? 'landlord.proposals.verifiedYes' : 'landlord.proposals.verifiedNo')}</dd>
        <dt safe>{t('landlord.proposals.proposedAt')}</dt>
        <dd safe>{formatDateTime(proposal.proposedAt, locale)}</dd>
        {proposal.reason && (
          <>
            <dt safe>{t('landlord.proposals.reason')}</dt>
            <dd safe>{proposal.reason}</dd>
          </>
        )}
      </dl>
      {proposal.status === 'awaiting-decision' && (
        <>
          <form method="post" action={`${action}/godkann`} class="inline-form">
            <FormTokens view={view} />
            <button class="ds-button" data-variant="primary" type="submit" safe>
              {t('landlord.proposals.approve')}
            </button>
          </form>
          <form method="post" action={`${action}/avsla`} class="stack" novalidate>
            <FormTokens view={view} />
            <TextField id={`reason-${id}`} label={t('landlord.proposals.rejectReason')} description={t('landlord.proposals.rejectHint')} errors={errors} required />
            <div>
              <button class="ds-button" data-variant="secondary" data-color="danger" type="submit" safe>
                {t('landlord.proposals.reject')}
              </button>
            </div>
          </form>
        </>
      )}
      {proposal.status === 'approved' && (
        <form method="post" action={`${action}/kontrakt`} class="stack" novalidate>
          <FormTokens view={view} />
          <TextField id={`contractDate-${id}`} label={t('landlord.proposals.contractDate')} description={t('landlord.field.hint.date')} errors={errors} inputmode="numeric" required />
          <div>
            <button class="ds-button" data-variant="primary" type="submit" safe>
              {t('landlord.proposals.contract')}
            </button>
          </div>
        </form>
      )}
    </article>
  );
}
