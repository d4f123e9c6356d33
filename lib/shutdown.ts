// Work to finish when the server is asked to stop (SIGTERM, SIGINT): scripts/server.mjs runs
// these hooks, for at most a few seconds, before the process exits. Held on globalThis under
// a shared symbol because server.mjs sits outside Next's module graph.
import "server-only";

const KEY = Symbol.for("careers.shutdown");

export function onShutdown(hook: () => Promise<unknown>): void {
  const g = globalThis as { [KEY]?: Array<() => Promise<unknown>> };
  (g[KEY] ??= []).push(hook);
}
