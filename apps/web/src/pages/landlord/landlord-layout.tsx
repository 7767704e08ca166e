import type { PropsWithChildren } from '@kitajs/html';
import { Layout } from '../../views/layout.js';
import type { View } from '../../views/view.js';

const SECTIONS = [
  ['/hyresvard', 'landlord.nav.organisation'],
  ['/hyresvard/annonser', 'landlord.nav.listings'],
  ['/hyresvard/annonser/ny', 'landlord.nav.publish'],
  ['/hyresvard/rapporter', 'landlord.nav.reports'],
  ['/hyresvard/arenden', 'landlord.nav.cases'],
  ['/hyresvard/meddelanden', 'landlord.nav.messages'],
] as const;

/** Every page of the landlords' section: the site's layout with the section's own menu and sign-out. */
export function LandlordLayout({ view, title, children }: PropsWithChildren<{ view: View; title: string }>): JSX.Element {
  const { t } = view;
  const here = view.path.split('?')[0];
  return (
    <Layout view={view} title={title}>
      <nav class="actions" aria-label={t('landlord.nav.label')}>
        {SECTIONS.map(([href, key]) => (
          <a class="ds-link" href={href} aria-current={here === href ? 'page' : undefined}>
            <span safe>{t(key)}</span>
            {key === 'landlord.nav.messages' && view.landlordUnread ? <strong safe>{` (${t('landlord.nav.unread', { n: view.landlordUnread })})`}</strong> : null}
          </a>
        ))}
        <form method="post" action="/hyresvard/logga-ut" class="inline-form">
          <input type="hidden" name="_csrf" value={view.csrfToken} />
          <button class="ds-button" data-variant="tertiary" data-size="sm" type="submit" safe>
            {t('landlord.signOut')}
          </button>
        </form>
      </nav>
      {children}
    </Layout>
  );
}
