import { formatDateTime } from '../../i18n/format.js';
import { TextAreaField } from '../../views/components/text-area-field.js';
import { FormTokens } from '../../views/components/hidden-fields.js';
import type { View } from '../../views/view.js';
import { errorsFor, valuesFor, type RefusedForm } from './seeker-forms.js';
import type { SeekerThread } from './threads.types.js';

/** The answer field of a thread's form: the messages app's `text`. */
export const answerFieldOf = (threadId: string) => `tr-${threadId}`;

interface ThreadsProps {
  readonly view: View;
  readonly applicantId: string;
  readonly threads: readonly SeekerThread[];
  readonly refused?: RefusedForm;
}

/** The seeker's replies to messages about a letting, each thread with what staff answered and a form to answer it. */
export function ThreadsSection({ view, applicantId, threads, refused }: ThreadsProps): JSX.Element {
  const { t, locale } = view;
  return (
    <section aria-labelledby="threads-heading" class="stack">
      <h2 class="ds-heading" data-size="md" id="threads-heading" safe>
        {t('staff.threads.section')}
      </h2>
      {threads.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('staff.threads.sectionNone')}
        </p>
      ) : (
        threads.map((thread) => {
          const field = answerFieldOf(thread.threadId);
          const form = `thread-${thread.threadId}` as const;
          return (
            <article class="ds-card stack" aria-labelledby={`thread-${thread.threadId}`}>
              <h3 class="ds-heading" data-size="xs" id={`thread-${thread.threadId}`} safe>
                {thread.about}
              </h3>
              <p class="ds-paragraph" data-size="sm" safe>
                {thread.waiting ? t('staff.threads.waiting') : t('staff.threads.answered')}
              </p>
              <ol class="stack">
                {thread.entries.map((entry) => (
                  <li>
                    <p class="ds-paragraph" data-size="sm" safe>
                      {`${entry.from === 'seeker' ? t('staff.threads.fromSeeker') : t('staff.threads.fromStaff')} · ${formatDateTime(entry.at, locale)}`}
                    </p>
                    <p class="ds-paragraph thread-text" safe>
                      {entry.text}
                    </p>
                  </li>
                ))}
              </ol>
              <form method="post" action={`/handlaggare/sokande/${applicantId}/tradar/${thread.threadId}/svar`} class="stack" novalidate>
                <FormTokens view={view} />
                <TextAreaField id={field} label={t('staff.threads.answerLabel')} value={valuesFor(refused, form).text} errors={errorsFor(refused, form)} />
                <div>
                  <button class="ds-button" data-variant="secondary" type="submit" safe>
                    {t('staff.threads.answerSubmit')}
                  </button>
                </div>
              </form>
            </article>
          );
        })
      )}
    </section>
  );
}
