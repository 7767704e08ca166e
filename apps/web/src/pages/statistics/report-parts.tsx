import type { View } from '../../views/view.js';
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

/** Why some cells say "not shown": tied to the table by aria-describedby. */
export function WithheldNote({ view, threshold }: { view: View; threshold: number }): JSX.Element {
  return (
    <p class="ds-paragraph" data-size="sm" id="withheld-note" safe>
      {view.t('statistics.withheldNote', { threshold })}
    </p>
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

/** The caption's place: nothing for every municipality, else ", Göteborg". */
export const whereText = (query: StatisticsQuery): string => (query.municipality ? `, ${query.municipality}` : '');
