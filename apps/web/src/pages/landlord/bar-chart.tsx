import { formatNumber } from '../../i18n/format.js';
import type { View } from '../../views/view.js';

export interface Bar {
  readonly label: string;
  readonly value: number;
}

const WIDTH = 640;
const LABEL_WIDTH = 220;
const VALUE_WIDTH = 60;
const ROW = 32;
const BAR = 20;
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
  const span = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const height = bars.length * ROW + 8;
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
        const y = i * ROW + 4;
        const length = Math.round((bar.value / largest) * span);
        return (
          <g>
            <text x={String(LABEL_WIDTH - 8)} y={String(y + BAR / 2 + 5)} text-anchor="end" fill={TEXT_COLOUR} safe>
              {bar.label.length > 28 ? `${bar.label.slice(0, 27)}…` : bar.label}
            </text>
            <rect x={String(LABEL_WIDTH)} y={String(y)} width={String(Math.max(length, 2))} height={String(BAR)} fill={BAR_COLOUR} />
            <text x={String(LABEL_WIDTH + Math.max(length, 2) + 6)} y={String(y + BAR / 2 + 5)} fill={TEXT_COLOUR} safe>
              {formatNumber(bar.value, view.locale)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
