import { ErrorSummary } from '../../views/components/error-summary.js';
import type { FieldMessage } from '../../views/components/form-errors.js';
import { FormTokens } from '../../views/components/hidden-fields.js';
import { TextField } from '../../views/components/text-field.js';
import { Layout } from '../../views/layout.js';
import type { View } from '../../views/view.js';

interface SignInProps {
  readonly view: View;
  readonly email?: string;
  readonly next: string;
  readonly errors: readonly FieldMessage[];
  readonly expired?: boolean;
}

/** Landlord users sign in with e-mail and password, apart from seekers' personnummer sign-in. */
export function LandlordSignInPage({ view, email, next, errors, expired }: SignInProps): JSX.Element {
  const { t } = view;
  return (
    <Layout view={view} title={t('landlord.signIn.title')}>
      <h1 class="ds-heading" data-size="lg" safe>
        {t('landlord.signIn.title')}
      </h1>
      <p class="ds-paragraph" safe>
        {t('landlord.signIn.intro')}
      </p>
      {expired && (
        <div class="ds-alert" data-color="info" role="status">
          <p class="ds-paragraph" safe>
            {t('landlord.signIn.expired')}
          </p>
        </div>
      )}
      <ErrorSummary view={view} errors={errors} />
      <form method="post" action="/hyresvard/logga-in" class="stack" novalidate>
        <FormTokens view={view} />
        <input type="hidden" name="nasta" value={next} />
        <TextField id="email" type="email" label={t('landlord.field.label.email')} value={email} errors={errors} autocomplete="username" required />
        <TextField id="password" type="password" label={t('field.label.password')} errors={errors} autocomplete="current-password" required />
        <div>
          <button class="ds-button" data-variant="primary" type="submit" safe>
            {t('signIn.submit')}
          </button>
        </div>
      </form>
      <p class="ds-paragraph" safe>
        {t('landlord.signIn.help')}
      </p>
    </Layout>
  );
}
