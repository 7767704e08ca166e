import { formatDateTime } from '../../i18n/format.js';
import { ErrorSummary } from '../../views/components/error-summary.js';
import type { FieldMessage } from '../../views/components/form-errors.js';
import { FormTokens } from '../../views/components/hidden-fields.js';
import { Layout } from '../../views/layout.js';
import type { View } from '../../views/view.js';
import type { InboxMessage, MessageThread } from './messages.types.js';
import { InboxTable } from './inbox.table.js';
import { ThreadSection } from './thread.section.js';

/** The seeker's inbox, newest first; an unread message is said in words and in bold, never by colour alone. */
export function MessagesPage({ view, messages }: { view: View; messages: readonly InboxMessage[] }): JSX.Element {
  const { t } = view;
  return (
    <Layout view={view} title={t('messages.title')}>
      <h1 class="ds-heading" data-size="lg" safe>
        {t('messages.title')}
      </h1>
      <p class="ds-paragraph">
        <a class="ds-link" href="/mina-sidor/meddelanden/installningar" safe>
          {t('preferences.link')}
        </a>
      </p>
      <InboxTable view={view} messages={messages} base="/mina-sidor/meddelanden" />
    </Layout>
  );
}

interface MessagePageProps {
  readonly view: View;
  readonly message: InboxMessage;
  readonly thread: MessageThread;
  readonly refused?: { readonly text: string; readonly errors: readonly FieldMessage[] };
}

/**
 * One message as it was sent; unread until the seeker says so with the button (a POST with the CSRF token).
 * Under a message about a letting, its thread and a reply form.
 */
export function MessagePage({ view, message, thread, refused }: MessagePageProps): JSX.Element {
  const { t, locale } = view;
  return (
    <Layout view={view} title={message.subject}>
      <ErrorSummary view={view} errors={refused?.errors ?? []} />
      <p class="ds-paragraph">
        <a class="ds-link" href="/mina-sidor/meddelanden" safe>
          {t('messages.back')}
        </a>
      </p>
      <h1 class="ds-heading" data-size="lg" safe>
        {message.subject}
      </h1>
      <p class="ds-paragraph" data-size="sm" safe>
        {`${t('messages.received')}: ${formatDateTime(message.recordedAt, locale)} · ${message.readAt ? t('messages.read') : t('messages.unread')}`}
      </p>
      {message.paragraphs.map((paragraph) => (
        <p class="ds-paragraph" safe>
          {paragraph}
        </p>
      ))}
      {message.readAt ? null : (
        <form method="post" action={`/mina-sidor/meddelanden/${encodeURIComponent(message.messageId)}/las`}>
          <FormTokens view={view} />
          <button class="ds-button" data-variant="secondary" type="submit" safe>
            {t('messages.markRead')}
          </button>
        </form>
      )}
      <ThreadSection view={view} messageId={message.messageId} thread={thread} refused={refused} />
    </Layout>
  );
}
