import { formatNumber } from '../../i18n/format.js';
import type { View } from '../../views/view.js';

export interface Bar {
  readonly label: string;
  readonly value: number;
}

// Narrow, with each label above its bar, so a phone shows the chart at nearly its own size and its text stays readable.
const WIDTH = 400;
const VALUE_WIDTH = 56;
const ROW = 46;
const BAR = 16;
// Bars at more than 3:1 against white (WCAG 1.4.11), text at more than 4.5:1: attributes, as the CSP allows no inline style.
const BAR_COLOUR = '#1e5aa0';
const TEXT_COLOUR = '#1a1a1a';

/**
 * A horizontal bar chart drawn on the server as SVG in the page, so it needs no script and no
 * image request. It is an image with a name; the table it points to by `tableId` holds the same
 * figures and is its full text alternative.
 */
export function BarChart({ view, title, bars, tableId }: { view: View; title: string; bars: readonly Bar[]; tableId: string }): JSX.Element {
  const largest = Math.max(1, ...bars.map((bar) => bar.value));
  const span = WIDTH - VALUE_WIDTH;
  const height = bars.length * ROW;
  return (
    <svg
      class="chart"
      role="img"
      aria-label={title}
      aria-describedby={tableId}
      viewBox={`0 0 ${WIDTH} ${height}`}
      width={String(WIDTH)}
      height={String(height)}
      xmlns="http://www.w3.org/2000/svg"
      font-family="system-ui, sans-serif"
      font-size="14"
    >
      {bars.map((bar, i) => {
        const y = i * ROW;
        const length = Math.max(Math.round((bar.value / largest) * span), 2);
        return (
          <g>
            <text x="0" y={String(y + 16)} fill={TEXT_COLOUR} safe>
              {bar.label.length > 48 ? `${bar.label.slice(0, 47)}…` : bar.label}
            </text>
            <rect x="0" y={String(y + 22)} width={String(length)} height={String(BAR)} fill={BAR_COLOUR} />
            <text x={String(length + 6)} y={String(y + 35)} fill={TEXT_COLOUR} safe>
              {formatNumber(bar.value, view.locale)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
