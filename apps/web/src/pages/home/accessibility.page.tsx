import { Layout } from '../../views/layout.js';
import type { View } from '../../views/view.js';

/** Tillgänglighetsredogörelse: required of public services by lag (2018:1937) om tillgänglighet till digital offentlig service. */
export function AccessibilityPage({ view }: { view: View }): JSX.Element {
  const { t } = view;
  return (
    <Layout view={view} title={t('a11y.title')}>
      <h1 class="ds-heading" data-size="lg" safe>
        {t('a11y.title')}
      </h1>
      <p class="ds-paragraph" safe>
        {t('a11y.intro')}
      </p>
      <h2 class="ds-heading" data-size="md" safe>
        {t('a11y.status.heading')}
      </h2>
      <p class="ds-paragraph" safe>
        {t('a11y.status.text')}
      </p>
      <h2 class="ds-heading" data-size="md" safe>
        {t('a11y.gaps.heading')}
      </h2>
      <ul class="ds-list">
        <li safe>{t('a11y.gaps.charts')}</li>
        <li safe>{t('a11y.gaps.password')}</li>
      </ul>
      <h2 class="ds-heading" data-size="md" safe>
        {t('a11y.method.heading')}
      </h2>
      <p class="ds-paragraph" safe>
        {t('a11y.method.text')}
      </p>
      <h2 class="ds-heading" data-size="md" safe>
        {t('a11y.report.heading')}
      </h2>
      <p class="ds-paragraph" safe>
        {t('a11y.report.text')}
      </p>
      <p class="ds-paragraph" safe>
        {t('a11y.dos.text')}
      </p>
      <p class="ds-paragraph" safe>
        {t('a11y.updated')}
      </p>
    </Layout>
  );
}
