import type { LettingsSeries, QueueTimeNeededCell } from '../reports/lettings.report.js';
import type { AgeGroupRow, SeekersSeries } from '../reports/seekers.report.js';
import type { WantedCut, WantedRow } from '../reports/seekers-wanted.report.js';
import { LABELS, type Language } from './labels.js';

/**
 * Charts as standalone SVG: role="img" with a <title> and a <desc> that says in
 * words what the chart shows, labelled axes, a legend, and a pattern (not colour
 * alone) for suppressed values. Colours are the Okabe–Ito colour-blind-safe ones.
 */

const FONT = 'DejaVu Sans, Verdana, Arial, sans-serif';
const BLUE = '#0072B2';
const ORANGE = '#D55E00';
const GREY = '#595959';

const escape = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
const fmt = (n: number) => (Math.round(n * 10) / 10).toLocaleString('en-US').replaceAll(',', ' ');

function frame(width: number, height: number, title: string, desc: string, body: string, lang: Language): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="chart-title chart-desc" lang="${lang}" font-family="${FONT}" font-size="13">
<title id="chart-title">${escape(title)}</title>
<desc id="chart-desc">${escape(desc)}</desc>
<defs><pattern id="suppressed" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="${GREY}" stroke-width="2"/></pattern></defs>
<rect width="${width}" height="${height}" fill="#ffffff"/>
<text x="16" y="26" font-size="17" font-weight="bold" fill="#000000">${escape(title)}</text>
${body}
</svg>`;
}

/** Round tick steps (1, 2, 5 × 10^k) giving about five ticks up to `max`. */
function ticks(max: number): number[] {
  if (max <= 0) return [0, 1];
  const raw = max / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  const result: number[] = [];
  for (let t = 0; t <= max + step / 2; t += step) result.push(t);
  if (result[result.length - 1] < max) result.push(result[result.length - 1] + step);
  return result;
}

interface Panel {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

function axes(panel: Panel, labels: readonly string[], yTicks: number[], yTitle: string): { body: string; xOf: (i: number) => number; yOf: (v: number) => number } {
  const top = yTicks[yTicks.length - 1] || 1;
  const yOf = (v: number) => panel.y + panel.height - (v / top) * panel.height;
  const slot = panel.width / Math.max(labels.length, 1);
  const xOf = (i: number) => panel.x + slot * (i + 0.5);
  const every = Math.max(1, Math.ceil(labels.length / 12));
  const parts = [
    `<text x="${panel.x}" y="${panel.y - 10}" font-weight="bold" fill="#000000">${escape(yTitle)}</text>`,
    ...yTicks.map(
      (t) =>
        `<line x1="${panel.x}" x2="${panel.x + panel.width}" y1="${yOf(t)}" y2="${yOf(t)}" stroke="#d9d9d9"/><text x="${panel.x - 6}" y="${yOf(t) + 4}" text-anchor="end" fill="${GREY}">${fmt(t)}</text>`,
    ),
    `<line x1="${panel.x}" x2="${panel.x + panel.width}" y1="${panel.y + panel.height}" y2="${panel.y + panel.height}" stroke="#000000"/>`,
    ...labels.map((label, i) => (i % every === 0 ? `<text x="${xOf(i)}" y="${panel.y + panel.height + 18}" text-anchor="middle" fill="${GREY}">${escape(label)}</text>` : '')),
  ];
  return { body: parts.join('\n'), xOf, yOf };
}

function legend(x: number, y: number, entries: ReadonlyArray<{ swatch: string; label: string }>): string {
  return entries.map((e, i) => `<g transform="translate(${x + i * 230} ${y})">${e.swatch}<text x="26" y="11" fill="#000000">${escape(e.label)}</text></g>`).join('\n');
}

function extremes<T>(items: readonly T[], value: (item: T) => number | null): { low: T; high: T } | undefined {
  const shown = items.filter((item) => value(item) !== null);
  if (shown.length === 0) return undefined;
  const low = shown.reduce((a, b) => (value(b)! < value(a)! ? b : a));
  const high = shown.reduce((a, b) => (value(b)! > value(a)! ? b : a));
  return { low, high };
}

/** Two panels over the same periods: flats let (bars), and the queue days' median line inside its middle-51 % band. */
export function lettingsSeriesSvg(series: LettingsSeries, threshold: number, lang: Language): string {
  const t = LABELS[lang];
  const width = 900;
  const points = series.points;
  const labels = points.map((p) => p.period.label);
  const top: Panel = { x: 80, y: 70, width: width - 110, height: 150 };
  const bottom: Panel = { x: 80, y: 290, width: width - 110, height: 200 };
  const bars = axes(top, labels, ticks(Math.max(0, ...points.map((p) => p.flatsLet ?? 0))), t.flatsLet);
  const lines = axes(bottom, labels, ticks(Math.max(0, ...points.map((p) => p.queueDays?.bandHigh ?? 0))), t.queueDays);
  const slot = top.width / Math.max(points.length, 1);
  const barWidth = Math.max(2, slot * 0.7);
  const barBody = points
    .map((p, i) => {
      const x = bars.xOf(i) - barWidth / 2;
      if (p.suppressed)
        return `<rect x="${x}" y="${top.y + top.height - 24}" width="${barWidth}" height="24" fill="url(#suppressed)" stroke="${GREY}"><title>${escape(`${p.period.label}: ${t.suppressed(threshold)}`)}</title></rect>`;
      const y = bars.yOf(p.flatsLet ?? 0);
      return `<rect x="${x}" y="${y}" width="${barWidth}" height="${top.y + top.height - y}" fill="${BLUE}"><title>${escape(`${p.period.label}: ${p.flatsLet}`)}</title></rect>`;
    })
    .join('\n');
  // The band and the median are drawn in runs of consecutive shown points, so a suppressed point leaves a gap.
  const runs: number[][] = [];
  points.forEach((p, i) => {
    if (!p.queueDays) return;
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] === i - 1) last.push(i);
    else runs.push([i]);
  });
  const lineBody = runs
    .map((run) => {
      const upper = run.map((i) => `${lines.xOf(i)},${lines.yOf(points[i].queueDays!.bandHigh)}`);
      const lower = run.map((i) => `${lines.xOf(i)},${lines.yOf(points[i].queueDays!.bandLow)}`).reverse();
      const median = run.map((i) => `${lines.xOf(i)},${lines.yOf(points[i].queueDays!.median)}`);
      return `<polygon points="${[...upper, ...lower].join(' ')}" fill="${ORANGE}" fill-opacity="0.25" stroke="none"/>
<polyline points="${median.join(' ')}" fill="none" stroke="${ORANGE}" stroke-width="2.5"/>
${run.map((i) => `<circle cx="${lines.xOf(i)}" cy="${lines.yOf(points[i].queueDays!.median)}" r="3.5" fill="${ORANGE}"><title>${escape(`${points[i].period.label}: ${fmt(points[i].queueDays!.median)}`)}</title></circle>`).join('')}`;
    })
    .join('\n');
  const hiddenMarks = points
    .map((p, i) =>
      p.queueDays || (!p.suppressed && !p.queueDaysSuppressed)
        ? ''
        : `<rect x="${lines.xOf(i) - 6}" y="${bottom.y + bottom.height - 14}" width="12" height="14" fill="url(#suppressed)" stroke="${GREY}"/>`,
    )
    .join('');
  const shownMedian = extremes(points, (p) => p.queueDays?.median ?? null);
  const hidden = points.filter((p) => p.suppressed || p.queueDaysSuppressed).length;
  const desc = [
    shownMedian
      ? t.range(
          `${t.median} (${t.queueDays.toLowerCase()})`,
          fmt(shownMedian.low.queueDays!.median),
          shownMedian.low.period.label,
          fmt(shownMedian.high.queueDays!.median),
          shownMedian.high.period.label,
        )
      : t.noData,
    hidden > 0 ? t.hidden(hidden) : '',
  ]
    .join(' ')
    .trim();
  const legendBody = legend(80, 530, [
    { swatch: `<rect width="18" height="12" fill="${BLUE}"/>`, label: t.flatsLet },
    { swatch: `<line x1="0" x2="18" y1="6" y2="6" stroke="${ORANGE}" stroke-width="2.5"/>`, label: t.median },
    { swatch: `<rect width="18" height="12" fill="${ORANGE}" fill-opacity="0.25"/>`, label: t.band },
  ]);
  const legendHidden = legend(80, 552, [{ swatch: `<rect width="18" height="12" fill="url(#suppressed)" stroke="${GREY}"/>`, label: t.suppressed(threshold) }]);
  return frame(width, 580, t.lettingsTitle, desc, [bars.body, barBody, lines.body, lineBody, hiddenMarks, legendBody, legendHidden].join('\n'), lang);
}

export function seekersSeriesSvg(series: SeekersSeries, threshold: number, lang: Language): string {
  const t = LABELS[lang];
  const width = 900;
  const points = series.points;
  const panel: Panel = { x: 90, y: 70, width: width - 120, height: 260 };
  const chart = axes(
    panel,
    points.map((p) => p.period.label),
    ticks(Math.max(0, ...points.map((p) => p.registered ?? 0))),
    t.persons,
  );
  // A withheld value breaks the line rather than being bridged.
  const line = (value: (p: (typeof points)[number]) => number | null, colour: string, dash: string) => {
    const runs: string[][] = [[]];
    points.forEach((p, i) => {
      const v = value(p);
      if (v === null) runs.push([]);
      else runs[runs.length - 1].push(`${chart.xOf(i)},${chart.yOf(v)}`);
    });
    return runs
      .filter((run) => run.length > 0)
      .map(
        (run) =>
          `<polyline points="${run.join(' ')}" fill="none" stroke="${colour}" stroke-width="2.5" stroke-dasharray="${dash}"/>${run.map((xy) => `<circle cx="${xy.split(',')[0]}" cy="${xy.split(',')[1]}" r="3.5" fill="${colour}"/>`).join('')}`,
      )
      .join('\n');
  };
  const registered = extremes(points, (p) => p.registered);
  const hidden = points.reduce((n, p) => n + p.suppressed.length, 0);
  const desc = [
    registered ? t.range(t.registered, fmt(registered.low.registered!), registered.low.period.label, fmt(registered.high.registered!), registered.high.period.label) : t.noData,
    hidden > 0 ? t.hidden(hidden) : '',
  ]
    .join(' ')
    .trim();
  const body = [
    chart.body,
    line((p) => p.registered, BLUE, ''),
    line((p) => p.active, ORANGE, '6 4'),
    points
      .map((p, i) =>
        p.suppressed.includes('registered') || p.suppressed.includes('active')
          ? `<rect x="${chart.xOf(i) - 6}" y="${panel.y + panel.height - 14}" width="12" height="14" fill="url(#suppressed)" stroke="${GREY}"/>`
          : '',
      )
      .join(''),
    legend(90, 370, [
      { swatch: `<line x1="0" x2="18" y1="6" y2="6" stroke="${BLUE}" stroke-width="2.5"/>`, label: t.registered },
      { swatch: `<line x1="0" x2="18" y1="6" y2="6" stroke="${ORANGE}" stroke-width="2.5" stroke-dasharray="6 4"/>`, label: t.active },
    ]),
    legend(90, 392, [{ swatch: `<rect width="18" height="12" fill="url(#suppressed)" stroke="${GREY}"/>`, label: t.suppressed(threshold) }]),
  ].join('\n');
  return frame(width, 420, t.seekersTitle, desc, body, lang);
}

/** A grid: a row per district, a column per number of rooms, shade and text in years; suppressed cells hatched. */
export function queueTimeNeededSvg(cells: readonly QueueTimeNeededCell[], threshold: number, lang: Language): string {
  const t = LABELS[lang];
  const places = [...new Set(cells.map((c) => `${c.municipality} – ${c.district}`))];
  const rooms = [...new Set(cells.map((c) => c.rooms))].sort((a, b) => a - b);
  const labelWidth = 260;
  const cellWidth = 96;
  const cellHeight = 30;
  const top = 80;
  const width = Math.max(640, labelWidth + rooms.length * cellWidth + 30);
  const height = top + places.length * cellHeight + 110;
  const maxMedian = Math.max(1, ...cells.map((c) => c.medianQueueDays ?? 0));
  // From light to dark blue; the text switches to white where the fill gets dark.
  const shade = (days: number) => {
    const share = days / maxMedian;
    const mix = (from: number, to: number) => Math.round(from + (to - from) * share);
    return { fill: `rgb(${mix(222, 8)},${mix(235, 48)},${mix(247, 107)})`, text: share > 0.55 ? '#ffffff' : '#000000' };
  };
  const years = (days: number) => `${fmt(days / 365.25)} ${t.years}`;
  const header = rooms
    .map((r, j) => `<text x="${labelWidth + j * cellWidth + cellWidth / 2}" y="${top - 10}" text-anchor="middle" font-weight="bold" fill="#000000">${escape(t.rooms(r))}</text>`)
    .join('');
  const rows = places
    .map((place, i) => {
      const y = top + i * cellHeight;
      const label = `<text x="${labelWidth - 10}" y="${y + 20}" text-anchor="end" fill="#000000">${escape(place)}</text>`;
      const row = rooms
        .map((r, j) => {
          const cell = cells.find((c) => `${c.municipality} – ${c.district}` === place && c.rooms === r);
          const x = labelWidth + j * cellWidth;
          if (!cell) return `<rect x="${x}" y="${y}" width="${cellWidth - 2}" height="${cellHeight - 2}" fill="#f2f2f2"/>`;
          if (cell.suppressed || cell.medianQueueDays === null)
            return `<rect x="${x}" y="${y}" width="${cellWidth - 2}" height="${cellHeight - 2}" fill="url(#suppressed)"><title>${escape(`${place}, ${t.rooms(r)}: ${t.suppressed(threshold)}`)}</title></rect>`;
          const { fill, text } = shade(cell.medianQueueDays);
          return `<rect x="${x}" y="${y}" width="${cellWidth - 2}" height="${cellHeight - 2}" fill="${fill}"><title>${escape(`${place}, ${t.rooms(r)}: ${years(cell.medianQueueDays)}`)}</title></rect><text x="${x + cellWidth / 2}" y="${y + 20}" text-anchor="middle" fill="${text}">${escape(years(cell.medianQueueDays))}</text>`;
        })
        .join('');
      return label + row;
    })
    .join('\n');
  const legendY = top + places.length * cellHeight + 24;
  const shown = extremes(cells, (c) => (c.suppressed ? null : c.medianQueueDays));
  const hidden = cells.filter((c) => c.suppressed).length;
  const desc = [
    shown
      ? t.neededRange(`${shown.low.district} ${t.rooms(shown.low.rooms)}`, years(shown.low.medianQueueDays!), `${shown.high.district} ${t.rooms(shown.high.rooms)}`, years(shown.high.medianQueueDays!))
      : t.noData,
    hidden > 0 ? t.hidden(hidden) : '',
  ]
    .join(' ')
    .trim();
  const body = [
    header,
    rows,
    `<text x="16" y="${legendY + 10}" fill="${GREY}">${escape(t.colourScale)}</text>`,
    legend(16, legendY + 26, [
      { swatch: `<rect width="18" height="12" fill="url(#suppressed)" stroke="${GREY}"/>`, label: t.suppressed(threshold) },
      { swatch: `<rect width="18" height="12" fill="#f2f2f2" stroke="${GREY}"/>`, label: t.noLettings },
    ]),
  ].join('\n');
  return frame(width, height, t.neededTitle, desc, body, lang);
}

/** Registered and active seekers side by side per age group; a withheld count is a hatched stub, not a zero. */
export function seekersByAgeSvg(groups: readonly AgeGroupRow[], threshold: number, lang: Language): string {
  const t = LABELS[lang];
  const width = 900;
  const panel: Panel = { x: 90, y: 70, width: width - 120, height: 260 };
  const chart = axes(
    panel,
    groups.map((g) => g.ageGroup),
    ticks(Math.max(0, ...groups.map((g) => g.registered ?? 0))),
    t.persons,
  );
  const slot = panel.width / Math.max(groups.length, 1);
  const barWidth = Math.min(36, slot / 3);
  const bar = (i: number, offset: number, value: number | null, colour: string) => {
    const x = chart.xOf(i) + offset;
    if (value === null) return `<rect x="${x}" y="${panel.y + panel.height - 14}" width="${barWidth}" height="14" fill="url(#suppressed)" stroke="${GREY}"/>`;
    const y = chart.yOf(value);
    return `<rect x="${x}" y="${y}" width="${barWidth}" height="${panel.y + panel.height - y}" fill="${colour}"/>`;
  };
  const registered = extremes(groups, (g) => g.registered);
  const hidden = groups.reduce((n, g) => n + g.suppressed.length, 0);
  const desc = [
    registered ? t.ageRange(registered.low.ageGroup, fmt(registered.low.registered!), registered.high.ageGroup, fmt(registered.high.registered!)) : t.noData,
    hidden > 0 ? t.hidden(hidden) : '',
  ]
    .join(' ')
    .trim();
  const body = [
    chart.body,
    groups.map((g, i) => bar(i, -barWidth - 1, g.registered, BLUE) + bar(i, 1, g.active, ORANGE)).join('\n'),
    `<text x="${panel.x + panel.width / 2}" y="${panel.y + panel.height + 40}" text-anchor="middle" fill="#000000">${escape(t.ageGroup)}</text>`,
    legend(90, 380, [
      { swatch: `<rect width="18" height="12" fill="${BLUE}"/>`, label: t.registered },
      { swatch: `<rect width="18" height="12" fill="${ORANGE}"/>`, label: t.active },
    ]),
    legend(90, 402, [{ swatch: `<rect width="18" height="12" fill="url(#suppressed)" stroke="${GREY}"/>`, label: t.suppressed(threshold) }]),
  ].join('\n');
  return frame(width, 430, t.ageTitle, desc, body, lang);
}

/** A bar per municipality or list type: how many different seekers applied there; a withheld group is a hatched stub. */
export function seekersWantedSvg(rows: readonly WantedRow[], cut: WantedCut, threshold: number, lang: Language): string {
  const t = LABELS[lang];
  const width = 900;
  const panel: Panel = { x: 90, y: 70, width: width - 120, height: 260 };
  const chart = axes(
    panel,
    rows.map((r) => r.group),
    ticks(Math.max(0, ...rows.map((r) => r.seekers ?? 0))),
    t.seekersWho,
  );
  const barWidth = Math.min(48, (panel.width / Math.max(rows.length, 1)) * 0.6);
  const bars = rows
    .map((r, i) => {
      const x = chart.xOf(i) - barWidth / 2;
      if (r.seekers === null) return `<rect x="${x}" y="${panel.y + panel.height - 14}" width="${barWidth}" height="14" fill="url(#suppressed)" stroke="${GREY}"/>`;
      const y = chart.yOf(r.seekers);
      return `<rect x="${x}" y="${y}" width="${barWidth}" height="${panel.y + panel.height - y}" fill="${BLUE}"/>`;
    })
    .join('\n');
  const most = extremes(rows, (r) => r.seekers)?.high;
  const hidden = rows.filter((r) => r.suppressed).length;
  const desc = [most ? t.wantedRange(most.group, fmt(most.seekers!)) : t.noData, hidden > 0 ? t.hidden(hidden) : ''].join(' ').trim();
  const body = [chart.body, bars, legend(90, 380, [{ swatch: `<rect width="18" height="12" fill="url(#suppressed)" stroke="${GREY}"/>`, label: t.suppressed(threshold) }])].join('\n');
  return frame(width, 410, t.wantedTitle[cut], desc, body, lang);
}
