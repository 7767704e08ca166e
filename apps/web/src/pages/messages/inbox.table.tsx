import { formatDateTime } from '../../i18n/format.js';
import type { View } from '../../views/view.js';
import type { InboxMessage } from './messages.types.js';

/** An inbox, newest first, each message linked under `base`; an unread message is said in words and in bold, never by colour alone. */
export function InboxTable({ view, messages, base }: { view: View; messages: readonly InboxMessage[]; base: string }): JSX.Element {
  const { t, locale } = view;
  return (
    <>
      {messages.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('messages.none')}
        </p>
      ) : (
        <div class="table-scroll">
          <table class="ds-table">
            <thead>
              <tr>
                <th scope="col" safe>
                  {t('messages.subject')}
                </th>
                <th scope="col" safe>
                  {t('messages.received')}
                </th>
                <th scope="col" safe>
                  {t('messages.status')}
                </th>
              </tr>
            </thead>
            <tbody>
              {messages.map((message) => (
                <tr>
                  <td>
                    <a class="ds-link" href={`${base}/${encodeURIComponent(message.messageId)}`}>
                      {message.readAt ? <span safe>{message.subject}</span> : <strong safe>{message.subject}</strong>}
                    </a>
                  </td>
                  <td safe>{formatDateTime(message.recordedAt, locale)}</td>
                  <td safe>{message.readAt ? t('messages.read') : t('messages.unread')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
