import { ErrorSummary } from '../../views/components/error-summary.js';
import type { FieldMessage } from '../../views/components/form-errors.js';
import { FormTokens } from '../../views/components/hidden-fields.js';
import { TextField } from '../../views/components/text-field.js';
import { Layout } from '../../views/layout.js';
import type { View } from '../../views/view.js';

interface SignInProps {
  readonly view: View;
  readonly username?: string;
  readonly next: string;
  readonly errors: readonly FieldMessage[];
  readonly expired?: boolean;
}

/** The agency's own people sign in with their work account, apart from seekers and landlords. */
export function StaffSignInPage({ view, username, next, errors, expired }: SignInProps): JSX.Element {
  const { t } = view;
  return (
    <Layout view={view} title={t('staff.signIn.title')}>
      <h1 class="ds-heading" data-size="lg" safe>
        {t('staff.signIn.title')}
      </h1>
      <p class="ds-paragraph" safe>
        {t('staff.signIn.intro')}
      </p>
      {expired && (
        <div class="ds-alert" data-color="info" role="status">
          <p class="ds-paragraph" safe>
            {t('staff.signIn.expired')}
          </p>
        </div>
      )}
      <ErrorSummary view={view} errors={errors} />
      <form method="post" action="/handlaggare/logga-in" class="stack" novalidate>
        <FormTokens view={view} />
        <input type="hidden" name="nasta" value={next} />
        <TextField id="username" type="email" label={t('staff.field.label.username')} value={username} errors={errors} autocomplete="username" required />
        <TextField id="password" type="password" label={t('field.label.password')} errors={errors} autocomplete="current-password" required />
        <div>
          <button class="ds-button" data-variant="primary" type="submit" safe>
            {t('signIn.submit')}
          </button>
        </div>
      </form>
    </Layout>
  );
}
