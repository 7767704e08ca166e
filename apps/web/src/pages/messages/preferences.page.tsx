import type { MessageKey } from '../../i18n/sv.js';
import { FormTokens } from '../../views/components/hidden-fields.js';
import { Layout } from '../../views/layout.js';
import type { View } from '../../views/view.js';
import { PreferenceFields } from './preference-fields.js';

/** The messages app's answer to GET /messages/people/{id}/preferences. */
export interface Preferences {
  readonly language: 'sv' | 'en';
  readonly digestTime: string;
  /** Only the kinds the person may turn off. */
  readonly email: Readonly<Record<string, boolean>>;
}

/** Mina sidor → Meddelanden → Inställningar: the language and, for the kinds that may be, e-mail on or off, in one form. */
export function PreferencesPage({ view, preferences }: { view: View; preferences: Preferences }): JSX.Element {
  const { t } = view;
  return (
    <Layout view={view} title={t('preferences.title')}>
      <p class="ds-paragraph">
        <a class="ds-link" href="/mina-sidor/meddelanden" safe>
          {t('messages.back')}
        </a>
      </p>
      <h1 class="ds-heading" data-size="lg" safe>
        {t('preferences.title')}
      </h1>
      <p class="ds-paragraph" safe>
        {t('preferences.intro')}
      </p>
      <form method="post" action="/mina-sidor/meddelanden/installningar" class="stack">
        <FormTokens view={view} />
        <PreferenceFields view={view} language={preferences.language} email={preferences.email} always={t('preferences.always')} kindLabel={(kind) => t(`preferences.kind.${kind}` as MessageKey)} />
        <p class="ds-paragraph" data-size="sm">
          <a class="ds-link" href="/mina-sidor/bevakningar" safe>
            {t('preferences.digest')}
          </a>
        </p>
        <div class="actions">
          <button class="ds-button" data-variant="primary" type="submit" safe>
            {t('preferences.save')}
          </button>
        </div>
      </form>
    </Layout>
  );
}
