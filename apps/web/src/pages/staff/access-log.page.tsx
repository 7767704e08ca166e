import { formatDateTime } from '../../i18n/format.js';
import type { View } from '../../views/view.js';
import { StaffLayout } from './staff-layout.js';
import type { StaffNames } from './staff-names.js';
import type { AccessLogEntry } from './staff.types.js';

interface AccessLogProps {
  readonly view: View;
  readonly applicantId: string;
  readonly reads: readonly AccessLogEntry[];
  /** Who the readers are, by name and role; a reader missing here is shown by id. */
  readonly names: StaffNames;
  /** Apps that did not answer: named, so a short log is never mistaken for a complete one. */
  readonly unavailable: readonly string[];
}

/** For administrators: who of the staff read this person's data, when, in which app, what and why. */
export function AccessLogPage({ view, applicantId, reads, names, unavailable }: AccessLogProps): JSX.Element {
  const { t, locale } = view;
  return (
    <StaffLayout view={view} title={t('staff.accessLog.title')}>
      <h1 class="ds-heading" data-size="lg" safe>
        {t('staff.accessLog.title')}
      </h1>
      <p class="ds-paragraph">
        <a class="ds-link" href={`/handlaggare/sokande/${applicantId}`} safe>
          {t('staff.accessLog.back')}
        </a>
      </p>
      {unavailable.length > 0 && (
        <div class="ds-alert" data-color="warning" role="status">
          <p class="ds-paragraph" safe>
            {t('staff.accessLog.unavailable', { apps: unavailable.join(', ') })}
          </p>
        </div>
      )}
      <div class="table-scroll">
        <table class="ds-table">
          <thead>
            <tr>
              <th scope="col" safe>
                {t('staff.accessLog.when')}
              </th>
              <th scope="col" safe>
                {t('staff.accessLog.who')}
              </th>
              <th scope="col" safe>
                {t('staff.accessLog.app')}
              </th>
              <th scope="col" safe>
                {t('staff.accessLog.what')}
              </th>
              <th scope="col" safe>
                {t('staff.accessLog.why')}
              </th>
            </tr>
          </thead>
          <tbody>
            {reads.map((read) => (
              <tr>
                <td safe>{formatDateTime(read.readAt, locale)}</td>
                <td safe>{names[read.actor] ?? `${read.actor} (${read.roles.join(', ')})`}</td>
                <td safe>{read.app}</td>
                <td safe>{read.action}</td>
                <td safe>{read.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </StaffLayout>
  );
}
