import { ErrorSummary } from '../../views/components/error-summary.js';
import type { FieldMessage } from '../../views/components/form-errors.js';
import { Layout } from '../../views/layout.js';
import type { View } from '../../views/view.js';
import type { InboxMessage, MessageThread } from './messages.types.js';
import { InboxTable } from './inbox.table.js';
import { MessageBody } from './message-body.js';
import { ThreadSection } from './thread.section.js';

const INBOX = '/mina-sidor/meddelanden';

/** The seeker's inbox, newest first; an unread message is said in words and in bold, never by colour alone. */
export function MessagesPage({ view, messages }: { view: View; messages: readonly InboxMessage[] }): JSX.Element {
  const { t } = view;
  return (
    <Layout view={view} title={t('messages.title')}>
      <h1 class="ds-heading" data-size="lg" safe>
        {t('messages.title')}
      </h1>
      <p class="ds-paragraph">
        <a class="ds-link" href={`${INBOX}/installningar`} safe>
          {t('preferences.link')}
        </a>
      </p>
      <InboxTable view={view} messages={messages} base={INBOX} />
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
  const { t } = view;
  return (
    <Layout view={view} title={message.subject}>
      <ErrorSummary view={view} errors={refused?.errors ?? []} />
      <p class="ds-paragraph">
        <a class="ds-link" href={INBOX} safe>
          {t('messages.back')}
        </a>
      </p>
      <MessageBody view={view} message={message} inbox={INBOX} />
      <ThreadSection view={view} messageId={message.messageId} thread={thread} refused={refused} />
    </Layout>
  );
}
