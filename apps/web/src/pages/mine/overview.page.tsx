import { formatDate } from '../../i18n/format.js';
import { LinkCard } from '../../views/components/link-card.js';
import { Layout } from '../../views/layout.js';
import type { View } from '../../views/view.js';
import { statusText } from './applications.page.js';
import type { Account } from './mine.types.js';

const SECTIONS = [
  ['/mina-sidor/ansokningar', 'applications.title', 'mine.applications.text'],
  ['/mina-sidor/kotid', 'queue.title', 'mine.queue.text'],
  ['/mina-sidor/avgift', 'fees.title', 'mine.fees.text'],
  ['/mina-sidor/meddelanden', 'messages.title', 'mine.messages.text'],
  ['/mina-sidor/bevakningar', 'savedSearches.title', 'mine.savedSearches.text'],
  ['/mina-sidor/uppgifter', 'data.title', 'mine.data.text'],
] as const;

export function OverviewPage({ view, account }: { view: View; account: Account }): JSX.Element {
  const { t, locale } = view;
  return (
    <Layout view={view} title={t('nav.mine')}>
      <h1 class="ds-heading" data-size="lg" safe>
        {account.personal ? t('mine.hello', { name: account.personal.name }) : t('nav.mine')}
      </h1>
      <dl class="facts">
        <dt safe>{t('mine.status')}</dt>
        <dd safe>{statusText(view, account.status)}</dd>
        <dt safe>{t('queue.days')}</dt>
        <dd safe>{String(account.queueDays)}</dd>
        <dt safe>{t('queue.start')}</dt>
        <dd safe>{account.queueStartDate ? formatDate(account.queueStartDate, locale) : '–'}</dd>
      </dl>
      <div class="card-grid">
        {SECTIONS.map(([href, heading, text]) => (
          <LinkCard href={href} heading={t(heading)} text={t(text)} level={2} />
        ))}
      </div>
    </Layout>
  );
}
