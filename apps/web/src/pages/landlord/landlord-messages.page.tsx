import type { MessageKey } from '../../i18n/sv.js';
import type { View } from '../../views/view.js';
import { InboxTable } from '../messages/inbox.table.js';
import { MessageBody } from '../messages/message-body.js';
import type { InboxMessage } from '../messages/messages.types.js';
import { MessageSettings } from '../messages/message-settings.js';
import { LandlordLayout } from './landlord-layout.js';

/** The messages app's answer to GET /messages/landlord/preferences. */
export interface LandlordPreferences {
  readonly language: 'sv' | 'en';
  /** Only the kinds a landlord user may turn off. */
  readonly email: Readonly<Record<string, boolean>>;
}

const HOME = '/hyresvard/meddelanden';

/** Hyresvärdsportalen → Meddelanden: the landlord user's inbox, newest first; unread said in words and in bold, never by colour alone. */
export function LandlordMessagesPage({ view, messages }: { view: View; messages: readonly InboxMessage[] }): JSX.Element {
  const { t } = view;
  return (
    <LandlordLayout view={view} title={t('messages.title')}>
      <h1 class="ds-heading" data-size="lg" safe>
        {t('messages.title')}
      </h1>
      <p class="ds-paragraph" data-variant="long" safe>
        {t('landlord.messages.intro')}
      </p>
      <p class="ds-paragraph">
        <a class="ds-link" href={`${HOME}/installningar`} safe>
          {t('landlord.messages.preferencesLink')}
        </a>
      </p>
      <InboxTable view={view} messages={messages} base={HOME} />
    </LandlordLayout>
  );
}

/** One message as it was sent; unread until the user says so with the button (a POST with the CSRF token). */
export function LandlordMessagePage({ view, message }: { view: View; message: InboxMessage }): JSX.Element {
  const { t } = view;
  return (
    <LandlordLayout view={view} title={message.subject}>
      <p class="ds-paragraph">
        <a class="ds-link" href={HOME} safe>
          {t('landlord.messages.back')}
        </a>
      </p>
      <MessageBody view={view} message={message} inbox={HOME} />
    </LandlordLayout>
  );
}

/** Meddelanden → Inställningar: the language of the messages (kept by the landlords app) and e-mail on or off for the kinds that may be. */
export function LandlordPreferencesPage({ view, preferences }: { view: View; preferences: LandlordPreferences }): JSX.Element {
  const { t } = view;
  return (
    <LandlordLayout view={view} title={t('landlord.preferences.title')}>
      <MessageSettings
        view={view}
        inbox={HOME}
        back={t('landlord.messages.back')}
        title={t('landlord.preferences.title')}
        intro={t('landlord.preferences.intro')}
        language={preferences.language}
        email={preferences.email}
        always={t('landlord.preferences.always')}
        kindLabel={(kind) => t(`landlord.preferences.kind.${kind}` as MessageKey)}
      />
    </LandlordLayout>
  );
}
