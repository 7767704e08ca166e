import { formatDate, formatNumber } from '../../i18n/format.js';
import type { FieldMessage } from '../../views/components/form-errors.js';
import { ErrorSummary } from '../../views/components/error-summary.js';
import { FormTokens } from '../../views/components/hidden-fields.js';
import type { View } from '../../views/view.js';
import { ListingFacts, RequirementList } from '../listings/listing-facts.js';
import { LandlordLayout } from './landlord-layout.js';
import type { OwnListingData } from './own-listing.query.js';
import { stateText } from './my-listings.page.js';
import { ProposalsSection } from './proposals.section.js';
import { ShowingsSection, type ShowingForm } from './showings.section.js';

interface OwnListingProps {
  readonly view: View;
  readonly data: OwnListingData;
  readonly errors: readonly FieldMessage[];
  readonly showingForm?: ShowingForm;
}

/** One of the landlord's listings: its facts, where it stands, and what the landlord does next (showings, proposals, withdrawal). */
export function OwnListingPage({ view, data, errors, showingForm }: OwnListingProps): JSX.Element {
  const { t, locale } = view;
  const { listing, letting } = data;
  const base = `/hyresvard/annonser/${listing.listingId}`;
  return (
    <LandlordLayout view={view} title={listing.address}>
      <p class="ds-paragraph">
        <a class="ds-link" href="/hyresvard/annonser" safe>
          {t('landlord.listing.back')}
        </a>
      </p>
      <h1 class="ds-heading" data-size="lg" safe>
        {listing.address}
      </h1>
      <ErrorSummary view={view} errors={errors} />
      <dl class="facts">
        <dt safe>{t('landlord.listings.state')}</dt>
        <dd safe>{stateText(view, listing.status)}</dd>
        <dt safe>{t('landlord.listings.applications')}</dt>
        <dd safe>
          {listing.applications === undefined
            ? t('landlord.listings.countedAtDeadline')
            : t('landlord.listings.counts', { applications: formatNumber(listing.applications, locale), eligible: formatNumber(listing.eligible ?? 0, locale) })}
        </dd>
        {listing.endedOn && (
          <>
            <dt safe>{t('landlord.listing.endedOn')}</dt>
            <dd safe>{formatDate(listing.endedOn, locale)}</dd>
          </>
        )}
      </dl>
      <ListingFacts view={view} listing={listing} />
      <h2 class="ds-heading" data-size="md" safe>
        {t('listing.requirements')}
      </h2>
      <RequirementList view={view} requirements={listing.requirements} />
      {listing.status === 'ranked' && (
        <>
          <section aria-labelledby="ranking-heading" class="stack-wide">
            <h2 class="ds-heading" data-size="md" id="ranking-heading" safe>
              {t('landlord.ranking.title')}
            </h2>
            <p class="ds-paragraph" safe>
              {t('landlord.ranking.text', { eligible: formatNumber(listing.eligible ?? 0, locale) })}
            </p>
          </section>
          <ShowingsSection view={view} base={base} letting={letting} form={showingForm ?? {}} errors={errors} />
        </>
      )}
      <ProposalsSection view={view} base={base} proposals={letting.proposals} errors={errors} />
      {(listing.status === 'open' || (listing.status === 'ranked' && letting.proposals.length === 0)) && (
        <section aria-labelledby="withdraw-heading" class="stack">
          <h2 class="ds-heading" data-size="md" id="withdraw-heading" safe>
            {t('landlord.withdraw.title')}
          </h2>
          <p class="ds-paragraph" safe>
            {t('landlord.withdraw.text')}
          </p>
          <form method="post" action={`${base}/aterkalla`} class="stack" novalidate>
            <FormTokens view={view} />
            <div class="ds-field">
              <input class="ds-input" type="checkbox" id="withdraw-confirm" name="confirm" value="yes" required />
              <label class="ds-label" for="withdraw-confirm" safe>
                {t('landlord.withdraw.confirm')}
              </label>
            </div>
            <div>
              <button class="ds-button" data-variant="secondary" data-color="danger" type="submit" safe>
                {t('landlord.withdraw.button')}
              </button>
            </div>
          </form>
        </section>
      )}
    </LandlordLayout>
  );
}
