import { formatDate, formatNumber } from '../../i18n/format.js';
import { DataTable } from '../../views/components/data-table.js';
import type { View } from '../../views/view.js';
import { LandlordLayout } from './landlord-layout.js';
import type { OwnListing } from './landlord.types.js';

export const stateText = (view: View, status: string): string => {
  const known = ['open', 'ranked', 'withdrawn', 'let'] as const;
  const state = known.find((candidate) => candidate === status);
  return state ? view.t(`landlord.state.${state}`) : status;
};

/** The landlord's own listings, newest first: where each stands, how many applied, the deadline. */
export function MyListingsPage({ view, listings }: { view: View; listings: readonly OwnListing[] }): JSX.Element {
  const { t, locale } = view;
  return (
    <LandlordLayout view={view} title={t('landlord.listings.title')}>
      <h1 class="ds-heading" data-size="lg" safe>
        {t('landlord.listings.title')}
      </h1>
      {listings.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('landlord.listings.none')}
        </p>
      ) : (
        <DataTable
          caption={t('landlord.listings.caption', { count: listings.length })}
          columns={[t('landlord.listings.address'), t('landlord.listings.state'), t('landlord.listings.applications'), t('listing.deadline')]}
          border
        >
          {listings.map((listing) => (
            <tr>
              <td>
                <a class="ds-link" href={`/hyresvard/annonser/${listing.listingId}`} safe>
                  {`${listing.address}, ${listing.district}`}
                </a>
              </td>
              <td safe>{stateText(view, listing.status)}</td>
              <td safe>
                {listing.applications === undefined
                  ? t('landlord.listings.countedAtDeadline')
                  : t('landlord.listings.counts', { applications: formatNumber(listing.applications, locale), eligible: formatNumber(listing.eligible ?? 0, locale) })}
              </td>
              <td safe>{formatDate(listing.applicationDeadline, locale)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </LandlordLayout>
  );
}
