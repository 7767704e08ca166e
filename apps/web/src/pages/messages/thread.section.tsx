import { formatDateTime } from '../../i18n/format.js';
import { TextAreaField } from '../../views/components/text-area-field.js';
import type { FieldMessage } from '../../views/components/form-errors.js';
import { FormTokens } from '../../views/components/hidden-fields.js';
import type { View } from '../../views/view.js';
import type { MessageThread } from './messages.types.js';

/** The reply field's id and name: the messages app's `text` is shown here. */
export const REPLY_FIELD = 'svar';

interface ThreadProps {
  readonly view: View;
  readonly messageId: string;
  readonly thread: MessageThread;
  /** A refused reply: its words kept, the reason at the field. */
  readonly refused?: { readonly text: string; readonly errors: readonly FieldMessage[] };
}

/** Under a message about a letting: what the seeker and staff have said since, oldest first, and a form to reply (a plain POST). */
export function ThreadSection({ view, messageId, thread, refused }: ThreadProps): JSX.Element | null {
  const { t, locale } = view;
  if (!thread.replyable) return null;
  return (
    <section aria-labelledby="trad" class="stack">
      <h2 class="ds-heading" data-size="md" id="trad" safe>
        {t('threads.title')}
      </h2>
      {thread.entries.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('threads.none')}
        </p>
      ) : (
        <ol class="stack">
          {thread.entries.map((entry) => (
            <li>
              <article class="ds-card">
                <p class="ds-paragraph" data-size="sm" safe>
                  {`${entry.from === 'seeker' ? t('threads.fromYou') : t('threads.fromStaff')} · ${formatDateTime(entry.at, locale)}`}
                </p>
                {entry.text.split(/\n\s*\n/).map((paragraph) => (
                  <p class="ds-paragraph thread-text" safe>
                    {paragraph}
                  </p>
                ))}
              </article>
            </li>
          ))}
        </ol>
      )}
      <form method="post" action={`/mina-sidor/meddelanden/${encodeURIComponent(messageId)}/svar`} class="stack" novalidate>
        <FormTokens view={view} />
        <TextAreaField id={REPLY_FIELD} label={t('threads.replyLabel')} description={t('threads.replyHint')} value={refused?.text} errors={refused?.errors ?? []} required />
        <div>
          <button class="ds-button" type="submit" safe>
            {t('threads.send')}
          </button>
        </div>
      </form>
    </section>
  );
}
