import { formatDateTime } from '../../i18n/format.js';
import { Layout } from '../../views/layout.js';
import type { View } from '../../views/view.js';
import type { KeptMail } from './messages.types.js';

/** Like Mailpit: every mail the local SMTP server kept, with its plain text, so a newcomer sees what is sent. */
export function DevMailboxPage({ view, mails }: { view: View; mails: readonly KeptMail[] }): JSX.Element {
  const { t, locale } = view;
  return (
    <Layout view={view} title={t('devMail.title')}>
      <h1 class="ds-heading" data-size="lg" safe>
        {t('devMail.title')}
      </h1>
      <p class="ds-paragraph" safe>
        {t('devMail.intro')}
      </p>
      {mails.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('devMail.none')}
        </p>
      ) : (
        mails.map((mail) => (
          <article class="ds-card">
            <h2 class="ds-heading" data-size="sm" safe>
              {mail.subject}
            </h2>
            <dl class="facts">
              <dt safe>{t('devMail.to')}</dt>
              <dd safe>{mail.to.join(', ')}</dd>
              <dt safe>{t('devMail.from')}</dt>
              <dd safe>{mail.from}</dd>
              <dt safe>{t('messages.received')}</dt>
              <dd safe>{formatDateTime(mail.receivedAt, locale)}</dd>
            </dl>
            <pre class="mail-text" safe>
              {mail.text}
            </pre>
          </article>
        ))
      )}
    </Layout>
  );
}
