import { Layout } from '../../views/layout.js';
import type { View } from '../../views/view.js';
import type { MessageKey } from '../../i18n/sv.js';

function ErrorPage({ view, kind }: { view: View; kind: 'notFound' | 'forbidden' | 'unavailable' | 'failed' }): JSX.Element {
  const { t } = view;
  return (
    <Layout view={view} title={t(`error.${kind}.title` as MessageKey)}>
      <h1 class="ds-heading" data-size="lg" safe>
        {t(`error.${kind}.title` as MessageKey)}
      </h1>
      <p class="ds-paragraph" safe>
        {t(`error.${kind}.text` as MessageKey)}
      </p>
      <p class="ds-paragraph">
        <a class="ds-link" href="/" safe>
          {t('error.home')}
        </a>
      </p>
    </Layout>
  );
}

export const NotFoundPage = ({ view }: { view: View }) => <ErrorPage view={view} kind="notFound" />;
export const ForbiddenPage = ({ view }: { view: View }) => <ErrorPage view={view} kind="forbidden" />;
export const UnavailablePage = ({ view }: { view: View }) => <ErrorPage view={view} kind="unavailable" />;
export const FailedPage = ({ view }: { view: View }) => <ErrorPage view={view} kind="failed" />;
