import { LinkCard } from '../../views/components/link-card.js';
import { Layout } from '../../views/layout.js';
import type { View } from '../../views/view.js';

/** What the figures are and where they come from, and the reports to choose from. */
export function StatisticsIndexPage({ view, threshold }: { view: View; threshold: number }): JSX.Element {
  const { t } = view;
  return (
    <Layout view={view} title={t('statistics.title')}>
      <h1 class="ds-heading" data-size="lg" safe>
        {t('statistics.title')}
      </h1>
      <p class="ds-paragraph" data-variant="long" safe>
        {t('statistics.intro')}
      </p>
      <p class="ds-paragraph" data-variant="long" safe>
        {t('statistics.source')}
      </p>
      <p class="ds-paragraph" data-variant="long" safe>
        {t('statistics.privacy', { threshold })}
      </p>
      <h2 class="ds-heading" data-size="md" safe>
        {t('statistics.reports')}
      </h2>
      <div class="card-grid">
        <LinkCard href="/statistik/kotid" heading={t('statistics.queue.title')} text={t('statistics.queue.text')} level={3} />
        <LinkCard href="/statistik/uthyrningar" heading={t('statistics.series.title')} text={t('statistics.series.text')} level={3} />
      </div>
    </Layout>
  );
}
