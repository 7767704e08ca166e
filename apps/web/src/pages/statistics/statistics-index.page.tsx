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
        <a class="ds-card" data-variant="tinted" href="/statistik/kotid">
          <h3 class="ds-heading" data-size="sm" safe>
            {t('statistics.queue.title')}
          </h3>
          <p class="ds-paragraph" safe>
            {t('statistics.queue.text')}
          </p>
        </a>
        <a class="ds-card" data-variant="tinted" href="/statistik/uthyrningar">
          <h3 class="ds-heading" data-size="sm" safe>
            {t('statistics.series.title')}
          </h3>
          <p class="ds-paragraph" safe>
            {t('statistics.series.text')}
          </p>
        </a>
      </div>
    </Layout>
  );
}
