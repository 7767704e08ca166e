import type { PropsWithChildren } from '@kitajs/html';
import { Layout } from '../../views/layout.js';
import type { View } from '../../views/view.js';

const CASE_WORK = ['staff', 'admin'];

/** The sections, each for the roles that may open it: a case officer's work, the analysts' reports. */
const SECTIONS = [
  ['/handlaggare', 'staff.nav.search', CASE_WORK],
  ['/handlaggare/arenden', 'staff.nav.cases', CASE_WORK],
  ['/handlaggare/fragor', 'staff.nav.threads', CASE_WORK],
  ['/handlaggare/avgifter', 'staff.nav.fees', CASE_WORK],
  ['/handlaggare/avgifter/avvikelser', 'staff.nav.discrepancies', CASE_WORK],
  ['/handlaggare/bostader', 'staff.nav.letting', CASE_WORK],
  ['/handlaggare/hyresvardar', 'staff.nav.landlords', CASE_WORK],
  ['/handlaggare/regler/applicants', 'staff.nav.policy', CASE_WORK],
  ['/handlaggare/rapporter', 'staff.nav.reports', ['analyst', 'admin']],
  ['/handlaggare/ovningsklocka', 'staff.nav.clock', ['admin']],
] as const;

/** Every page of the back office: the site's layout with the section's own menu. */
export function StaffLayout({ view, title, children }: PropsWithChildren<{ view: View; title: string }>): JSX.Element {
  const { t } = view;
  const here = view.path.split('?')[0];
  return (
    <Layout view={view} title={title}>
      <nav class="actions" aria-label={t('staff.nav.label')}>
        {SECTIONS.filter(([, , roles]) => roles.some((role) => view.staffRoles?.includes(role))).map(([href, key]) => (
          <a class="ds-link" href={href} aria-current={here === href ? 'page' : undefined} safe>
            {t(key)}
          </a>
        ))}
      </nav>
      {children}
    </Layout>
  );
}
