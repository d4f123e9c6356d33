import type { TableName } from "@/lib/insights/tables";

/** A download of one insights table as CSV (app/admin/(protected)/insights/export), for one job when given. */
export function CsvLink({ period, table, job, label }: { period: number; table: TableName; job?: string; label: string }) {
  const query = new URLSearchParams({ period: String(period), table, ...(job ? { job } : {}) });
  return (
    <a href={`/admin/insights/export?${query}`} className="inline-flex min-h-11 items-center font-medium text-brand underline" download>
      {label}
    </a>
  );
}
