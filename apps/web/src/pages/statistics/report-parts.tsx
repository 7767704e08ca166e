import type { PropsWithChildren } from '@kitajs/html';
import { DataTable } from '../../views/components/data-table.js';
import type { View } from '../../views/view.js';
import { formatNumber } from '../../i18n/format.js';
import { reportHref, type ReportSlug, type StatisticsQuery } from './statistics-query.js';

/**
 * The statistics app's chart, served through this site (the CSP allows images from
 * here only), with the alt text in words; the table after it is the full equivalent.
 * On a phone the chart's text is small: the link opens it alone, to zoom.
 */
export function ReportChart({ view, report, query, alt }: { view: View; report: ReportSlug; query: StatisticsQuery; alt: string }): JSX.Element {
  const src = reportHref(`/statistik/diagram/${report}.svg`, query, view.locale);
  return (
    <section aria-labelledby="chart-heading" class="stack-wide">
      <h2 class="ds-heading" data-size="md" id="chart-heading" safe>
        {view.t('statistics.chart')}
      </h2>
      <img class="chart" src={src} alt={alt} />
      <p class="ds-paragraph" data-size="sm">
        <a class="ds-link" href={src} safe>
          {view.t('statistics.chartFull')}
        </a>
      </p>
    </section>
  );
}

/** The same figures as a file, through this site so the link works for anyone. */
export function CsvLink({ view, report, query }: { view: View; report: ReportSlug; query: StatisticsQuery }): JSX.Element {
  return (
    <p class="ds-paragraph">
      <a class="ds-link" href={reportHref(`/statistik/${report}.csv`, query, view.locale)} safe>
        {view.t('statistics.csv')}
      </a>
    </p>
  );
}

const WITHHELD_NOTE = 'withheld-note';

/** Why some cells say "not shown": tied to the table by aria-describedby. */
export function WithheldNote({ view, threshold }: { view: View; threshold: number }): JSX.Element {
  return (
    <p class="ds-paragraph" data-size="sm" id={WITHHELD_NOTE} safe>
      {view.t('statistics.withheldNote', { threshold })}
    </p>
  );
}

/** A table of figures, some of which may be withheld: the withheld note explains those. */
export function FiguresTable({ columns, caption, children }: PropsWithChildren<{ columns: readonly string[]; caption?: string }>): JSX.Element {
  return (
    <DataTable columns={columns} caption={caption} describedBy={WITHHELD_NOTE}>
      {children}
    </DataTable>
  );
}

/** A withheld figure in a table cell, in words, so its meaning does not rest on a symbol. */
export function Withheld({ view }: { view: View }): JSX.Element {
  return (
    <td data-withheld safe>
      {view.t('statistics.withheld')}
    </td>
  );
}

/** A count, or the words for a withheld one (null, or absent where the statistics app left it out). */
export function FigureCell({ view, value }: { view: View; value: number | null | undefined }): JSX.Element {
  return value === null || value === undefined ? <Withheld view={view} /> : <td safe>{formatNumber(value, view.locale)}</td>;
}

/** The caption's place: nothing for every municipality, else ", Göteborg". */
export const whereText = (query: StatisticsQuery): string => (query.municipality ? `, ${query.municipality}` : '');
