import { formatDate } from '../../i18n/format.js';
import { messageFor } from '../../i18n/locale.js';
import { TextField } from '../../views/components/text-field.js';
import { Layout } from '../../views/layout.js';
import type { View } from '../../views/view.js';
import type { FieldMessage } from '../../views/components/form-errors.js';
import type { HistoryEntry, QueueTime } from './mine.types.js';
import { QueueHistoryTable } from './queue-history.table.js';

interface QueueTimeProps {
  readonly view: View;
  readonly today: QueueTime;
  readonly onDate?: QueueTime;
  readonly asked?: string;
  readonly errors: readonly FieldMessage[];
  readonly history: readonly HistoryEntry[];
  readonly applicantId: string;
}

/** Queue days today and on any date, and every decision about the queue time with who made it and why. */
export function QueueTimePage({ view, today, onDate, asked, errors, history, applicantId }: QueueTimeProps): JSX.Element {
  const { t, locale } = view;
  return (
    <Layout view={view} title={t('queue.title')}>
      <h1 class="ds-heading" data-size="lg" safe>
        {t('queue.title')}
      </h1>
      <dl class="facts">
        <dt safe>{t('queue.daysToday')}</dt>
        <dd safe>{String(today.queueDays)}</dd>
        <dt safe>{t('queue.start')}</dt>
        <dd safe>{today.queueStartDate ? formatDate(today.queueStartDate, locale) : '–'}</dd>
      </dl>
      <form method="get" action="/mina-sidor/kotid" class="stack">
        <TextField id="datum" type="date" label={t('queue.onDate')} description={t('queue.onDateHint')} value={asked} errors={errors} />
        <div>
          <button class="ds-button" data-variant="secondary" type="submit" safe>
            {t('queue.show')}
          </button>
        </div>
      </form>
      {onDate && (
        <p class="ds-paragraph" role="status" safe>
          {t('queue.daysOn', { date: formatDate(onDate.asOf, locale), days: onDate.queueDays })}
        </p>
      )}
      <h2 class="ds-heading" data-size="md" safe>
        {t('queue.history')}
      </h2>
      <QueueHistoryTable
        view={view}
        entries={history}
        row={(entry) => ({
          what: messageFor(locale, `event.${entry.type}`) ?? entry.type,
          who: entry.actor === applicantId ? t('queue.you') : entry.actor === 'system' ? t('queue.system') : t('queue.staff'),
          why: reasonOf(entry),
        })}
      />
    </Layout>
  );
}

function reasonOf(entry: HistoryEntry): string {
  const { reason, caseId } = entry.data as { reason?: unknown; caseId?: unknown };
  return [typeof reason === 'string' ? reason : '', typeof caseId === 'string' ? `(${caseId})` : ''].filter(Boolean).join(' ') || '–';
}
