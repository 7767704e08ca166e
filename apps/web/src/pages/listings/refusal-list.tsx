import { formatMoney } from '../../i18n/format.js';
import { messageFor } from '../../i18n/locale.js';
import type { View } from '../../views/view.js';
import type { Refusal } from './eligibility.js';

/** A refusal in the person's language; amounts the API names are shown beside the rule. */
function refusalText(view: View, refusal: Refusal): string {
  const message = messageFor(view.locale, `refusal.${refusal.code}`) ?? view.t('refusal.other');
  const figures = typeof refusal.required === 'number' && typeof refusal.actual === 'number';
  if (!figures || refusal.code !== 'income-below-multiple') return message;
  return `${message} ${view.t('refusal.figures', { required: formatMoney(refusal.required as number, view.locale), actual: formatMoney(refusal.actual as number, view.locale) })}`;
}

export function RefusalList({ view, refusals }: { view: View; refusals: readonly Refusal[] }): JSX.Element {
  return (
    <ul class="ds-list">
      {refusals.map((refusal) => (
        <li safe>{refusalText(view, refusal)}</li>
      ))}
    </ul>
  );
}
