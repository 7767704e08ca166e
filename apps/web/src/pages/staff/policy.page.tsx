import { formatDate, formatDateTime } from '../../i18n/format.js';
import { messageFor, type Locale } from '../../i18n/locale.js';
import { ChoiceField } from '../../views/components/choice-field.js';
import { TextAreaField } from '../../views/components/text-area-field.js';
import { ErrorSummary } from '../../views/components/error-summary.js';
import type { FieldMessage } from '../../views/components/form-errors.js';
import { FormTokens } from '../../views/components/hidden-fields.js';
import { TextField } from '../../views/components/text-field.js';
import type { View } from '../../views/view.js';
import { POLICY_APPS, type PolicyApp, type PolicyChange } from './policy.types.js';
import { StaffLayout } from './staff-layout.js';
import { nameOf, type StaffNames } from './staff-names.js';

interface PolicyPageProps {
  readonly view: View;
  readonly app: PolicyApp;
  readonly inForce: Readonly<Record<string, number>>;
  readonly on: string;
  readonly changes: readonly PolicyChange[];
  /** Who decided each change, by name and role. */
  readonly names: StaffNames;
  /** Administrators schedule changes; staff read them. */
  readonly admin: boolean;
  readonly form?: Readonly<Record<string, string>>;
  readonly errors: readonly FieldMessage[];
}

const settingName = (locale: Locale, setting: string): string => messageFor(locale, `staff.setting.${setting}`) ?? setting;

/** The rules of one app as data: what is in force today, every change with its date and reason, and a change from a future date. */
export function PolicyPage({ view, app, inForce, on, changes, names, admin, form = {}, errors }: PolicyPageProps): JSX.Element {
  const { t, locale } = view;
  const settings = Object.keys(inForce);
  return (
    <StaffLayout view={view} title={t('staff.policy.title')}>
      <h1 class="ds-heading" data-size="lg" safe>
        {t('staff.policy.title')}
      </h1>
      <nav class="actions" aria-label={t('staff.policy.apps')}>
        {POLICY_APPS.map((candidate) => (
          <a class="ds-link" href={`/handlaggare/regler/${candidate}`} aria-current={candidate === app ? 'page' : undefined} safe>
            {t(`staff.policy.app.${candidate}`)}
          </a>
        ))}
      </nav>
      <ErrorSummary view={view} errors={errors} />
      <div class="table-scroll">
        <table class="ds-table">
          <caption safe>{t('staff.policy.inForce', { app: t(`staff.policy.app.${app}`), date: formatDate(on, locale) })}</caption>
          <thead>
            <tr>
              <th scope="col" safe>
                {t('staff.policy.setting')}
              </th>
              <th scope="col" safe>
                {t('staff.policy.value')}
              </th>
            </tr>
          </thead>
          <tbody>
            {settings.map((setting) => (
              <tr>
                <td safe>{settingName(locale, setting)}</td>
                <td safe>{String(inForce[setting])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 class="ds-heading" data-size="md" safe>
        {t('staff.policy.history')}
      </h2>
      {changes.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('staff.policy.noChanges')}
        </p>
      ) : (
        <div class="table-scroll">
          <table class="ds-table">
            <thead>
              <tr>
                <th scope="col" safe>
                  {t('staff.policy.setting')}
                </th>
                <th scope="col" safe>
                  {t('staff.policy.value')}
                </th>
                <th scope="col" safe>
                  {t('staff.policy.from')}
                </th>
                <th scope="col" safe>
                  {t('staff.policy.reason')}
                </th>
                <th scope="col" safe>
                  {t('staff.policy.decided')}
                </th>
              </tr>
            </thead>
            <tbody>
              {[...changes].reverse().map((change) => (
                <tr>
                  <td safe>{settingName(locale, change.setting)}</td>
                  <td safe>{String(change.value)}</td>
                  <td safe>{`${formatDate(change.effectiveFrom, locale)}${change.effectiveFrom > on ? ` (${t('staff.policy.scheduled')})` : ''}`}</td>
                  <td safe>{change.reason}</td>
                  <td safe>{`${formatDateTime(change.decidedAt, locale)}, ${nameOf(names, change.decidedBy)}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {admin && (
        <form method="post" action={`/handlaggare/regler/${app}`} class="stack" novalidate>
          <h2 class="ds-heading" data-size="md" safe>
            {t('staff.policy.change')}
          </h2>
          <FormTokens view={view} />
          <ChoiceField
            id="setting"
            label={t('staff.policy.setting')}
            options={settings.map((setting) => ({ value: setting, label: settingName(locale, setting) }))}
            value={form.setting}
            errors={errors}
          />
          <TextField id="value" label={t('staff.policy.newValue')} value={form.value} errors={errors} inputmode="decimal" />
          <TextField id="effectiveFrom" type="date" label={t('staff.policy.from')} description={t('staff.policy.fromHint')} value={form.effectiveFrom} errors={errors} />
          <TextAreaField id="reason" label={t('staff.policy.reason')} description={t('staff.policy.reasonHint')} value={form.reason} errors={errors} />
          <div>
            <button class="ds-button" data-variant="primary" type="submit" safe>
              {t('staff.policy.submit')}
            </button>
          </div>
        </form>
      )}
    </StaffLayout>
  );
}
