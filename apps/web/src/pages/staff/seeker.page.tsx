import { formatDate, formatDateTime, formatMoney } from '../../i18n/format.js';
import { messageFor, type Locale } from '../../i18n/locale.js';
import { ErrorSummary } from '../../views/components/error-summary.js';
import { FeeResolutions } from '../mine/fee-resolutions.js';
import type { View } from '../../views/view.js';
import { FeeNoticesTable } from '../mine/fee-notices.table.js';
import type { HistoryEntry } from '../mine/mine.types.js';
import { QueueHistoryTable } from '../mine/queue-history.table.js';
import { CasesSection } from './cases.section.js';
import { DecisionsSection } from './decisions.section.js';
import type { SeekerData } from './seeker.query.js';
import type { RefusedForm } from './seeker-forms.js';
import { StaffLayout } from './staff-layout.js';
import { ThreadsSection } from './threads.section.js';
import { nameOf, type StaffNames } from './staff-names.js';

interface SeekerPageProps {
  readonly view: View;
  readonly data: SeekerData;
  /** Who the recorded staff ids are: shown by name and role. */
  readonly names: StaffNames;
  readonly refused?: RefusedForm;
  readonly admin: boolean;
}

/** One seeker for a case officer: account, queue time and its history, fees, applications, cases, and the decisions staff may take. */
export function SeekerPage({ view, data, names, refused, admin }: SeekerPageProps): JSX.Element {
  const { t, locale } = view;
  const { account, queueTime } = data;
  const name = account.personal?.name ?? t('staff.seeker.erased');
  return (
    <StaffLayout view={view} title={name}>
      <h1 class="ds-heading" data-size="lg" safe>
        {name}
      </h1>
      <ErrorSummary view={view} errors={refused?.errors ?? []} />
      <dl class="facts">
        <dt safe>{t('staff.seeker.personnummer')}</dt>
        <dd safe>{account.personal ? readable(account.personal.personnummer) : '–'}</dd>
        <dt safe>{t('staff.seeker.email')}</dt>
        <dd safe>{account.personal?.email ?? '–'}</dd>
        <dt safe>{t('staff.seeker.phone')}</dt>
        <dd safe>{account.personal?.phone ?? '–'}</dd>
        <dt safe>{t('staff.seeker.status')}</dt>
        <dd safe>{messageFor(locale, `staff.status.${account.status}`) ?? account.status}</dd>
        <dt safe>{t('staff.seeker.registered')}</dt>
        <dd safe>{formatDate(account.registeredOn, locale)}</dd>
        <dt safe>{t('queue.start')}</dt>
        <dd safe>{queueTime.queueStartDate ? formatDate(queueTime.queueStartDate, locale) : '–'}</dd>
        <dt safe>{t('queue.daysToday')}</dt>
        <dd safe>{String(queueTime.queueDays)}</dd>
      </dl>
      {admin && (
        <p class="ds-paragraph">
          <a class="ds-link" href={`/handlaggare/sokande/${account.applicantId}/atkomstlogg`} safe>
            {t('staff.accessLog.link')}
          </a>
        </p>
      )}
      <History view={view} history={data.history} applicantId={account.applicantId} names={names} />
      <DecisionsSection view={view} applicantId={account.applicantId} cases={data.cases} refused={refused} />
      <Fees view={view} data={data} names={names} />
      <Applications view={view} data={data} />
      <CasesSection view={view} applicantId={account.applicantId} cases={data.cases} names={names} refused={refused} />
      <ThreadsSection view={view} applicantId={account.applicantId} threads={data.threads} refused={refused} />
    </StaffLayout>
  );
}

/** The stored twelve digits as people write them: YYYYMMDD-NNNN. */
const readable = (personnummer: string): string => (/^\d{12}$/.test(personnummer) ? `${personnummer.slice(0, 8)}-${personnummer.slice(8)}` : personnummer);

/** Every recorded fact and decision about the account, newest first: what, who, and the stated reason with its case. */
function History({ view, history, applicantId, names }: { view: View; history: readonly HistoryEntry[]; applicantId: string; names: StaffNames }): JSX.Element {
  const { t, locale } = view;
  return (
    <section aria-labelledby="history-heading">
      <h2 class="ds-heading" data-size="md" id="history-heading" safe>
        {t('staff.history.title')}
      </h2>
      <QueueHistoryTable
        view={view}
        entries={[...history].reverse()}
        row={(entry) => ({
          what: whatHappened(entry, locale),
          who: entry.actor === applicantId ? t('staff.history.seeker') : entry.actor === 'system' ? t('queue.system') : nameOf(names, entry.actor),
          why: why(entry, locale),
        })}
      />
    </section>
  );
}

function whatHappened(entry: HistoryEntry, locale: Locale): string {
  const what = messageFor(locale, `staff.event.${entry.type}`) ?? entry.type;
  const { queueStartDate, previousQueueStartDate } = entry.data as { queueStartDate?: unknown; previousQueueStartDate?: unknown };
  if (typeof queueStartDate !== 'string') return what;
  return `${what}: ${typeof previousQueueStartDate === 'string' ? `${formatDate(previousQueueStartDate, locale)} → ` : ''}${formatDate(queueStartDate, locale)}`;
}

function why(entry: HistoryEntry, locale: Locale): string {
  const { reason, explanation, caseId } = entry.data as { reason?: unknown; explanation?: unknown; caseId?: unknown };
  const reasonText = typeof reason === 'string' ? (messageFor(locale, `staff.reason.${reason}`) ?? reason) : '';
  const caseText = typeof caseId === 'string' ? `(${messageFor(locale, 'staff.history.case')} ${caseId.slice(0, 8)})` : '';
  return [reasonText, typeof explanation === 'string' ? explanation : '', caseText].filter(Boolean).join(' – ') || '–';
}

function Fees({ view, data, names }: { view: View; data: SeekerData; names: StaffNames }): JSX.Element {
  const { t, locale } = view;
  const { notices, payments } = data.fees;
  return (
    <section aria-labelledby="fees-heading">
      <h2 class="ds-heading" data-size="md" id="fees-heading" safe>
        {t('fees.title')}
      </h2>
      {notices.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('staff.fees.none')}
        </p>
      ) : (
        <FeeNoticesTable view={view} notices={notices} caption={t('fees.notices')} />
      )}
      {payments.length > 0 && (
        <ul class="ds-list">
          {payments.map((payment) => (
            <li safe>
              {t('fees.payment', { amount: formatMoney(payment.amount, locale), date: formatDate(payment.paidOn, locale), ocr: payment.reference })}
              {payment.discrepancy ? ` – ${t('staff.fees.discrepancy', { reason: payment.discrepancy })}` : ''}
            </li>
          ))}
        </ul>
      )}
      <FeeResolutions view={view} resolutions={data.fees.resolutions} by={(id) => nameOf(names, id)} />
    </section>
  );
}

function Applications({ view, data }: { view: View; data: SeekerData }): JSX.Element {
  const { t, locale } = view;
  return (
    <section aria-labelledby="applications-heading">
      <h2 class="ds-heading" data-size="md" id="applications-heading" safe>
        {t('staff.applications.title')}
      </h2>
      {data.applications.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('staff.applications.none')}
        </p>
      ) : (
        <div class="table-scroll">
          <table class="ds-table">
            <thead>
              <tr>
                <th scope="col" safe>
                  {t('staff.applications.listing')}
                </th>
                <th scope="col" safe>
                  {t('staff.applications.submitted')}
                </th>
                <th scope="col" safe>
                  {t('staff.applications.status')}
                </th>
                <th scope="col" safe>
                  {t('staff.applications.place')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.applications.map((application) => (
                <tr>
                  <td>
                    <a class="ds-link" href={`/bostader/${application.listingId}`} safe>
                      {application.listing ? `${application.listing.address}, ${application.listing.district}` : application.listingId}
                    </a>
                  </td>
                  <td safe>{formatDateTime(application.submittedAt, locale)}</td>
                  <td safe>{messageFor(locale, `staff.applications.status.${application.status}`) ?? application.status}</td>
                  <td safe>{application.place?.place ? t('staff.applications.placeOf', { place: application.place.place, of: application.place.of }) : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
