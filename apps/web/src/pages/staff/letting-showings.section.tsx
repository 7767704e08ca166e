import { formatDate, formatDateTime } from '../../i18n/format.js';
import { messageFor } from '../../i18n/locale.js';
import type { FieldMessage } from '../../views/components/form-errors.js';
import { FormTokens } from '../../views/components/hidden-fields.js';
import { TextField } from '../../views/components/text-field.js';
import type { View } from '../../views/view.js';
import { SHOWING_FIELDS, type StaffShowing } from './letting.types.js';

/**
 * The showings of a listing being let, for staff: each slot, who of the ranking was invited to it and what
 * they answered (staff may see them, the landlord only counts), and a form for the next showing, which
 * invites the next of the ranking not yet invited.
 */
export function LettingShowingsSection(props: {
  view: View;
  base: string;
  showings: readonly StaffShowing[];
  /** Showings are scheduled while the letting is open; once let or cancelled the form is gone. */
  schedulable: boolean;
  form: Readonly<Record<string, string>>;
  errors: readonly FieldMessage[];
}): JSX.Element {
  const { view, base, showings, schedulable, form, errors } = props;
  const { t, locale } = view;
  const f = SHOWING_FIELDS;
  return (
    <section aria-labelledby="showings-heading" class="stack-wide">
      <h2 class="ds-heading" data-size="md" id="showings-heading" safe>
        {t('staff.showings.title')}
      </h2>
      {showings.length === 0 && (
        <p class="ds-paragraph" safe>
          {t('staff.showings.none')}
        </p>
      )}
      {showings.map((showing, number) => (
        <div class="table-scroll">
          <table class="ds-table">
            <caption safe>{t('staff.showings.caption', { number: number + 1, answerBy: formatDate(showing.answerBy, locale) })}</caption>
            <thead>
              <tr>
                <th scope="col" safe>
                  {t('staff.showings.slot')}
                </th>
                <th scope="col" safe>
                  {t('staff.ranking.place')}
                </th>
                <th scope="col" safe>
                  {t('staff.showings.answer')}
                </th>
              </tr>
            </thead>
            <tbody>
              {(showing.invitations ?? []).map((invitation) => {
                const slot = showing.slots[invitation.slot];
                return (
                  <tr>
                    <td safe>{slot ? `${formatDateTime(slot.startsAt, locale)}–${formatDateTime(slot.endsAt, locale).split(' ').at(-1) ?? ''}` : ''}</td>
                    <td>
                      <a class="ds-link" href={`/handlaggare/sokande/${invitation.applicantId}`} safe>
                        {t('staff.ranking.placeNumber', { place: invitation.place })}
                      </a>
                    </td>
                    <td safe>
                      {`${messageFor(locale, `staff.showings.answer.${invitation.answer}`) ?? invitation.answer}${invitation.answeredAt ? ` (${formatDateTime(invitation.answeredAt, locale)})` : ''}`}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ))}
      {schedulable && (
        <form method="post" action={`${base}/visningar`} class="stack" novalidate>
          <h3 class="ds-heading" data-size="sm" safe>
            {t('staff.showings.schedule')}
          </h3>
          <p class="ds-paragraph" safe>
            {t('staff.showings.hint')}
          </p>
          <FormTokens view={view} />
          <TextField id={f.date} label={t('staff.showings.date')} description={t('staff.letting.dateHint')} value={form[f.date]} errors={errors} inputmode="numeric" required />
          <TextField id={f.start} label={t('staff.showings.start')} description={t('staff.showings.timeHint')} value={form[f.start]} errors={errors} inputmode="numeric" required />
          <TextField id={f.end} label={t('staff.showings.end')} description={t('staff.showings.timeHint')} value={form[f.end]} errors={errors} inputmode="numeric" required />
          <TextField id={f.answerBy} label={t('staff.showings.answerBy')} description={t('staff.showings.answerByHint')} value={form[f.answerBy]} errors={errors} inputmode="numeric" />
          <div>
            <button class="ds-button" data-variant="primary" type="submit" safe>
              {t('staff.showings.submit')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
