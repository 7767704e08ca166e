import { Layout } from '../layout.js';
import type { View } from '../view.js';
import { ErrorSummary } from './error-summary.js';
import type { FieldMessage } from './form-errors.js';
import { FormTokens } from './hidden-fields.js';
import { TextField } from './text-field.js';

/** What one section's sign-in says and where it posts; the texts come translated from the section's catalogue. */
export interface WorkAccountSignIn {
  readonly action: string;
  readonly field: string;
  readonly texts: { readonly title: string; readonly intro: string; readonly expired: string; readonly account: string; readonly help?: string };
  /** Where someone without an account goes next (a landlord organisation not yet with the agency: its interest form). */
  readonly elsewhere?: { readonly href: string; readonly text: string };
}

interface Props {
  readonly view: View;
  readonly section: WorkAccountSignIn;
  readonly account?: string;
  readonly next: string;
  readonly errors: readonly FieldMessage[];
  readonly expired?: boolean;
}

/** The sign-in of a work account (landlord users, the agency's staff), each section in its own session slot. */
export function WorkAccountSignInPage({ view, section, account, next, errors, expired }: Props): JSX.Element {
  const { t } = view;
  const { texts } = section;
  return (
    <Layout view={view} title={texts.title}>
      <h1 class="ds-heading" data-size="lg" safe>
        {texts.title}
      </h1>
      <p class="ds-paragraph" safe>
        {texts.intro}
      </p>
      {expired && (
        <div class="ds-alert" data-color="info" role="status">
          <p class="ds-paragraph" safe>
            {texts.expired}
          </p>
        </div>
      )}
      <ErrorSummary view={view} errors={errors} />
      <form method="post" action={section.action} class="stack" novalidate>
        <FormTokens view={view} />
        <input type="hidden" name="nasta" value={next} />
        <TextField id={section.field} type="email" label={texts.account} value={account} errors={errors} autocomplete="username" required />
        <TextField id="password" type="password" label={t('field.label.password')} errors={errors} autocomplete="current-password" required />
        <div>
          <button class="ds-button" data-variant="primary" type="submit" safe>
            {t('signIn.submit')}
          </button>
        </div>
      </form>
      {texts.help && (
        <p class="ds-paragraph" safe>
          {texts.help}
        </p>
      )}
      {section.elsewhere && (
        <p class="ds-paragraph">
          <a class="ds-link" href={section.elsewhere.href} safe>
            {section.elsewhere.text}
          </a>
        </p>
      )}
    </Layout>
  );
}
