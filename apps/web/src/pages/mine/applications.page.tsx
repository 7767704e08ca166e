import { formatDate } from '../../i18n/format.js';
import { messageFor } from '../../i18n/locale.js';
import type { MessageKey } from '../../i18n/sv.js';
import { DataTable } from '../../views/components/data-table.js';
import { Layout } from '../../views/layout.js';
import type { View } from '../../views/view.js';
import type { Application } from './mine.types.js';
import { placeText } from './place-text.js';

export const statusText = (view: View, status: string): string => messageFor(view.locale, `status.${status}`) ?? status;

export function ApplicationsPage({ view, applications }: { view: View; applications: readonly Application[] }): JSX.Element {
  const { t, locale } = view;
  return (
    <Layout view={view} title={t('applications.title')}>
      <h1 class="ds-heading" data-size="lg" safe>
        {t('applications.title')}
      </h1>
      {applications.length === 0 ? (
        <p class="ds-paragraph">
          <span safe>{t('applications.none')}</span>{' '}
          <a class="ds-link" href="/bostader" safe>
            {t('home.search.heading')}
          </a>
        </p>
      ) : (
        <DataTable
          caption={t('applications.caption', { count: applications.length })}
          columns={[t('applications.address'), t('listing.type'), t('applications.status'), t('applications.place'), t('listing.deadline')]}
          border
        >
          {applications.map((application) => (
            <tr>
              <td>
                <a class="ds-link" href={`/mina-sidor/ansokningar/${encodeURIComponent(application.applicationId)}`} safe>
                  {`${application.listing.address}, ${application.listing.district}`}
                </a>
              </td>
              <td safe>{t(`listingType.${application.listing.listingType}` as MessageKey)}</td>
              <td safe>{statusText(view, application.status)}</td>
              <td safe>{placeText(view, application.place)}</td>
              <td safe>{formatDate(application.listing.applicationDeadline, locale)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </Layout>
  );
}
