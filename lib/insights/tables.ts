// The tables /admin/insights shows, defined once: the page renders them and the CSV export
// writes them, so the two cannot drift apart.
import "server-only";
import { stringify } from "csv-stringify/sync";
import { percent, type Report } from "./report";

export type TableName = "jobs" | "sources" | "daily";
export const TABLE_NAMES: readonly TableName[] = ["jobs", "sources", "daily"];

export type Cell = string | number;
export type Table = { name: TableName; caption: string; headers: string[]; rows: Cell[][] };

/** `forJob`: the report is one job's, which has no job list views to show. */
export function insightTable(report: Report, name: TableName, { forJob = false } = {}): Table {
  const range = `${report.from} to ${report.to}, UTC`;
  if (name === "jobs")
    return {
      name,
      caption: `Per job, ${range}`,
      headers: ["Job", "Status", "Job page views", "Application starts", "Applications", "Delivered to Occupop", "Conversion"],
      rows: report.jobs.map((j) => [j.title, j.open ? "Open" : "Closed", j.views, j.starts, j.applications, j.delivered, percent(j.conversion)]),
    };
  if (name === "sources")
    return {
      name,
      caption: `Per source, ${range}`,
      headers: ["Source", ...(forJob ? [] : ["Job list views"]), "Job page views", "Application starts", "Applications", "Delivered to Occupop", "Conversion"],
      rows: report.sources.map((s) => [s.source, ...(forJob ? [] : [s.listingViews]), s.views, s.starts, s.applications, s.delivered, percent(s.conversion)]),
    };
  return {
    name,
    caption: `Per day, ${range}`,
    headers: ["Day", "Job page views", "Application starts", "Applications", "Delivered to Occupop"],
    rows: report.daily.map((d) => [d.day, d.views, d.starts, d.applications, d.delivered]),
  };
}

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, tab or return first) gets a leading
 * apostrophe: job titles come from Occupop and sources from visitors' links (OWASP CSV injection).
 */
export function defuse(cell: Cell): Cell {
  return typeof cell === "string" && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** CSV as spreadsheets read it: a byte-order mark (so Excel reads UTF-8), CRLF lines. */
export function tableCsv(table: Table): string {
  return stringify([table.headers, ...table.rows.map((row) => row.map(defuse))], { bom: true, record_delimiter: "\r\n" });
}
