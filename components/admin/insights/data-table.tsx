import type { ReactNode } from "react";
import type { Table } from "@/lib/insights/tables";

type Props = {
  table: Table;
  /** What the first cell of a row shows instead of its text (a link, say). */
  rowHeader?: (index: number) => ReactNode;
  empty?: string;
  testId?: string;
};

/** A table of /admin/insights: a caption, column headings, each row headed by its first cell. */
export function DataTable({ table, rowHeader, empty = "Nothing counted in these days.", testId }: Props) {
  return (
    <div className="mt-3 overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm" data-testid={testId}>
        <caption className="sr-only">{table.caption}</caption>
        <thead>
          <tr className="border-b border-slate-300">
            {table.headers.map((h, i) => (
              <th key={h} scope="col" className={`px-2 py-2 font-semibold text-slate-900 ${i ? "text-right" : ""}`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.length ? (
            table.rows.map((row, r) => (
              <tr key={`${row[0]}-${r}`} className="border-b border-slate-100">
                <th scope="row" className="px-2 py-2 font-medium text-slate-900">
                  {rowHeader ? rowHeader(r) : row[0]}
                </th>
                {row.slice(1).map((cell, c) => (
                  <td key={c} className="px-2 py-2 text-right tabular-nums text-slate-800">
                    {cell}
                  </td>
                ))}
              </tr>
            ))
          ) : (
            <tr>
              <td colSpan={table.headers.length} className="px-2 py-4 text-slate-700">
                {empty}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
