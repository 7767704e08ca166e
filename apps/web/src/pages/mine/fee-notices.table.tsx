import { formatDate, formatMoney } from '../../i18n/format.js';
import { messageFor } from '../../i18n/locale.js';
import type { View } from '../../views/view.js';
import type { Fees } from './mine.types.js';

/** A seeker's fee notices, one a row: for the seeker on Mina sidor and for a case officer on the seeker's page. */
export function FeeNoticesTable({ view, notices, caption }: { view: View; notices: Fees['notices']; caption?: string }): JSX.Element {
  const { t, locale } = view;
  return (
    <div class="table-scroll">
      <table class="ds-table">
        {caption && <caption safe>{caption}</caption>}
        <thead>
          <tr>
            <th scope="col" safe>
              {t('fees.year')}
            </th>
            <th scope="col" safe>
              {t('fees.amount')}
            </th>
            <th scope="col" safe>
              {t('fees.due')}
            </th>
            <th scope="col" safe>
              {t('fees.ocr')}
            </th>
            <th scope="col" safe>
              {t('fees.status')}
            </th>
            <th scope="col" safe>
              {t('fees.lastPayDay')}
            </th>
          </tr>
        </thead>
        <tbody>
          {notices.map((notice) => (
            <tr>
              <td safe>{String(notice.year)}</td>
              <td safe>{formatMoney(notice.amount, locale)}</td>
              <td safe>{formatDate(notice.dueDate, locale)}</td>
              <td safe>{notice.reference}</td>
              <td safe>{notice.paidOn ? t('fees.paidOn', { date: formatDate(notice.paidOn, locale) }) : (messageFor(locale, `fees.status.${notice.status}`) ?? notice.status)}</td>
              <td safe>{formatDate(notice.lastPayDay, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
