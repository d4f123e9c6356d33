// Work to finish when the server is asked to stop (SIGTERM, SIGINT): scripts/server.mjs runs
// these hooks, for at most a few seconds, before the process exits.
import "server-only";
import { frontHooks } from "@/lib/front/hooks";

export function onShutdown(hook: () => Promise<unknown>): void {
  frontHooks().shutdown.push(hook);
}
