import { formatDateTime } from '../../i18n/format.js';
import { messageFor } from '../../i18n/locale.js';
import { ErrorSummary } from '../../views/components/error-summary.js';
import type { FieldMessage } from '../../views/components/form-errors.js';
import { FormTokens } from '../../views/components/hidden-fields.js';
import { TextField } from '../../views/components/text-field.js';
import { Layout } from '../../views/layout.js';
import type { View } from '../../views/view.js';
import type { Account, HistoryEntry } from './mine.types.js';

export interface Extract {
  readonly generatedAt: string;
  readonly controller: string;
  readonly personalData: Readonly<Record<string, unknown>> | null;
  readonly records: readonly HistoryEntry[];
}

export interface ContactForm {
  readonly email?: string;
  readonly phone?: string;
  readonly street?: string;
  readonly postalCode?: string;
  readonly city?: string;
}

interface MyDataProps {
  readonly view: View;
  readonly account: Account;
  readonly extract: Extract;
  readonly form: ContactForm;
  readonly errors: readonly FieldMessage[];
}

/** The register extract as a page and a download, contact details to edit, and closing the account. */
export function MyDataPage({ view, account, extract, form, errors }: MyDataProps): JSX.Element {
  const { t, locale } = view;
  return (
    <Layout view={view} title={t('data.title')}>
      <h1 class="ds-heading" data-size="lg" safe>
        {t('data.title')}
      </h1>
      <ErrorSummary view={view} errors={errors} />
      <h2 class="ds-heading" data-size="md" safe>
        {t('data.contact')}
      </h2>
      <form method="post" action="/mina-sidor/uppgifter" class="stack" novalidate>
        <FormTokens view={view} />
        <TextField id="email" type="email" label={t('field.label.email')} value={form.email} errors={errors} autocomplete="email" />
        <TextField id="phone" type="tel" label={t('field.label.phone')} description={t('field.hint.optional')} value={form.phone} errors={errors} autocomplete="tel" />
        <TextField id="address-street" label={t('field.label.street')} value={form.street} errors={errors} autocomplete="street-address" />
        <TextField id="address-postalCode" label={t('field.label.postalCode')} value={form.postalCode} errors={errors} autocomplete="postal-code" />
        <TextField id="address-city" label={t('field.label.city')} value={form.city} errors={errors} autocomplete="address-level2" />
        <div>
          <button class="ds-button" data-variant="primary" type="submit" safe>
            {t('data.save')}
          </button>
        </div>
      </form>

      <h2 class="ds-heading" data-size="md" safe>
        {t('data.extract')}
      </h2>
      <p class="ds-paragraph" safe>
        {t('data.extractIntro', { at: formatDateTime(extract.generatedAt, locale) })}
      </p>
      <p class="ds-paragraph">
        <a class="ds-link" href="/mina-sidor/uppgifter/registerutdrag.json" download="registerutdrag.json" safe>
          {t('data.download')}
        </a>
      </p>
      {extract.personalData && (
        <dl class="facts">
          {Object.entries(extract.personalData).map(([name, value]) => (
            <>
              <dt safe>{messageFor(locale, `personal.${name}`) ?? name}</dt>
              <dd safe>{typeof value === 'object' && value !== null ? Object.values(value).join(', ') : String(value)}</dd>
            </>
          ))}
        </dl>
      )}
      <div class="table-scroll">
        <table class="ds-table">
          <caption safe>{t('data.records', { count: extract.records.length })}</caption>
          <thead>
            <tr>
              <th scope="col" safe>
                {t('queue.when')}
              </th>
              <th scope="col" safe>
                {t('queue.what')}
              </th>
            </tr>
          </thead>
          <tbody>
            {extract.records.map((record) => (
              <tr>
                <td safe>{formatDateTime(record.recordedAt, locale)}</td>
                <td safe>{messageFor(locale, `event.${record.type}`) ?? record.type}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {account.status === 'active' && (
        <>
          <h2 class="ds-heading" data-size="md" safe>
            {t('data.close')}
          </h2>
          <p class="ds-paragraph" safe>
            {t('data.closeWarning')}
          </p>
          <form method="post" action="/mina-sidor/uppgifter/avsluta" class="stack">
            <FormTokens view={view} />
            <div class="ds-field">
              <input class="ds-input" type="checkbox" id="confirm" name="confirm" value="yes" required />
              <label class="ds-label" for="confirm" safe>
                {t('data.closeConfirm')}
              </label>
            </div>
            <div>
              <button class="ds-button" data-variant="secondary" data-color="danger" type="submit" safe>
                {t('data.closeButton')}
              </button>
            </div>
          </form>
        </>
      )}
    </Layout>
  );
}
