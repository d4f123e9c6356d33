// What /api/health reports: can this server serve jobs right now?
import "server-only";
import { getJobsSnapshot, JobsUnavailableError } from "@/lib/jobs";

export type HealthReport =
  | { ok: true; status: "ok" | "degraded"; jobs: { total: number; open: number; fetchedAt: string; stale: boolean } }
  | { ok: false; status: "unavailable"; reason: string };

export async function health(): Promise<HealthReport> {
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
    };
  } catch (error) {
    if (error instanceof JobsUnavailableError) {
      return { ok: false, status: "unavailable", reason: `Occupop is unreachable and no job data is cached (${error.reason})` };
    }
    throw error;
  }
}
