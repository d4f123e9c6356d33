// Keeps this server in step with the others without a message bus: every SYNC_POLL_MS it
// asks the database three cheap questions (the shared job list's version and fetch time, the
// newest branding version, HR's job-alerts switch) and takes what changed. A webhook or a branding save on any
// server therefore shows on every server within SYNC_POLL_MS plus one page render.
// Polling was chosen over PostgreSQL's LISTEN/NOTIFY: one code path for SQLite and
// PostgreSQL, no dedicated connection to keep alive, and a bound that is easy to state.
import "server-only";
import { backgroundLoop } from "@/lib/loop";
import { syncAlertsSwitch } from "@/lib/alerts/switch";
import { syncOpenApplication } from "@/lib/open-application/settings";
import { syncBrandingFromDatabase } from "@/lib/branding/sync";
import { env } from "@/lib/env";
import { syncJobsFromDatabase } from "@/lib/jobs/cache";


/** One look at the database (the loop logs a failure once per outage). */
export async function syncOnce(): Promise<void> {
  await syncJobsFromDatabase();
  await syncBrandingFromDatabase();
  await syncAlertsSwitch();
  await syncOpenApplication();
}

export function startSync(): void {
  backgroundLoop("sync", { everyMs: env().SYNC_POLL_MS, run: syncOnce, failure: "cannot check the database for other servers' changes" }).start();
}
