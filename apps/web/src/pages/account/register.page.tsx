import { ErrorSummary } from '../../views/components/error-summary.js';
import { messageAt, type FieldMessage } from '../../views/components/form-errors.js';
import { FormTokens } from '../../views/components/hidden-fields.js';
import { TextField } from '../../views/components/text-field.js';
import { Layout } from '../../views/layout.js';
import type { View } from '../../views/view.js';

export interface RegisterForm {
  readonly personnummer?: string;
  readonly name?: string;
  readonly email?: string;
  readonly phone?: string;
  readonly street?: string;
  readonly postalCode?: string;
  readonly city?: string;
  readonly terms?: string;
}

export function RegisterPage({ view, form, errors }: { view: View; form: RegisterForm; errors: readonly FieldMessage[] }): JSX.Element {
  const { t } = view;
  const termsError = messageAt(errors, 'terms');
  return (
    <Layout view={view} title={t('register.title')}>
      <h1 class="ds-heading" data-size="lg" safe>
        {t('register.title')}
      </h1>
      <ErrorSummary view={view} errors={errors} />
      <form method="post" action="/registrera" class="stack" novalidate>
        <FormTokens view={view} />
        <TextField
          id="personnummer"
          label={t('field.label.personnummer')}
          description={t('field.hint.personnummer')}
          value={form.personnummer}
          errors={errors}
          autocomplete="off"
          inputmode="numeric"
          required
        />
        <TextField id="name" label={t('field.label.name')} value={form.name} errors={errors} autocomplete="name" required />
        <TextField id="email" type="email" label={t('field.label.email')} value={form.email} errors={errors} autocomplete="email" required />
        <TextField id="phone" type="tel" label={t('field.label.phone')} description={t('field.hint.optional')} value={form.phone} errors={errors} autocomplete="tel" />
        <fieldset class="ds-fieldset">
          <legend class="ds-label" safe>
            {t('field.label.address')}
          </legend>
          <p class="ds-paragraph" data-size="sm" safe>
            {t('field.hint.address')}
          </p>
          <TextField id="address-street" label={t('field.label.street')} value={form.street} errors={errors} autocomplete="street-address" />
          <TextField id="address-postalCode" label={t('field.label.postalCode')} value={form.postalCode} errors={errors} autocomplete="postal-code" inputmode="numeric" />
          <TextField id="address-city" label={t('field.label.city')} value={form.city} errors={errors} autocomplete="address-level2" />
        </fieldset>
        <TextField id="password" type="password" label={t('field.label.password')} description={t('field.hint.password')} errors={errors} autocomplete="new-password" required />
        <div class="ds-field">
          <input
            class="ds-input"
            type="checkbox"
            id="terms"
            name="terms"
            value="yes"
            checked={form.terms === 'yes'}
            aria-invalid={termsError ? 'true' : undefined}
            aria-describedby={termsError ? 'terms-error' : undefined}
          />
          <label class="ds-label" for="terms" safe>
            {t('register.terms')}
          </label>
          {termsError && (
            <div class="ds-validation-message" data-field="validation" id="terms-error" safe>
              {termsError}
            </div>
          )}
        </div>
        <p class="ds-paragraph" data-size="sm" safe>
          {t('register.termsText')}
        </p>
        <div>
          <button class="ds-button" data-variant="primary" type="submit" safe>
            {t('register.submit')}
          </button>
        </div>
      </form>
      <p class="ds-paragraph">
        <span safe>{t('register.haveAccount')}</span>{' '}
        <a class="ds-link" href="/logga-in" safe>
          {t('nav.signIn')}
        </a>
      </p>
    </Layout>
  );
}
