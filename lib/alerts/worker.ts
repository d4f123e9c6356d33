// Each server looks for new jobs to tell subscribers about every ALERTS_POLL_MS, queues the
// digests (lib/alerts/digest), and has the mail worker send them. Unconfirmed sign-ups are deleted after 7 days by housekeeping.
import "server-only";
import { env } from "@/lib/env";
import { registerHousekeeping } from "@/lib/housekeeping";
import { log } from "@/lib/log";
import { mailConfigured } from "@/lib/mail/transport";
import { kickMail } from "@/lib/mail/worker";
import { planDigests } from "./digest";
import { pruneUnconfirmed } from "./subscriptions";

type State = { timer?: NodeJS.Timeout; running: boolean; failing: boolean };
const KEY = Symbol.for("careers.alerts-worker");

function state(): State {
  const g = globalThis as { [KEY]?: State };
  g[KEY] ??= { running: false, failing: false };
  return g[KEY];
}

/** One pass: queue what is due, then send it. */
export async function runAlertsOnce(): Promise<number> {
  const s = state();
  if (s.running) return 0;
  s.running = true;
  try {
    const queued = await planDigests();
    if (queued) {
      log("alerts").info({ queued }, "job alert emails queued");
      void kickMail();
    }
    s.failing = false;
    return queued;
  } catch (error) {
    // Jobs unavailable or the database away: try again at the next pass, logged once.
    if (!s.failing) log("alerts").warn({ err: error instanceof Error ? error.message : String(error) }, "could not look for new jobs to send alerts about");
    s.failing = true;
    return 0;
  } finally {
    s.running = false;
  }
}

export function startAlerts(): void {
  const s = state();
  if (s.timer || !mailConfigured()) return;
  registerHousekeeping({ name: "unconfirmed job alerts", run: () => pruneUnconfirmed() });
  s.timer = setInterval(() => void runAlertsOnce(), env().ALERTS_POLL_MS);
  s.timer.unref();
}
