import type { View } from '../../views/view.js';
import { BarChart, type Bar } from './bar-chart.js';

/** A column: its heading and each row's text, as the row's header, as a link, or as a plain cell. */
export type Column<R> = { readonly heading: string } & (
  { readonly text: (row: R) => string; readonly rowHeader?: boolean } | { readonly link: (row: R) => { readonly href: string; readonly text: string } }
);

interface ChartedTableProps<R> {
  readonly view: View;
  /** The table's id, which the chart names as its full text alternative. */
  readonly id: string;
  readonly chartTitle: string;
  readonly caption: string;
  readonly rows: readonly R[];
  readonly bar: (row: R) => Bar;
  readonly columns: readonly Column<R>[];
}

/** A bar chart of some rows and, below it, the table of the same rows that the chart points to. */
export function ChartedTable<R>({ view, id, chartTitle, caption, rows, bar, columns }: ChartedTableProps<R>): JSX.Element {
  return (
    <>
      <BarChart view={view} title={chartTitle} tableId={id} bars={rows.map(bar)} />
      <div class="table-scroll">
        <table class="ds-table" id={id}>
          <caption safe>{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th scope="col" safe>
                  {column.heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr>{columns.map((column) => cell(column, row))}</tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function cell<R>(column: Column<R>, row: R): JSX.Element {
  if ('link' in column) {
    const { href, text } = column.link(row);
    return (
      <td>
        <a class="ds-link" href={href} safe>
          {text}
        </a>
      </td>
    );
  }
  return column.rowHeader ? (
    <th scope="row" safe>
      {column.text(row)}
    </th>
  ) : (
    <td safe>{column.text(row)}</td>
  );
}
