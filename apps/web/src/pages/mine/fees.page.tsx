import { formatDate, formatMoney } from '../../i18n/format.js';
import { Layout } from '../../views/layout.js';
import { FeeResolutions } from './fee-resolutions.js';
import type { View } from '../../views/view.js';
import type { ApplicantsPolicy } from '../home/queue-rules.js';
import { FeeNoticesTable } from './fee-notices.table.js';
import type { Fees } from './mine.types.js';

/** Fee notices with amount, due date and OCR reference, payments, and what the grace period means. */
export function FeesPage({ view, fees, policy }: { view: View; fees: Fees; policy: ApplicantsPolicy }): JSX.Element {
  const { t, locale } = view;
  return (
    <Layout view={view} title={t('fees.title')}>
      <h1 class="ds-heading" data-size="lg" safe>
        {t('fees.title')}
      </h1>
      <p class="ds-paragraph" safe>
        {t('how.fee.amount', { fee: formatMoney(policy.annualFee, locale) })}
      </p>
      <p class="ds-paragraph" safe>
        {t('fees.grace', { days: policy.graceDays })}
      </p>
      <h2 class="ds-heading" data-size="md" safe>
        {t('fees.notices')}
      </h2>
      {fees.notices.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('fees.noNotices', { days: policy.noticeLeadDays })}
        </p>
      ) : (
        <FeeNoticesTable view={view} notices={fees.notices} />
      )}
      {fees.notices
        .filter((notice) => notice.status === 'unpaid' || notice.status === 'overdue')
        .map((notice) => (
          <div class="ds-alert" data-color={notice.status === 'overdue' ? 'warning' : 'info'}>
            <p class="ds-paragraph" safe>
              {t('fees.keepBy', { amount: formatMoney(notice.outstanding, locale), ocr: notice.reference, date: formatDate(notice.lastPayDay, locale) })}
            </p>
          </div>
        ))}
      <p class="ds-paragraph" safe>
        {t('fees.howToPay')}
      </p>
      {fees.payments.length > 0 && (
        <>
          <h2 class="ds-heading" data-size="md" safe>
            {t('fees.payments')}
          </h2>
          <ul class="ds-list">
            {fees.payments.map((payment) => (
              <li safe>{t('fees.payment', { amount: formatMoney(payment.amount, locale), date: formatDate(payment.paidOn, locale), ocr: payment.reference })}</li>
            ))}
          </ul>
        </>
      )}
      <FeeResolutions view={view} resolutions={fees.resolutions} />
    </Layout>
  );
}
