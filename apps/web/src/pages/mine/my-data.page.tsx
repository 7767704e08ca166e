import { ErrorSummary } from '../../views/components/error-summary.js';
import type { FieldMessage } from '../../views/components/form-errors.js';
import { FormTokens } from '../../views/components/hidden-fields.js';
import { TextField } from '../../views/components/text-field.js';
import { Layout } from '../../views/layout.js';
import type { View } from '../../views/view.js';
import type { Account } from './mine.types.js';
import type { RegisterExtract } from './register-extract.js';
import { RegisterExtractView } from './register-extract.view.js';

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
  readonly extract: RegisterExtract;
  readonly form: ContactForm;
  readonly errors: readonly FieldMessage[];
}

/** Contact details to edit, the register extract from every app (a page that prints as the extract alone, and a JSON download), and closing the account. */
export function MyDataPage({ view, account, extract, form, errors }: MyDataProps): JSX.Element {
  const { t } = view;
  return (
    <Layout view={view} title={t('data.title')}>
      <h1 class="ds-heading" data-size="lg" safe>
        {t('data.title')}
      </h1>
      <ErrorSummary view={view} errors={errors} />
      <h2 class="ds-heading no-print" data-size="md" safe>
        {t('data.contact')}
      </h2>
      <form method="post" action="/mina-sidor/uppgifter" class="stack no-print" novalidate>
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

      <RegisterExtractView view={view} extract={extract} />

      {account.status === 'active' && (
        <>
          <h2 class="ds-heading no-print" data-size="md" safe>
            {t('data.close')}
          </h2>
          <p class="ds-paragraph no-print" safe>
            {t('data.closeWarning')}
          </p>
          <form method="post" action="/mina-sidor/uppgifter/avsluta" class="stack no-print">
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
