// Housekeeping that keeps personal data and stale rows no longer than needed. Each capability
// registers its own task; one timer per server runs them all, hourly. The tasks are plain
// deletes of expired rows, so several replicas running them at once do no harm.
import "server-only";
import { log } from "@/lib/log";

export type HousekeepingTask = { name: string; run: () => Promise<unknown> };

const HOUR = 60 * 60 * 1000;
const KEY = Symbol.for("careers.housekeeping");
type State = { tasks: Map<string, HousekeepingTask>; timer?: NodeJS.Timeout };

function state(): State {
  const g = globalThis as { [KEY]?: State };
  g[KEY] ??= { tasks: new Map() };
  return g[KEY];
}

export function registerHousekeeping(task: HousekeepingTask): void {
  state().tasks.set(task.name, task);
}

/** Runs every registered task once; one failing does not stop the others. */
export async function runHousekeeping(): Promise<void> {
  for (const task of state().tasks.values()) {
    try {
      const result = await task.run();
      if (typeof result === "number" && result > 0) log("housekeeping").info({ task: task.name, removed: result }, "housekeeping removed expired rows");
    } catch (error) {
      log("housekeeping").error({ task: task.name, err: error instanceof Error ? error.message : String(error) }, "housekeeping task failed");
    }
  }
}

/** Starts the hourly timer once per process (the first run comes a minute after start). */
export function startHousekeeping(intervalMs = HOUR): void {
  const s = state();
  if (s.timer) return;
  const first = setTimeout(() => void runHousekeeping(), Math.min(intervalMs, 60_000));
  first.unref();
  s.timer = setInterval(() => void runHousekeeping(), intervalMs);
  s.timer.unref();
}
