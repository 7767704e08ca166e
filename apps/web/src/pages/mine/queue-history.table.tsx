import { formatDateTime } from '../../i18n/format.js';
import type { View } from '../../views/view.js';
import type { HistoryEntry } from './mine.types.js';

/** How one audience reads an entry: the seeker sees "you" and "staff", a case officer names and reasons. */
export interface HistoryRow {
  readonly what: string;
  readonly who: string;
  readonly why: string;
}

/** Decisions about a queue time, one a row, in the order given: when, what, who and why. */
export function QueueHistoryTable({ view, entries, row }: { view: View; entries: readonly HistoryEntry[]; row: (entry: HistoryEntry) => HistoryRow }): JSX.Element {
  const { t, locale } = view;
  return (
    <div class="table-scroll">
      <table class="ds-table">
        <thead>
          <tr>
            <th scope="col" safe>
              {t('queue.when')}
            </th>
            <th scope="col" safe>
              {t('queue.what')}
            </th>
            <th scope="col" safe>
              {t('queue.who')}
            </th>
            <th scope="col" safe>
              {t('queue.why')}
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const { what, who, why } = row(entry);
            return (
              <tr>
                <td safe>{formatDateTime(entry.recordedAt, locale)}</td>
                <td safe>{what}</td>
                <td safe>{who}</td>
                <td safe>{why}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
