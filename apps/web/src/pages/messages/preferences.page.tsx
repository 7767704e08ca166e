import type { MessageKey } from '../../i18n/sv.js';
import { Layout } from '../../views/layout.js';
import type { View } from '../../views/view.js';
import { MessageSettings } from './message-settings.js';

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
      <MessageSettings
        view={view}
        inbox="/mina-sidor/meddelanden"
        back={t('messages.back')}
        title={t('preferences.title')}
        intro={t('preferences.intro')}
        language={preferences.language}
        email={preferences.email}
        always={t('preferences.always')}
        kindLabel={(kind) => t(`preferences.kind.${kind}` as MessageKey)}
      >
        <p class="ds-paragraph" data-size="sm">
          <a class="ds-link" href="/mina-sidor/bevakningar" safe>
            {t('preferences.digest')}
          </a>
        </p>
      </MessageSettings>
    </Layout>
  );
}
