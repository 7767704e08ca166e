import { translator, type Locale } from '../../i18n/locale.js';
import { BarChart } from './bar-chart.js';

const view = (locale: Locale) => ({ locale, t: translator(locale), csrfToken: 'token', path: '/hyresvard/rapporter' });

const widths = (svg: string): number[] => [...svg.matchAll(/<rect[^>]* width="(\d+)"/g)].map((match) => Number(match[1]));

describe('the reports’ bar chart', () => {
  test('an image named and tied to its table, one bar per row, lengths in proportion to the largest, values in the page’s language', async () => {
    const svg = await BarChart({
      view: view('sv'),
      title: 'Diagram: dagar vakant',
      tableId: 'vacancies-table',
      bars: [
        { label: 'Haga, Göteborg, 3 rum', value: 40 },
        { label: 'Majorna, Göteborg, 2 rum', value: 10 },
        { label: 'Centrum, Mölndal, 2,5 rum', value: 2.5 },
      ],
    });
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-label="Diagram: dagar vakant"');
    expect(svg).toContain('aria-describedby="vacancies-table"');
    const [longest, quarter, least] = widths(svg);
    expect(quarter / longest).toBeCloseTo(0.25, 2);
    expect(least / longest).toBeCloseTo(2.5 / 40, 1);
    expect(svg).toContain('>2,5<');
    expect(await BarChart({ view: view('en'), title: 't', tableId: 't', bars: [{ label: 'x', value: 2.5 }] })).toContain('>2.5<');
  });

  test('a bar of nothing still shows as a sliver, and a label is text, never markup', async () => {
    const svg = await BarChart({ view: view('sv'), title: 't', tableId: 't', bars: [{ label: '<script>alert(1)</script>', value: 0 }] });
    expect(widths(svg)).toEqual([2]);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script>alert(1)&lt;/script>');
  });
});
