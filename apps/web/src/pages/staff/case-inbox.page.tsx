import { formatDateTime } from '../../i18n/format.js';
import { messageFor } from '../../i18n/locale.js';
import type { View } from '../../views/view.js';
import type { InboxCase, LandlordCaseRow } from './cases.types.js';
import { StaffLayout } from './staff-layout.js';

/** The staff's work queue: open customer cases (answered on the seeker's page) and open landlord cases. */
export function CaseInboxPage({ view, customer, landlord }: { view: View; customer: readonly InboxCase[]; landlord: readonly LandlordCaseRow[] }): JSX.Element {
  const { t, locale } = view;
  return (
    <StaffLayout view={view} title={t('staff.inbox.title')}>
      <h1 class="ds-heading" data-size="lg" safe>
        {t('staff.inbox.title')}
      </h1>
      <section aria-labelledby="customer-heading">
        <h2 class="ds-heading" data-size="md" id="customer-heading" safe>
          {t('staff.inbox.customer', { count: customer.length })}
        </h2>
        {customer.length === 0 ? (
          <p class="ds-paragraph" safe>
            {t('staff.inbox.none')}
          </p>
        ) : (
          <div class="table-scroll">
            <table class="ds-table">
              <thead>
                <tr>
                  <th scope="col" safe>
                    {t('staff.cases.subject')}
                  </th>
                  <th scope="col" safe>
                    {t('staff.cases.channel')}
                  </th>
                  <th scope="col" safe>
                    {t('staff.inbox.since')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {customer.map((item) => (
                  <tr>
                    <td>
                      <a class="ds-link" href={`/handlaggare/sokande/${item.applicantId}#case-${item.caseId}`} safe>
                        {item.subject}
                      </a>
                    </td>
                    <td safe>{messageFor(locale, `staff.channel.${item.channel}`) ?? item.channel}</td>
                    <td safe>{formatDateTime(item.registeredAt, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="landlord-heading">
        <h2 class="ds-heading" data-size="md" id="landlord-heading" safe>
          {t('staff.inbox.landlord', { count: landlord.length })}
        </h2>
        {landlord.length === 0 ? (
          <p class="ds-paragraph" safe>
            {t('staff.inbox.none')}
          </p>
        ) : (
          <div class="table-scroll">
            <table class="ds-table">
              <thead>
                <tr>
                  <th scope="col" safe>
                    {t('staff.cases.subject')}
                  </th>
                  <th scope="col" safe>
                    {t('staff.inbox.category')}
                  </th>
                  <th scope="col" safe>
                    {t('staff.inbox.since')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {landlord.map((item) => (
                  <tr>
                    <td>
                      <a class="ds-link" href={`/handlaggare/arenden/hyresvard/${item.landlordId}/${item.caseId}`} safe>
                        {item.subject}
                      </a>
                    </td>
                    <td safe>{messageFor(locale, `staff.category.${item.category}`) ?? item.category}</td>
                    <td safe>{formatDateTime(item.registeredAt, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </StaffLayout>
  );
}
