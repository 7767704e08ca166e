import { formatMoney, formatNumber } from '../../i18n/format.js';
import { Layout } from '../../views/layout.js';
import type { View } from '../../views/view.js';
import type { QueueRules } from './queue-rules.js';

/** How the queue works, every figure from the policy in force today. */
export function HowItWorksPage({ view, rules }: { view: View; rules: QueueRules }): JSX.Element {
  const { t, locale } = view;
  const { applicants, listings, letting } = rules;
  return (
    <Layout view={view} title={t('how.title')}>
      <h1 class="ds-heading" data-size="lg" safe>
        {t('how.title')}
      </h1>
      <p class="ds-paragraph" safe>
        {t('how.inForce', { date: applicants.on })}
      </p>
      <h2 class="ds-heading" data-size="md" safe>
        {t('how.queue.heading')}
      </h2>
      <ul class="ds-list">
        <li safe>{t('how.queue.register', { age: applicants.minimumAge })}</li>
        <li safe>{t('rules.queueDays')}</li>
        <li safe>{t('how.queue.personal')}</li>
      </ul>
      <h2 class="ds-heading" data-size="md" safe>
        {t('how.fee.heading')}
      </h2>
      <ul class="ds-list">
        <li safe>{t('how.fee.amount', { fee: formatMoney(applicants.annualFee, locale) })}</li>
        <li safe>{t('how.fee.early', { days: applicants.earlyPaymentDays })}</li>
        <li safe>{t('how.fee.grace', { days: applicants.graceDays })}</li>
      </ul>
      <h2 class="ds-heading" data-size="md" safe>
        {t('how.apply.heading')}
      </h2>
      <ul class="ds-list">
        <li safe>{t('rules.maxApplications', { max: listings.maxActiveApplications })}</li>
        <li safe>{t('how.apply.income', { factor: formatNumber(listings.nonTaxableIncomeFactor, locale) })}</li>
        <li safe>{t('how.apply.avhopp', { limit: listings.avhoppLimit, window: listings.avhoppWindowMonths, block: listings.avhoppBlockMonths })}</li>
      </ul>
      <h2 class="ds-heading" data-size="md" safe>
        {t('how.allocation.heading')}
      </h2>
      <dl class="facts">
        <dt safe>{t('listingType.regular')}</dt>
        <dd safe>{t('allocation.queue-days')}</dd>
        <dt safe>{t('listingType.first-come')}</dt>
        <dd safe>{t('allocation.first-come')}</dd>
        <dt safe>{t('listingType.lottery')}</dt>
        <dd safe>{t('allocation.lottery')}</dd>
      </dl>
      <h2 class="ds-heading" data-size="md" safe>
        {t('how.letting.heading')}
      </h2>
      <ul class="ds-list">
        <li safe>{t('rules.showings', { count: letting.showingInvitations, days: letting.interestAnswerDays })}</li>
        <li safe>{t('how.letting.certificates', { days: letting.certificateDays })}</li>
        <li safe>{t('how.letting.usedUp')}</li>
      </ul>
    </Layout>
  );
}
