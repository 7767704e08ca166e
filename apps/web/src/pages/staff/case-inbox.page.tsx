import type { PropsWithChildren } from '@kitajs/html';
import { formatDateTime } from '../../i18n/format.js';
import { messageFor } from '../../i18n/locale.js';
import { DataTable } from '../../views/components/data-table.js';
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
      <CaseQueue view={view} id="customer-heading" heading={t('staff.inbox.customer', { count: customer.length })} empty={customer.length === 0} kind={t('staff.cases.channel')}>
        {customer.map((item) => (
          <CaseRow
            href={`/handlaggare/sokande/${item.applicantId}#case-${item.caseId}`}
            subject={item.subject}
            kind={messageFor(locale, `staff.channel.${item.channel}`) ?? item.channel}
            since={formatDateTime(item.registeredAt, locale)}
          />
        ))}
      </CaseQueue>
      <CaseQueue view={view} id="landlord-heading" heading={t('staff.inbox.landlord', { count: landlord.length })} empty={landlord.length === 0} kind={t('staff.inbox.category')}>
        {landlord.map((item) => (
          <CaseRow
            href={`/handlaggare/arenden/hyresvard/${item.landlordId}/${item.caseId}`}
            subject={item.subject}
            kind={messageFor(locale, `staff.category.${item.category}`) ?? item.category}
            since={formatDateTime(item.registeredAt, locale)}
          />
        ))}
      </CaseQueue>
    </StaffLayout>
  );
}

/** One queue of open cases under its heading: subject, what kind (channel or category) and since when, or that there are none. */
function CaseQueue({ view, id, heading, empty, kind, children }: PropsWithChildren<{ view: View; id: string; heading: string; empty: boolean; kind: string }>): JSX.Element {
  const { t } = view;
  return (
    <section aria-labelledby={id}>
      <h2 class="ds-heading" data-size="md" id={id} safe>
        {heading}
      </h2>
      {empty ? (
        <p class="ds-paragraph" safe>
          {t('staff.inbox.none')}
        </p>
      ) : (
        <DataTable columns={[t('staff.cases.subject'), kind, t('staff.inbox.since')]}>{children}</DataTable>
      )}
    </section>
  );
}

function CaseRow({ href, subject, kind, since }: { href: string; subject: string; kind: string; since: string }): JSX.Element {
  return (
    <tr>
      <td>
        <a class="ds-link" href={href} safe>
          {subject}
        </a>
      </td>
      <td safe>{kind}</td>
      <td safe>{since}</td>
    </tr>
  );
}
