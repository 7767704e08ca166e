import { formatDateTime } from '../../i18n/format.js';
import { FormTokens } from '../../views/components/hidden-fields.js';
import type { View } from '../../views/view.js';
import type { InboxMessage } from './messages.types.js';

/** One message as it was sent, and while unread the button that marks it read (a POST with the CSRF token to `<inbox>/<id>/las`). */
export function MessageBody({ view, message, inbox }: { view: View; message: InboxMessage; inbox: string }): JSX.Element {
  const { t, locale } = view;
  return (
    <>
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
        <form method="post" action={`${inbox}/${encodeURIComponent(message.messageId)}/las`}>
          <FormTokens view={view} />
          <button class="ds-button" data-variant="secondary" type="submit" safe>
            {t('messages.markRead')}
          </button>
        </form>
      )}
    </>
  );
}
