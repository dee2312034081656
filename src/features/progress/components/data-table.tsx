import { useState, type ReactNode } from 'react';

export interface Column<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  /** Numbers line up on the right. */
  numeric?: boolean;
}

/** The chart's numbers as a real table, folded away (and not even rendered) until asked for. */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
}: {
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
}) {
  // A long history makes long tables: build them only when someone opens one.
  const [open, setOpen] = useState(false);
  return (
    <details
      className="rounded-xl border border-slate-200 dark:border-slate-700"
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary className="flex min-h-12 cursor-pointer items-center px-4 font-semibold text-sky-800 focus-visible:outline-3 focus-visible:outline-sky-600 dark:text-sky-300">
        Show the numbers
      </summary>
      {open ? (
        <div className="max-h-80 overflow-auto px-4 pb-3">
          <table className="w-full text-left">
            <caption className="sr-only">{caption}</caption>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th
                    key={column.header}
                    scope="col"
                    className={`py-1 pr-2 font-semibold ${column.numeric ? 'text-right' : ''}`}
                  >
                    {column.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={rowKey(row)} className="border-t border-slate-200 dark:border-slate-700">
                  {columns.map((column) => (
                    <td
                      key={column.header}
                      className={`py-1 pr-2 ${column.numeric ? 'text-right tabular-nums' : ''}`}
                    >
                      {column.cell(row)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </details>
  );
}
