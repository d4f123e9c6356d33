// The background worker in the server process: delivers queued applications when they are
// due, and does the housekeeping that keeps personal data no longer than needed.
import "server-only";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { pruneSessions } from "@/lib/admin/session";
import { pruneRateLimits } from "@/lib/rate-limit";
import { processApplication } from "./deliver";
import { checkToken } from "@/lib/occupop";
import { countFailedForAuth, dueIds, pruneDelivered, releaseAllLeases, requeueFailedForAuth } from "./outbox";

const logger = log("outbox");
const HOUSEKEEPING_MS = 60 * 60 * 1000;
const BATCH = 10;

type WorkerState = { timer?: NodeJS.Timeout; running: boolean; lastHousekeeping: number; lastAuthCheck: number };
const KEY = Symbol.for("careers.outbox-worker");

function state(): WorkerState {
  const g = globalThis as { [KEY]?: WorkerState };
  g[KEY] ??= { running: false, lastHousekeeping: 0, lastAuthCheck: 0 };
  return g[KEY];
}

async function housekeeping(): Promise<void> {
  const pruned = await pruneDelivered(env().DELIVERED_RETENTION_DAYS);
  if (pruned) logger.info({ pruned }, "pruned delivered applications past retention");
  await pruneRateLimits(24 * 60 * 60 * 1000);
  await pruneSessions();
}

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

/** One pass: delivers every due application (a batch at a time). */
export async function runOutboxOnce(): Promise<number> {
  let delivered = 0;
  await recheckToken(state());
  for (;;) {
    const ids = await dueIds(BATCH);
    if (!ids.length) break;
    let progressed = false;
    for (const id of ids) {
      const outcome = await processApplication(id);
      if (outcome.kind !== "busy") progressed = true;
      if (outcome.kind === "delivered") delivered++;
    }
    if (!progressed) break;
  }
  const s = state();
  if (Date.now() - s.lastHousekeeping > HOUSEKEEPING_MS) {
    s.lastHousekeeping = Date.now();
    await housekeeping();
  }
  return delivered;
}

/** Starts the worker once per process. With SQLite the process is alone, so no lease can survive a restart. */
export async function startOutboxWorker(): Promise<void> {
  const s = state();
  if (s.timer) return;
  await releaseAllLeases();
  const tick = async () => {
    if (s.running) return;
    s.running = true;
    try {
      await runOutboxOnce();
    } catch (error) {
      logger.error({ err: error instanceof Error ? error.message : String(error) }, "outbox pass failed");
    } finally {
      s.running = false;
    }
  };
  s.timer = setInterval(() => void tick(), env().OUTBOX_POLL_MS);
  s.timer.unref();
  void tick();
  logger.info({ pollMs: env().OUTBOX_POLL_MS }, "outbox worker started");
}
