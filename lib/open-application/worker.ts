// Each server looks for talent-database consents to lapse or to ask about renewing, every
// ALERTS_POLL_MS (renewal emails go through the mail outbox; without mail, consents still lapse).
import "server-only";
import { env } from "@/lib/env";
import { registerHousekeeping } from "@/lib/housekeeping";
import { log } from "@/lib/log";
import { backgroundLoop } from "@/lib/loop";
import { kickMail } from "@/lib/mail/worker";
import { pruneEndedConsents, runConsentsOnce } from "./consents";

async function pass(): Promise<void> {
  const queued = await runConsentsOnce();
  if (queued) {
    log("open-application").info({ queued }, "consent renewal emails queued");
    void kickMail();
  }
}

export function startConsents(): void {
  registerHousekeeping({ name: "talent consents ended 90 days ago", run: () => pruneEndedConsents() });
  backgroundLoop("talent-consents", { everyMs: env().ALERTS_POLL_MS, firstAfterMs: env().ALERTS_POLL_MS, run: pass, failure: "could not look at talent consents" }).start();
}
