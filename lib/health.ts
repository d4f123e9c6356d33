// What /api/health reports: can this server serve jobs right now, is its database there, and
// how is the queue of applications on their way to Occupop? Anyone (a load balancer) gets the
// verdict: ok, degraded or unavailable, as 200 or 503. The details (this server's id, the
// database, the queue, the reason in full) need HEALTH_TOKEN as a bearer token.
import "server-only";
import { bearerToken, secretsMatch } from "@/lib/secrets";
import { queueStats } from "@/lib/applications/outbox";
import { dbKind, describeDatabaseError, type DbKind } from "@/lib/db";
import { env } from "@/lib/env";
import { getJobsSnapshot, JobsUnavailableError } from "@/lib/jobs";
import { serverId } from "@/lib/server-id";

type Queue = { pending: number; failed: number; oldestPendingAgeSeconds: number | null; uncertainCreates: number };
type Database = { kind: DbKind; reachable: boolean };

export type HealthReport =
  | {
      ok: true;
      status: "ok" | "degraded";
      server: string;
      database: Database;
      jobs: { total: number; open: number; fetchedAt: string; stale: boolean };
      applications: Queue;
    }
  | { ok: false; status: "unavailable"; server: string; reason: string; database: Database; applications?: Queue };

async function queue(): Promise<Queue> {
  const stats = await queueStats();
  return {
    pending: stats.pending,
    failed: stats.failed,
    oldestPendingAgeSeconds: stats.oldestPendingAt === null ? null : Math.round((Date.now() - stats.oldestPendingAt) / 1000),
    uncertainCreates: stats.uncertainCreates,
  };
}

export async function health(): Promise<HealthReport> {
  const server = serverId();
  const kind = dbKind();
  let applications: Queue;
  try {
    applications = await queue();
  } catch (error) {
    // Without its database this server cannot take an application: a load balancer should
    // send applicants elsewhere.
    return {
      ok: false,
      status: "unavailable",
      server,
      reason: describeDatabaseError(error, env().DATABASE_URL),
      database: { kind, reachable: false },
    };
  }
  const database = { kind, reachable: true };
  try {
    const snapshot = await getJobsSnapshot();
    return {
      ok: true,
      status: snapshot.stale ? "degraded" : "ok",
      server,
      database,
      jobs: {
        total: snapshot.jobs.length,
        open: snapshot.jobs.filter((j) => j.isOpen).length,
        fetchedAt: new Date(snapshot.fetchedAt).toISOString(),
        stale: snapshot.stale,
      },
      applications,
    };
  } catch (error) {
    if (JobsUnavailableError.is(error)) {
      return { ok: false, status: "unavailable", server, reason: `Occupop is unreachable and no job data is cached (${error.reason})`, database, applications };
    }
    throw error;
  }
}

/** GET /api/health: the verdict for anyone, the report for whoever holds HEALTH_TOKEN. */
export async function healthResponse(request: Request): Promise<Response> {
  const report = await health();
  const headers = { "Cache-Control": "no-store" };
  const status = report.ok ? 200 : 503;
  const token = env().HEALTH_TOKEN;
  if (token && secretsMatch(bearerToken(request), token)) return Response.json(report, { status, headers });
  return Response.json({ ok: report.ok, status: report.status }, { status, headers });
}
