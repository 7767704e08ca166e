import { formatDate, formatMoney } from '../../i18n/format.js';
import { messageFor } from '../../i18n/locale.js';
import type { View } from '../../views/view.js';
import type { FeeResolution } from './mine.types.js';

/**
 * Resolved payment discrepancies in a fee history, for the seeker and for staff alike: what the
 * money was, how staff settled it and why. `by` names who resolved it where the reader may know.
 */
export function FeeResolutions({ view, resolutions, by }: { view: View; resolutions: readonly FeeResolution[]; by?: (staffId: string) => string }): JSX.Element {
  const { t, locale } = view;
  if (resolutions.length === 0) return <></>;
  return (
    <>
      <h2 class="ds-heading" data-size="md" safe>
        {t('fees.resolutions')}
      </h2>
      <ul class="ds-list">
        {resolutions.map((r) => (
          <li safe>
            {t('fees.resolution.entry', {
              date: formatDate(r.resolvedOn, locale),
              amount: r.amount === null ? '–' : formatMoney(r.amount, locale),
              paidOn: r.paidOn ? formatDate(r.paidOn, locale) : '–',
              resolution: messageFor(locale, `staff.resolution.${r.resolution}`) ?? r.resolution,
              note: r.note,
            })}
            {by ? ` (${by(r.resolvedBy)})` : ''}
          </li>
        ))}
      </ul>
    </>
  );
}
