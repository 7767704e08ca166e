import type { PropsWithChildren } from '@kitajs/html';

interface DataTableProps {
  /** The column headings, in order. */
  readonly columns: readonly string[];
  readonly caption?: string;
  /** Lines between the rows, for a list to scan along. */
  readonly border?: boolean;
  /** The id of a note above the table that explains its cells. */
  readonly describedBy?: string;
}

/** A table that scrolls on its own on a narrow screen, its columns headed; the rows are the page's. */
export function DataTable({ columns, caption, border, describedBy, children }: PropsWithChildren<DataTableProps>): JSX.Element {
  return (
    <div class="table-scroll">
      <table class="ds-table" data-border={border} aria-describedby={describedBy}>
        {caption === undefined ? '' : <caption safe>{caption}</caption>}
        <thead>
          <tr>
            {columns.map((column) => (
              <th scope="col" safe>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
