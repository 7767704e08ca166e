import { formatDate } from '../../i18n/format.js';
import { messageFor } from '../../i18n/locale.js';
import { DataTable } from '../../views/components/data-table.js';
import type { View } from '../../views/view.js';
import type { ListingInProgress } from './letting.types.js';
import { StaffLayout } from './staff-layout.js';

/** Listings past their deadline and not yet closed, and those being let, by deadline. */
export function ListingsInProgressPage({ view, listings }: { view: View; listings: readonly ListingInProgress[] }): JSX.Element {
  const { t, locale } = view;
  return (
    <StaffLayout view={view} title={t('staff.letting.title')}>
      <h1 class="ds-heading" data-size="lg" safe>
        {t('staff.letting.title')}
      </h1>
      {listings.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('staff.letting.none')}
        </p>
      ) : (
        <DataTable columns={[t('staff.applications.listing'), t('staff.letting.deadline'), t('staff.applications.status')]}>
          {listings.map((listing) => (
            <tr>
              <td>
                <a class="ds-link" href={`/handlaggare/bostader/${listing.listingId}`} safe>
                  {`${listing.address}, ${listing.district}, ${listing.municipality}`}
                </a>
              </td>
              <td safe>{formatDate(listing.applicationDeadline, locale)}</td>
              <td safe>{messageFor(locale, `staff.letting.status.${listing.status}`) ?? listing.status}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </StaffLayout>
  );
}
