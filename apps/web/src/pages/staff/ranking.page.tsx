import { formatNumber } from '../../i18n/format.js';
import { messageFor } from '../../i18n/locale.js';
import { ErrorSummary } from '../../views/components/error-summary.js';
import type { FieldMessage } from '../../views/components/form-errors.js';
import { FormTokens } from '../../views/components/hidden-fields.js';
import { TextField } from '../../views/components/text-field.js';
import type { View } from '../../views/view.js';
import { RANKING_PAGE_SIZE, type RankingData } from './ranking.query.js';
import { StaffLayout } from './staff-layout.js';

/** Outcomes after a passed certificate check: the applicant was verified. */
const VERIFIED = new Set(['verified', 'proposal', 'approved', 'rejected', 'tenant']);

function verifiedText(view: View, outcome: string | undefined): string {
  if (outcome === undefined) return view.t('staff.ranking.notChecked');
  if (VERIFIED.has(outcome)) return view.t('staff.ranking.verified');
  return messageFor(view.locale, `staff.letting.outcome.${outcome}`) ?? outcome;
}

/**
 * The decided ranking for staff, a page at a time: place, queue days, whether the certificates were
 * verified, and the names once the staff member has stated why they read these people.
 */
export function RankingPageView({ view, data, errors }: { view: View; data: RankingData; errors: readonly FieldMessage[] }): JSX.Element {
  const { t, locale } = view;
  const { listing, ranking, outcomes, names } = data;
  const base = `/handlaggare/bostader/${listing.listingId}`;
  const title = t('staff.ranking.title', { address: listing.address });
  const more = ranking.ranking.length === RANKING_PAGE_SIZE;
  return (
    <StaffLayout view={view} title={title}>
      <h1 class="ds-heading" data-size="lg" safe>
        {title}
      </h1>
      <p class="ds-paragraph">
        <a class="ds-link" href={base} safe>
          {t('staff.ranking.back')}
        </a>
      </p>
      <ErrorSummary view={view} errors={errors} />
      <p class="ds-paragraph" safe>
        {t('staff.ranking.eligible', { count: formatNumber(ranking.eligible ?? 0, locale) })}
      </p>
      {ranking.ranking.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('staff.ranking.none')}
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
                  {t('staff.ranking.name')}
                </th>
                <th scope="col" safe>
                  {t('staff.ranking.queueDays')}
                </th>
                <th scope="col" safe>
                  {t('staff.ranking.verifiedColumn')}
                </th>
              </tr>
            </thead>
            <tbody>
              {ranking.ranking.map((place) => (
                <tr>
                  <td safe>{formatNumber(place.place, locale)}</td>
                  <td>
                    <a class="ds-link" href={`/handlaggare/sokande/${place.applicantId}`} safe>
                      {names.get(place.applicantId) ?? t('staff.ranking.unnamed')}
                    </a>
                  </td>
                  <td safe>{formatNumber(place.queueDays, locale)}</td>
                  <td safe>{verifiedText(view, outcomes.get(place.applicationId))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav class="actions" aria-label={t('staff.ranking.pages')}>
        {ranking.page > 1 && (
          <a class="ds-link" href={`${base}/rangordning?sida=${ranking.page - 1}`} safe>
            {t('staff.ranking.previous')}
          </a>
        )}
        {more && (
          <a class="ds-link" href={`${base}/rangordning?sida=${ranking.page + 1}`} safe>
            {t('staff.ranking.next')}
          </a>
        )}
      </nav>
      {ranking.ranking.length > 0 && names.size === 0 && (
        <form method="post" action={`${base}/rangordning/skal?sida=${ranking.page}`} class="stack" novalidate>
          <h2 class="ds-heading" data-size="md" safe>
            {t('staff.ranking.showNames')}
          </h2>
          <FormTokens view={view} />
          <TextField id="skal" label={t('staff.ranking.reason')} description={t('staff.field.hint.reason')} errors={errors} required />
          <div>
            <button class="ds-button" data-variant="secondary" type="submit" safe>
              {t('staff.ranking.showNamesSubmit')}
            </button>
          </div>
        </form>
      )}
    </StaffLayout>
  );
}
