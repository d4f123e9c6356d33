import Link from "next/link";
import { PERIODS, type Period } from "@/lib/insights/report";

/** 7, 30 or 90 days: links, so a period can be bookmarked and shared. */
export function PeriodPicker({ period, basePath }: { period: Period; basePath: string }) {
  return (
    <nav aria-label="Period" className="mt-4">
      <ul className="flex flex-wrap gap-2">
        {PERIODS.map((p) => (
          <li key={p}>
            <Link
              href={`${basePath}?period=${p}`}
              aria-current={p === period ? "page" : undefined}
              className={`inline-flex min-h-11 items-center rounded-md border px-4 font-medium ${
                p === period ? "border-slate-900 bg-slate-900 text-white" : "border-slate-400 text-slate-900 hover:bg-slate-100"
              }`}
            >
              Last {p} days
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
