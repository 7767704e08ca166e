import { ErrorSummary } from '../../views/components/error-summary.js';
import type { FieldMessage } from '../../views/components/form-errors.js';
import { FormTokens } from '../../views/components/hidden-fields.js';
import { TextField } from '../../views/components/text-field.js';
import { Layout } from '../../views/layout.js';
import type { View } from '../../views/view.js';

interface SignInProps {
  readonly view: View;
  readonly personnummer?: string;
  readonly next: string;
  readonly errors: readonly FieldMessage[];
  readonly expired?: boolean;
}

export function SignInPage({ view, personnummer, next, errors, expired }: SignInProps): JSX.Element {
  const { t } = view;
  return (
    <Layout view={view} title={t('signIn.title')}>
      <h1 class="ds-heading" data-size="lg" safe>
        {t('signIn.title')}
      </h1>
      {expired && (
        <div class="ds-alert" data-color="info" role="status">
          <p class="ds-paragraph" safe>
            {t('signIn.expired')}
          </p>
        </div>
      )}
      <ErrorSummary view={view} errors={errors} />
      <form method="post" action="/logga-in" class="stack" novalidate>
        <FormTokens view={view} />
        <input type="hidden" name="nasta" value={next} />
        <TextField
          id="personnummer"
          label={t('field.label.personnummer')}
          description={t('field.hint.personnummer')}
          value={personnummer}
          errors={errors}
          autocomplete="username"
          inputmode="numeric"
          required
        />
        <TextField id="password" type="password" label={t('field.label.password')} errors={errors} autocomplete="current-password" required />
        <div>
          <button class="ds-button" data-variant="primary" type="submit" safe>
            {t('signIn.submit')}
          </button>
        </div>
      </form>
      <p class="ds-paragraph" safe>
        {t('signIn.forgotten')}
      </p>
      <p class="ds-paragraph">
        <span safe>{t('signIn.noAccount')}</span>{' '}
        <a class="ds-link" href="/registrera" safe>
          {t('nav.register')}
        </a>
      </p>
    </Layout>
  );
}
