import { formatDate, formatDateTime } from '../../i18n/format.js';
import { messageFor } from '../../i18n/locale.js';
import { ChoiceField } from '../../views/components/choice-field.js';
import { ErrorSummary } from '../../views/components/error-summary.js';
import type { FieldMessage } from '../../views/components/form-errors.js';
import { FormTokens } from '../../views/components/hidden-fields.js';
import { TextField } from '../../views/components/text-field.js';
import type { View } from '../../views/view.js';
import { VERIFICATION_FIELDS, type LettingData } from './letting.types.js';
import { LettingProposalsSection } from './letting-proposals.section.js';
import { LettingShowingsSection } from './letting-showings.section.js';
import { StaffLayout } from './staff-layout.js';

interface LettingPageProps {
  readonly view: View;
  readonly data: LettingData;
  readonly form?: Readonly<Record<string, string>>;
  readonly errors: readonly FieldMessage[];
}

/**
 * One listing in progress for staff: close it when due, apply passed deadlines, record what the certificates show,
 * and the allocation explained step by step with the audit's verdict. The stage and steps are the listings app's own words.
 */
export function LettingPage({ view, data, form = {}, errors }: LettingPageProps): JSX.Element {
  const { t, locale } = view;
  const { listing, letting, explanation, audit, verification } = data;
  const base = `/handlaggare/bostader/${listing.listingId}`;
  const v = VERIFICATION_FIELDS;
  return (
    <StaffLayout view={view} title={listing.address}>
      <h1 class="ds-heading" data-size="lg" safe>
        {`${listing.address}, ${listing.district}`}
      </h1>
      <ErrorSummary view={view} errors={errors} />
      <dl class="facts">
        <dt safe>{t('staff.letting.deadline')}</dt>
        <dd safe>{formatDate(listing.applicationDeadline, locale)}</dd>
        <dt safe>{t('staff.applications.status')}</dt>
        <dd safe>{messageFor(locale, `staff.letting.status.${listing.status}`) ?? listing.status}</dd>
        {letting && (
          <>
            <dt safe>{t('staff.letting.stage')}</dt>
            <dd safe>{letting.stage}</dd>
          </>
        )}
        {audit && (
          <>
            <dt safe>{t('staff.letting.audit')}</dt>
            <dd safe>{audit.consistent ? t('staff.letting.consistent', { events: audit.events }) : t('staff.letting.inconsistent', { count: audit.differences.length })}</dd>
          </>
        )}
      </dl>
      <div class="actions">
        {listing.status === 'open' && (
          <form method="post" action={`${base}/stang`} class="inline-form">
            <FormTokens view={view} />
            <button class="ds-button" data-variant="primary" type="submit" safe>
              {t('staff.letting.close')}
            </button>
          </form>
        )}
        {letting && (
          <form method="post" action={`${base}/framat`} class="inline-form">
            <FormTokens view={view} />
            <button class="ds-button" data-variant="secondary" type="submit" safe>
              {t('staff.letting.advance')}
            </button>
          </form>
        )}
      </div>
      {letting && (
        <p class="ds-paragraph">
          <a class="ds-link" href={`${base}/rangordning`} safe>
            {t('staff.ranking.link')}
          </a>
        </p>
      )}
      {letting && <LettingShowingsSection view={view} base={base} showings={data.showings} schedulable={letting.status === 'open'} form={form} errors={errors} />}
      {letting && letting.candidates.length > 0 && (
        <section aria-labelledby="candidates-heading">
          <h2 class="ds-heading" data-size="md" id="candidates-heading" safe>
            {t('staff.letting.candidates')}
          </h2>
          <ul class="ds-list">
            {letting.candidates.map((candidate) => (
              <li>
                <a class="ds-link" href={`/handlaggare/sokande/${candidate.applicantId}`} safe>
                  {t('staff.letting.candidate', { place: candidate.place, outcome: messageFor(locale, `staff.letting.outcome.${candidate.outcome}`) ?? candidate.outcome })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {verification && (
        <form method="post" action={`${base}/verifiering`} class="stack" novalidate>
          <h2 class="ds-heading" data-size="md" safe>
            {t('staff.letting.verify', { place: verification.place, date: formatDate(verification.certificatesDue, locale) })}
          </h2>
          <FormTokens view={view} />
          <input type="hidden" name="applicationId" value={verification.applicationId} />
          <TextField
            id={v.certificatesReceivedOn}
            label={t('staff.letting.received')}
            description={t('staff.letting.dateHint')}
            value={form.certificatesReceivedOn}
            errors={errors}
            inputmode="numeric"
          />
          <TextField id={v.householdSize} label={t('staff.letting.householdSize')} value={form.householdSize} errors={errors} inputmode="numeric" />
          <TextField id={v.taxableIncome} label={t('staff.letting.taxableIncome')} value={form.taxableIncome} errors={errors} inputmode="numeric" />
          <TextField id={v.nonTaxableIncome} label={t('staff.letting.nonTaxableIncome')} value={form.nonTaxableIncome} errors={errors} inputmode="numeric" />
          <TextField id={v.birthDate} label={t('staff.letting.birthDate')} description={t('staff.letting.dateHint')} value={form.birthDate} errors={errors} inputmode="numeric" />
          <ChoiceField
            id={v.hasPaymentRemarks}
            label={t('staff.letting.remarks')}
            options={[
              { value: '', label: t('staff.letting.choose') },
              { value: 'no', label: t('staff.no') },
              { value: 'yes', label: t('staff.yes') },
            ]}
            value={form.hasPaymentRemarks}
            errors={errors}
          />
          <div>
            <button class="ds-button" data-variant="primary" type="submit" safe>
              {t('staff.letting.record')}
            </button>
          </div>
        </form>
      )}
      {letting && <LettingProposalsSection view={view} proposals={data.proposals} />}
      {explanation && (
        <section aria-labelledby="steps-heading">
          <h2 class="ds-heading" data-size="md" id="steps-heading" safe>
            {t('staff.letting.steps')}
          </h2>
          {explanation.steps.length === 0 ? (
            <p class="ds-paragraph" safe>
              {t('staff.letting.noSteps')}
            </p>
          ) : (
            <ol class="ds-list">
              {explanation.steps.map((step) => (
                <li safe>{`${formatDateTime(step.at, locale)}: ${step.explanation}`}</li>
              ))}
            </ol>
          )}
        </section>
      )}
    </StaffLayout>
  );
}
