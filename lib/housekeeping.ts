// Housekeeping that keeps personal data and stale rows no longer than needed. Each capability
// registers its own task; one timer per server runs them all, hourly. The tasks are plain
// deletes of expired rows, so several replicas running them at once do no harm.
import "server-only";
import { backgroundLoop } from "@/lib/loop";
import { processSingleton } from "@/lib/process-state.mjs";
import { log } from "@/lib/log";

export type HousekeepingTask = { name: string; run: () => Promise<unknown> };

const HOUR = 60 * 60 * 1000;

const tasks = () => processSingleton("housekeeping", () => new Map<string, HousekeepingTask>());

export function registerHousekeeping(task: HousekeepingTask): void {
  tasks().set(task.name, task);
}

/** Runs every registered task once; one failing does not stop the others. */
export async function runHousekeeping(): Promise<void> {
  for (const task of tasks().values()) {
    try {
      const result = await task.run();
      if (typeof result === "number" && result > 0) log("housekeeping").info({ task: task.name, removed: result }, "housekeeping removed expired rows");
    } catch (error) {
      log("housekeeping").error({ task: task.name, err: error instanceof Error ? error.message : String(error) }, "housekeeping task failed");
    }
  }
}

/** Starts the hourly passes once per process (the first a minute after start). */
export function startHousekeeping(intervalMs = HOUR): void {
  backgroundLoop("housekeeping", { everyMs: intervalMs, firstAfterMs: Math.min(intervalMs, 60_000), run: runHousekeeping }).start();
}
