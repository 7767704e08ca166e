import type { PropsWithChildren } from '@kitajs/html';
import { Layout } from '../../views/layout.js';
import type { View } from '../../views/view.js';

const SECTIONS = [
  ['/handlaggare', 'staff.nav.search'],
  ['/handlaggare/arenden', 'staff.nav.cases'],
  ['/handlaggare/avgifter', 'staff.nav.fees'],
  ['/handlaggare/avgifter/avvikelser', 'staff.nav.discrepancies'],
  ['/handlaggare/hyresvardar', 'staff.nav.landlords'],
  ['/handlaggare/regler/applicants', 'staff.nav.policy'],
] as const;

/** Every page of the back office: the site's layout with the section's own menu. */
export function StaffLayout({ view, title, children }: PropsWithChildren<{ view: View; title: string }>): JSX.Element {
  const { t } = view;
  const here = view.path.split('?')[0];
  return (
    <Layout view={view} title={title}>
      <nav class="actions" aria-label={t('staff.nav.label')}>
        {SECTIONS.map(([href, key]) => (
          <a class="ds-link" href={href} aria-current={here === href ? 'page' : undefined} safe>
            {t(key)}
          </a>
        ))}
      </nav>
      {children}
    </Layout>
  );
}
