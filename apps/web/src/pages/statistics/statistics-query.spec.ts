import { downloadName, periodChoices, reportHref, statisticsQueryOf } from './statistics-query.js';

describe('the statistics query', () => {
  test('keeps only the known filters, defaults the period, and passes the language last', () => {
    const query = statisticsQueryOf({ municipality: ' Göteborg ', source: 'raw', from: '2025-01-01', granularity: '' }, '2026');
    expect(query).toEqual({ municipality: 'Göteborg', period: '2026' });
    expect(reportHref('/statistik/kotid.csv', query, 'en')).toBe('/statistik/kotid.csv?period=2026&municipality=G%C3%B6teborg&lang=en');
  });

  test('offers the last five years and their quarters, newest first', () => {
    const choices = periodChoices('2026');
    expect(choices.slice(0, 6)).toEqual(['2026', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2025']);
    expect(choices).toHaveLength(25);
  });

  test('a download is named for the report and period, with nothing a header could trip on', () => {
    expect(downloadName('uthyrningar', { period: '2025-Q2' }, 'csv')).toBe('lettings-series-2025-Q2.csv');
    expect(downloadName('kotid', { period: '2025"; x=1' }, 'csv')).toBe('queue-time-needed-2025___x_1.csv');
  });
});
