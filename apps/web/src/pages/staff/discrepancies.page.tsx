import { formatDate, formatDateTime, formatMoney } from '../../i18n/format.js';
import type { View } from '../../views/view.js';
import { DataTable } from '../../views/components/data-table.js';
import { messageFor } from '../../i18n/locale.js';
import { reasonText } from './fees.page.js';
import { DISCREPANCY_KINDS, type Discrepancy, type ResolutionResult } from './fees.types.js';
import { StaffLayout } from './staff-layout.js';
import { nameOf, type StaffNames } from './staff-names.js';

interface Props {
  readonly view: View;
  readonly items: readonly Discrepancy[];
  readonly kind?: string;
  /** The one just resolved, confirmed at the top. */
  readonly resolved?: ResolutionResult;
  /** The resolved ones instead of the open ones: how each was settled, by whom and why. */
  readonly showResolved?: boolean;
  readonly names: StaffNames;
}

/** Payments the rules did not apply as sent, newest first, each leading to its seeker where there is one and to the form that resolves it. */
export function DiscrepanciesPage({ view, items, kind, resolved, showResolved = false, names }: Props): JSX.Element {
  const { t, locale } = view;
  return (
    <StaffLayout view={view} title={t('staff.discrepancies.title')}>
      <h1 class="ds-heading" data-size="lg" safe>
        {t('staff.discrepancies.title')}
      </h1>
      <nav class="actions" aria-label={t('staff.discrepancies.filter')}>
        {[undefined, ...DISCREPANCY_KINDS].map((candidate) => (
          <a class="ds-link" href={candidate ? `/handlaggare/avgifter/avvikelser?typ=${candidate}` : '/handlaggare/avgifter/avvikelser'} aria-current={candidate === kind ? 'page' : undefined} safe>
            {t(candidate ? `staff.discrepancies.kind.${candidate}` : 'staff.discrepancies.all')}
          </a>
        ))}
        <a class="ds-link" href="/handlaggare/avgifter/avvikelser?visa=losta" aria-current={showResolved ? 'page' : undefined} safe>
          {t('staff.resolve.resolvedList')}
        </a>
      </nav>
      {resolved && (
        <div class="ds-alert" data-color="success" role="status">
          <p class="ds-paragraph" safe>
            {t('staff.resolve.done', { resolution: messageFor(locale, `staff.resolution.${resolved.resolution}`) ?? resolved.resolution })}
            {resolved.payment ? ` ${t('staff.resolve.placed', { outcome: messageFor(locale, `staff.outcome.${resolved.payment.outcome}`) ?? resolved.payment.outcome })}` : ''}
          </p>
        </div>
      )}
      {items.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('staff.discrepancies.none')}
        </p>
      ) : (
        <DataTable
          columns={[
            t('staff.discrepancies.recorded'),
            t('staff.discrepancies.what'),
            t('fees.ocr'),
            t('staff.fees.amount'),
            t('staff.fees.paidOn'),
            t('staff.discrepancies.seeker'),
            t(showResolved ? 'staff.resolve.how' : 'staff.resolve.column'),
          ]}
        >
          {items.map((item) => (
            <tr>
              <td safe>{formatDateTime(item.recordedAt, locale)}</td>
              <td safe>
                {[
                  messageFor(locale, `staff.discrepancies.kind.${item.kind}`) ?? item.kind,
                  item.reason ? reasonText(locale, item.reason) : '',
                  item.detail ? t('staff.discrepancies.line', { line: String(item.detail.line), text: item.detail.text, why: item.detail.messages.join('; ') }) : '',
                ]
                  .filter(Boolean)
                  .join(' – ')}
              </td>
              <td safe>{item.reference ?? '–'}</td>
              <td safe>{item.amount === null ? '–' : formatMoney(item.amount, locale)}</td>
              <td safe>{item.paidOn ? formatDate(item.paidOn, locale) : '–'}</td>
              <td>
                {item.applicantId ? (
                  <a class="ds-link" href={`/handlaggare/sokande/${item.applicantId}`} safe>
                    {t('staff.discrepancies.open')}
                  </a>
                ) : (
                  '–'
                )}
              </td>
              {item.resolution ? (
                <td safe>
                  {t('staff.resolve.entry', {
                    resolution: messageFor(locale, `staff.resolution.${item.resolution.resolution}`) ?? item.resolution.resolution,
                    by: nameOf(names, item.resolution.resolvedBy),
                    date: formatDate(item.resolution.resolvedOn, locale),
                    note: item.resolution.note,
                  })}
                </td>
              ) : (
                <td>
                  <a class="ds-link" href={`/handlaggare/avgifter/avvikelser/losa?id=${encodeURIComponent(item.id)}`} safe>
                    {t('staff.resolve.link')}
                  </a>
                </td>
              )}
            </tr>
          ))}
        </DataTable>
      )}
    </StaffLayout>
  );
}
