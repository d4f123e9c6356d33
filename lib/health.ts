// What /api/health reports: can this server serve jobs right now, and how is the queue of
// applications on their way to Occupop?
import "server-only";
import { queueStats } from "@/lib/applications/outbox";
import { getJobsSnapshot, JobsUnavailableError } from "@/lib/jobs";

type Queue = { pending: number; failed: number; oldestPendingAgeSeconds: number | null; uncertainCreates: number };

export type HealthReport =
  | { ok: true; status: "ok" | "degraded"; jobs: { total: number; open: number; fetchedAt: string; stale: boolean }; applications: Queue }
  | { ok: false; status: "unavailable"; reason: string; applications?: Queue };

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
  let applications: Queue;
  try {
    applications = await queue();
  } catch (error) {
    return { ok: false, status: "unavailable", reason: `The database is unavailable (${error instanceof Error ? error.message : String(error)})` };
  }
  try {
    const snapshot = await getJobsSnapshot();
    return {
      ok: true,
      status: snapshot.stale ? "degraded" : "ok",
      jobs: {
        total: snapshot.jobs.length,
        open: snapshot.jobs.filter((j) => j.isOpen).length,
        fetchedAt: new Date(snapshot.fetchedAt).toISOString(),
        stale: snapshot.stale,
      },
      applications,
    };
  } catch (error) {
    if (error instanceof JobsUnavailableError) {
      return { ok: false, status: "unavailable", reason: `Occupop is unreachable and no job data is cached (${error.reason})`, applications };
    }
    throw error;
  }
}
