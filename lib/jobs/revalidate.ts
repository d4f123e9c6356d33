// POST /api/revalidate: an Occupop webhook or a cron refreshes the job cache at once.
// The secret comes as `Authorization: Bearer <secret>`, an `x-revalidate-secret` header,
// or `?secret=` (for webhook senders that cannot set headers); compared in constant time.
import "server-only";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { metrics } from "@/lib/metrics";
import { secretsMatch, webhookSecret } from "@/lib/secrets";
import { refreshJobs } from "./cache";

const logger = log("jobs");

export async function revalidateFromWebhook(request: Request): Promise<Response> {
  const expected = env().REVALIDATE_SECRET;
  if (!expected) {
    return Response.json({ ok: false, message: "Revalidation is not configured (set REVALIDATE_SECRET)." }, { status: 404 });
  }
  if (!secretsMatch(webhookSecret(request, "x-revalidate-secret"), expected)) {
    logger.warn("revalidate refused: wrong secret");
    metrics().webhookEvents.inc({ hook: "revalidate", outcome: "refused" });
    return Response.json({ ok: false, message: "Wrong or missing secret." }, { status: 401 });
  }
  try {
    const snapshot = await refreshJobs();
    metrics().webhookEvents.inc({ hook: "revalidate", outcome: "accepted" });
    return Response.json({
      ok: true,
      jobs: snapshot.jobs.length,
      open: snapshot.jobs.filter((j) => j.isOpen).length,
      fetchedAt: new Date(snapshot.fetchedAt).toISOString(),
    });
  } catch {
    // refreshJobs logged the cause; the old copy keeps serving.
    metrics().webhookEvents.inc({ hook: "revalidate", outcome: "failed" });
    return Response.json({ ok: false, message: "Occupop could not be reached; the previous job list is still served." }, { status: 502 });
  }
}
