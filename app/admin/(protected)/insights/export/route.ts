import { requireAdmin } from "@/lib/admin/access";
import { insightsReport, periodOf } from "@/lib/insights/report";
import { insightTable, TABLE_NAMES, tableCsv } from "@/lib/insights/tables";

export const dynamic = "force-dynamic";

// GET /admin/insights/export?period=30&table=jobs[&job=<uuid>]: a table of /admin/insights
// (or of a job's page) as CSV, the same rows and headings as on screen.
export async function GET(request: Request): Promise<Response> {
  await requireAdmin();
  const params = new URL(request.url).searchParams;
  const name = TABLE_NAMES.find((t) => t === params.get("table"));
  if (!name) return new Response("Ask for table=jobs, sources or daily.\n", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const job = params.get("job")?.slice(0, 64) || undefined;
  const report = await insightsReport(periodOf(params.get("period")), { job });
  const filename = `insights-${name}-${report.from}-to-${report.to}.csv`;
  return new Response(tableCsv(insightTable(report, name, { forJob: job !== undefined })), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
