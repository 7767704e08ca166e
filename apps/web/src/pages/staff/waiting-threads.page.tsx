import { formatDateTime } from '../../i18n/format.js';
import type { View } from '../../views/view.js';
import { DataTable } from '../../views/components/data-table.js';
import { StaffLayout } from './staff-layout.js';
import type { WaitingThread } from './threads.types.js';

/** Seekers' questions waiting for an answer, longest waiting first; each opens the seeker's page (where the reason for reading is stated). */
export function WaitingThreadsPage({ view, threads }: { view: View; threads: readonly WaitingThread[] }): JSX.Element {
  const { t, locale } = view;
  return (
    <StaffLayout view={view} title={t('staff.threads.title')}>
      <h1 class="ds-heading" data-size="lg" safe>
        {t('staff.threads.title')}
      </h1>
      <p class="ds-paragraph" safe>
        {t('staff.threads.intro')}
      </p>
      {threads.length === 0 ? (
        <p class="ds-paragraph" safe>
          {t('staff.threads.none')}
        </p>
      ) : (
        <DataTable columns={[t('staff.threads.about'), t('staff.threads.since'), t('staff.threads.open')]}>
          {threads.map((thread) => (
            <tr>
              <td safe>{thread.about}</td>
              <td safe>{formatDateTime(thread.waitingSince, locale)}</td>
              <td>
                <a class="ds-link" href={`/handlaggare/sokande/${thread.applicantId}#threads-heading`} safe>
                  {t('staff.threads.open')}
                </a>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </StaffLayout>
  );
}
