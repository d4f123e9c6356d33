// The background loops every server runs (the outbox, mail, job alerts, sync with other
// replicas, insight counts, housekeeping) share one shape: a pass every `everyMs`, never two at
// once in a process; kick() runs one now, or right after the one under way; a failing pass is
// logged once per outage (and its end once), never per poll. One per process, whatever bundle
// asks (lib/process-state.mjs).
import "server-only";
import { log } from "@/lib/log";
import { processSingleton } from "@/lib/process-state.mjs";

export type LoopOptions = {
  everyMs: number;
  run: () => Promise<unknown>;
  /** The first pass: at once (0, the default), or after this long. */
  firstAfterMs?: number;
  /** What a failed pass says in the log (once per outage). */
  failure?: string;
};

export type Loop = {
  /** Starts the timer (once: a second start does nothing). */
  start(): void;
  /** A pass now, or right after the one under way; resolves when done. */
  kick(): Promise<void>;
  stop(): void;
};

function createLoop(name: string, { everyMs, run, firstAfterMs = 0, failure = "background pass failed" }: LoopOptions): Loop {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let again = false;
  let failing = false;
  const pass = async () => {
    try {
      await run();
      if (failing) log(name).info("background passes work again");
      failing = false;
    } catch (error) {
      if (!failing) log(name).warn({ err: error instanceof Error ? error.message : String(error) }, failure);
      failing = true;
    }
  };
  const kick = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await pass();
        } while (again);
      } finally {
        running = null;
      }
    })();
    return running;
  };
  return {
    start() {
      if (timer) return;
      timer = setInterval(() => void kick(), everyMs);
      timer.unref();
      if (firstAfterMs <= 0) void kick();
      else setTimeout(() => void kick(), firstAfterMs).unref();
    },
    kick,
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
  };
}

/** The loop named `name` in this process, made with `options` the first time it is asked for. */
export function backgroundLoop(name: string, options: LoopOptions): Loop {
  return processSingleton(`loop.${name}`, () => createLoop(name, options));
}
