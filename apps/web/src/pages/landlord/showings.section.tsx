import { formatDate, formatDateTime, formatNumber } from '../../i18n/format.js';
import type { FieldMessage } from '../../views/components/form-errors.js';
import { FormTokens } from '../../views/components/hidden-fields.js';
import { TextField } from '../../views/components/text-field.js';
import type { View } from '../../views/view.js';
import type { Letting } from './landlord.types.js';

export interface ShowingForm {
  readonly date?: string;
  readonly start?: string;
  readonly end?: string;
  readonly answerBy?: string;
}

/**
 * The showings the landlord scheduled, with how many of the best placed were invited to each slot
 * (who they are is the agency's to know), and a form for the next one.
 */
export function ShowingsSection({ view, base, letting, form, errors }: { view: View; base: string; letting: Letting; form: ShowingForm; errors: readonly FieldMessage[] }): JSX.Element {
  const { t, locale } = view;
  return (
    <section aria-labelledby="showings-heading" class="stack-wide">
      <h2 class="ds-heading" data-size="md" id="showings-heading" safe>
        {t('landlord.showings.title')}
      </h2>
      {letting.showings.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('landlord.showings.none')}
        </p>
      ) : (
        <ul class="ds-list">
          {letting.showings.flatMap((showing) =>
            showing.slots.map((slot) => (
              <li safe>
                {t('landlord.showings.slot', {
                  from: formatDateTime(slot.startsAt, locale),
                  to: formatDateTime(slot.endsAt, locale).split(' ').at(-1) ?? '',
                  invited: formatNumber(slot.invited, locale),
                  answerBy: formatDate(showing.answerBy, locale),
                })}
              </li>
            )),
          )}
        </ul>
      )}
      <h3 class="ds-heading" data-size="sm" safe>
        {t('landlord.showings.schedule')}
      </h3>
      <p class="ds-paragraph" safe>
        {t('landlord.showings.scheduleHint')}
      </p>
      <form method="post" action={`${base}/visningar`} class="stack" novalidate>
        <FormTokens view={view} />
        <TextField id="showing-date" label={t('landlord.showings.date')} description={t('landlord.field.hint.date')} value={form.date} errors={errors} inputmode="numeric" required />
        <TextField id="showing-start" label={t('landlord.showings.start')} description={t('landlord.field.hint.time')} value={form.start} errors={errors} inputmode="numeric" required />
        <TextField id="showing-end" label={t('landlord.showings.end')} description={t('landlord.field.hint.time')} value={form.end} errors={errors} inputmode="numeric" required />
        <TextField id="answerBy" label={t('landlord.showings.answerBy')} description={t('landlord.showings.answerByHint')} value={form.answerBy} errors={errors} inputmode="numeric" />
        <div>
          <button class="ds-button" data-variant="primary" type="submit" safe>
            {t('landlord.showings.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
