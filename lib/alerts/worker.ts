// Each server looks for new jobs to tell subscribers about every ALERTS_POLL_MS, queues the
// digests (lib/alerts/digest), and has the mail worker send them. Unconfirmed sign-ups are deleted after 7 days by housekeeping.
import "server-only";
import { backgroundLoop } from "@/lib/loop";
import { env } from "@/lib/env";
import { registerHousekeeping } from "@/lib/housekeeping";
import { log } from "@/lib/log";
import { mailConfigured } from "@/lib/mail/transport";
import { kickMail } from "@/lib/mail/worker";
import { planDigests } from "./digest";
import { pruneUnconfirmed } from "./subscriptions";

/** One pass: queue what is due, then send it. Throws when jobs or the database are away (the loop logs it once). */
export async function runAlertsOnce(): Promise<number> {
  const queued = await planDigests();
  if (queued) {
    log("alerts").info({ queued }, "job alert emails queued");
    void kickMail();
  }
  return queued;
}

export function startAlerts(): void {
  if (!mailConfigured()) return;
  registerHousekeeping({ name: "unconfirmed job alerts", run: () => pruneUnconfirmed() });
  // The first look comes after one interval: nothing is new at start.
  backgroundLoop("alerts", { everyMs: env().ALERTS_POLL_MS, firstAfterMs: env().ALERTS_POLL_MS, run: runAlertsOnce, failure: "could not look for new jobs to send alerts about" }).start();
}
