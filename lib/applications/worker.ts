// The background worker each server runs: it takes the leases of due applications a few at
// a time (every replica helps; no two take the same one) and delivers them. Nothing is
// released at start: a lease left by a server that died simply runs out (OUTBOX_LEASE_MS).
import "server-only";
import { backgroundLoop } from "@/lib/loop";
import { processSingleton } from "@/lib/process-state.mjs";
import { env } from "@/lib/env";
import { registerHousekeeping } from "@/lib/housekeeping";
import { log } from "@/lib/log";
import { checkToken } from "@/lib/occupop";
import { serverId } from "@/lib/server-id";
import { deliverClaimed } from "./deliver";
import { claimDue, countFailedForAuth, pruneDelivered, requeueFailedForAuth } from "./outbox";

const logger = log("outbox");

type WorkerState = { lastAuthCheck: number };

const state = () => processSingleton<WorkerState>("outbox-worker", () => ({ lastAuthCheck: 0 }));

/**
 * Applications held back because Occupop refused the token are not retried one by one;
 * instead, now and then, one cheap read checks the token, and when it works again they
 * all go back to the queue.
 */
async function recheckToken(s: WorkerState): Promise<void> {
  if (Date.now() - s.lastAuthCheck < env().OUTBOX_AUTH_RECHECK_MS) return;
  s.lastAuthCheck = Date.now();
  if (!(await countFailedForAuth())) return;
  try {
    await checkToken();
  } catch {
    return;
  }
  const requeued = await requeueFailedForAuth();
  if (requeued) logger.info({ requeued }, "Occupop accepts the token again; held-back applications requeued");
}

/** One pass: delivers every due application, OUTBOX_CONCURRENCY at a time. */
export async function runOutboxOnce(): Promise<number> {
  const { OUTBOX_CONCURRENCY: batch, OUTBOX_LEASE_MS: leaseMs } = env();
  const owner = serverId();
  let delivered = 0;
  await recheckToken(state());
  for (;;) {
    const ids = await claimDue(owner, batch, leaseMs);
    if (!ids.length) break;
    const outcomes = await Promise.all(ids.map((id) => deliverClaimed(id, owner)));
    delivered += outcomes.filter((o) => o.kind === "delivered").length;
  }
  return delivered;
}

/** Starts the worker once per process. */
export async function startOutboxWorker(): Promise<void> {
  registerHousekeeping({ name: "delivered applications", run: () => pruneDelivered(env().DELIVERED_RETENTION_DAYS) });
  backgroundLoop("outbox", { everyMs: env().OUTBOX_POLL_MS, run: runOutboxOnce, failure: "outbox pass failed" }).start();
  logger.info({ pollMs: env().OUTBOX_POLL_MS, server: serverId() }, "outbox worker started");
}
