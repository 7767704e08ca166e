import { formatDate } from '../../i18n/format.js';
import { messageFor } from '../../i18n/locale.js';
import type { View } from '../../views/view.js';
import type { LandlordRow } from './landlords.types.js';
import { StaffLayout } from './staff-layout.js';

const STATUSES = ['interested', 'active', 'suspended', 'terminated'] as const;

/** Every landlord organisation with its agreement status today, by status. */
export function LandlordsPage({ view, landlords, status }: { view: View; landlords: readonly LandlordRow[]; status?: string }): JSX.Element {
  const { t, locale } = view;
  return (
    <StaffLayout view={view} title={t('staff.landlords.title')}>
      <h1 class="ds-heading" data-size="lg" safe>
        {t('staff.landlords.title')}
      </h1>
      <nav class="actions" aria-label={t('staff.landlords.filter')}>
        {[undefined, ...STATUSES].map((candidate) => (
          <a class="ds-link" href={candidate ? `/handlaggare/hyresvardar?status=${candidate}` : '/handlaggare/hyresvardar'} aria-current={candidate === status ? 'page' : undefined} safe>
            {candidate ? t(`staff.agreement.${candidate}`) : t('staff.discrepancies.all')}
          </a>
        ))}
      </nav>
      {landlords.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('staff.landlords.none')}
        </p>
      ) : (
        <div class="table-scroll">
          <table class="ds-table">
            <thead>
              <tr>
                <th scope="col" safe>
                  {t('staff.landlords.name')}
                </th>
                <th scope="col" safe>
                  {t('staff.landlords.number')}
                </th>
                <th scope="col" safe>
                  {t('staff.landlords.status')}
                </th>
                <th scope="col" safe>
                  {t('staff.seeker.registered')}
                </th>
              </tr>
            </thead>
            <tbody>
              {landlords.map((landlord) => (
                <tr>
                  <td>
                    <a class="ds-link" href={`/handlaggare/hyresvardar/${landlord.landlordId}`} safe>
                      {landlord.name}
                    </a>
                  </td>
                  <td safe>{landlord.organisationNumber}</td>
                  <td safe>{messageFor(locale, `staff.agreement.${landlord.status}`) ?? landlord.status}</td>
                  <td safe>{formatDate(landlord.registeredOn, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </StaffLayout>
  );
}
