import { formatDateTime } from '../../i18n/format.js';
import type { View } from '../../views/view.js';
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
        <div class="table-scroll">
          <table class="ds-table">
            <thead>
              <tr>
                <th scope="col" safe>
                  {t('staff.threads.about')}
                </th>
                <th scope="col" safe>
                  {t('staff.threads.since')}
                </th>
                <th scope="col" safe>
                  {t('staff.threads.open')}
                </th>
              </tr>
            </thead>
            <tbody>
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
            </tbody>
          </table>
        </div>
      )}
    </StaffLayout>
  );
}
