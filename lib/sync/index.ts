// Keeps this server in step with the others without a message bus: every SYNC_POLL_MS it
// asks the database three cheap questions (the shared job list's version and fetch time, the
// newest branding version, HR's job-alerts switch) and takes what changed. A webhook or a branding save on any
// server therefore shows on every server within SYNC_POLL_MS plus one page render.
// Polling was chosen over PostgreSQL's LISTEN/NOTIFY: one code path for SQLite and
// PostgreSQL, no dedicated connection to keep alive, and a bound that is easy to state.
import "server-only";
import { syncAlertsSwitch } from "@/lib/alerts/switch";
import { syncBrandingFromDatabase } from "@/lib/branding/sync";
import { env } from "@/lib/env";
import { syncJobsFromDatabase } from "@/lib/jobs/cache";
import { log } from "@/lib/log";

const KEY = Symbol.for("careers.sync");
type State = { timer?: NodeJS.Timeout; running: boolean; failing: boolean };

function state(): State {
  const g = globalThis as { [KEY]?: State };
  g[KEY] ??= { running: false, failing: false };
  return g[KEY];
}

/** One look at the database; errors are logged once per outage, not per poll. */
export async function syncOnce(): Promise<void> {
  const s = state();
  try {
    await syncJobsFromDatabase();
    await syncBrandingFromDatabase();
    await syncAlertsSwitch();
    if (s.failing) log("sync").info("back in step with the database");
    s.failing = false;
  } catch (error) {
    if (!s.failing) log("sync").warn({ err: error instanceof Error ? error.message : String(error) }, "cannot check the database for other servers' changes");
    s.failing = true;
  }
}

export function startSync(): void {
  const s = state();
  if (s.timer) return;
  s.timer = setInterval(() => {
    if (s.running) return;
    s.running = true;
    void syncOnce().finally(() => (s.running = false));
  }, env().SYNC_POLL_MS);
  s.timer.unref();
  void syncOnce();
}
