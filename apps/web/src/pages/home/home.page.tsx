import { formatMoney } from '../../i18n/format.js';
import { LinkCard } from '../../views/components/link-card.js';
import { Layout } from '../../views/layout.js';
import type { View } from '../../views/view.js';
import type { QueueRules } from './queue-rules.js';

/** The start page: what the agency is and does, the rules in force today, and where to go next. */
export function HomePage({ view, rules }: { view: View; rules: QueueRules }): JSX.Element {
  const { t, locale } = view;
  return (
    <Layout view={view} title={t('home.title')}>
      <h1 class="ds-heading" data-size="lg" safe>
        {t('home.heading')}
      </h1>
      <p class="ds-paragraph" data-variant="long" safe>
        {t('home.intro')}
      </p>
      <div class="card-grid">
        <LinkCard href="/bostader" heading={t('home.search.heading')} text={t('home.search.text')} level={2} />
        {view.seeker ? (
          <LinkCard href="/mina-sidor" heading={t('nav.mine')} text={t('home.mine.text')} level={2} />
        ) : (
          <LinkCard href="/registrera" heading={t('home.register.heading')} text={t('home.register.text', { age: rules.applicants.minimumAge })} level={2} />
        )}
        <LinkCard href="/statistik" heading={t('nav.statistics')} text={t('home.statistics.text')} level={2} />
      </div>
      <h2 class="ds-heading" data-size="md" safe>
        {t('home.rules.heading')}
      </h2>
      <ul class="ds-list">
        <li safe>{t('rules.queueDays')}</li>
        <li safe>{t('rules.fee', { fee: formatMoney(rules.applicants.annualFee, locale), grace: rules.applicants.graceDays })}</li>
        <li safe>{t('rules.maxApplications', { max: rules.listings.maxActiveApplications })}</li>
        <li safe>{t('rules.showings', { count: rules.letting.showingInvitations, days: rules.letting.interestAnswerDays })}</li>
      </ul>
      <p class="ds-paragraph">
        <a class="ds-link" href="/sa-fungerar-kon" safe>
          {t('home.rules.more')}
        </a>
      </p>
    </Layout>
  );
}
