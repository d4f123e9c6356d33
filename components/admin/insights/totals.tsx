import { changeLabel, conversionOf, percent, type Totals as TotalsT } from "@/lib/insights/report";

type Props = { totals: TotalsT; previous: TotalsT; period: number; listing?: boolean };

/** The period's numbers, each against the period before it. */
export function Totals({ totals, previous, period, listing = true }: Props) {
  const conversion = conversionOf(totals);
  const before = conversionOf(previous);
  const items: Array<[string, string, string, string]> = [
    ["listing-views", "Job list views", String(totals.listingViews), changeLabel(totals.listingViews, previous.listingViews)],
    ["views", "Job page views", String(totals.views), changeLabel(totals.views, previous.views)],
    ["starts", "Application starts", String(totals.starts), changeLabel(totals.starts, previous.starts)],
    ["applications", "Applications", String(totals.applications), changeLabel(totals.applications, previous.applications)],
    ["delivered", "Delivered to Occupop", String(totals.delivered), changeLabel(totals.delivered, previous.delivered)],
    ["conversion", "Conversion (applications per job page view)", percent(conversion), before === null || conversion === null ? "–" : `was ${percent(before)}`],
  ];
  if (!listing) items.shift();
  return (
    <dl className="mt-6 grid gap-3 sm:grid-cols-3" data-testid="insight-totals">
      {items.map(([id, label, value, change]) => (
        <div key={id} className="rounded-lg border border-slate-200 p-4">
          <dt className="text-sm font-medium text-slate-700">{label}</dt>
          <dd className="mt-1 text-3xl font-bold tabular-nums text-slate-900" data-testid={`total-${id}`}>
            {value}
          </dd>
          <dd className="text-sm text-slate-700">
            <span className="sr-only">Against the {period} days before: </span>
            <span aria-hidden="true">vs previous {period} days: </span>
            {change}
          </dd>
        </div>
      ))}
    </dl>
  );
}
