import type { MessageKey } from '../../i18n/sv.js';
import { Layout } from '../../views/layout.js';
import type { View } from '../../views/view.js';
import type { Eligibility } from './eligibility.js';
import type { Listing } from './listing.js';
import { ListingFacts, RequirementList } from './listing-facts.js';
import { RefusalList } from './refusal-list.js';

interface ListingProps {
  readonly view: View;
  readonly listing: Listing;
  /** For a signed-in seeker: what the listings app says about applying, before any declaration. */
  readonly eligibility?: Eligibility;
}

export function ListingPage({ view, listing, eligibility }: ListingProps): JSX.Element {
  const { t } = view;
  const open = listing.status === 'open';
  return (
    <Layout view={view} title={listing.address}>
      <p class="ds-paragraph">
        <a class="ds-link" href="/bostader" safe>
          {t('listing.back')}
        </a>
      </p>
      <h1 class="ds-heading" data-size="lg" safe>
        {listing.address}
      </h1>
      <ListingFacts view={view} listing={listing} />
      <h2 class="ds-heading" data-size="md" safe>
        {t('listing.requirements')}
      </h2>
      <RequirementList view={view} requirements={listing.requirements} />
      <h2 class="ds-heading" data-size="md" safe>
        {t('listing.allocation')}
      </h2>
      <p class="ds-paragraph" safe>
        {t(`allocation.${listing.allocationMethod}` as MessageKey)}
      </p>
      {listing.lotterySeedHash && (
        <p class="ds-paragraph" safe>
          {t('listing.seedHash', { hash: listing.lotterySeedHash })}
        </p>
      )}
      <h2 class="ds-heading" data-size="md" safe>
        {t('listing.apply')}
      </h2>
      {!open ? (
        <p class="ds-paragraph" safe>
          {t('listing.closed')}
        </p>
      ) : !view.seeker ? (
        <p class="ds-paragraph">
          <a class="ds-link" href={`/logga-in?nasta=${encodeURIComponent(`/bostader/${listing.listingId}`)}`} safe>
            {t('listing.signInToApply')}
          </a>
        </p>
      ) : eligibility && eligibility.refusals.length > 0 ? (
        <div class="ds-alert" data-color="warning">
          <h3 class="ds-heading" data-size="xs" safe>
            {t('listing.cannotApply')}
          </h3>
          <RefusalList view={view} refusals={eligibility.refusals} />
        </div>
      ) : (
        <>
          <p class="ds-paragraph" safe>
            {t('listing.mayApply')}
          </p>
          <p class="ds-paragraph">
            <a class="ds-button" data-variant="primary" href={`/bostader/${encodeURIComponent(listing.listingId)}/ansok`} safe>
              {t('listing.applyButton')}
            </a>
          </p>
        </>
      )}
    </Layout>
  );
}
