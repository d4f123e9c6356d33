// The generation of the public pages. Pages served from Next's cache (see ./cache-handler.mjs)
// remember the generation they were rendered in; when the job list's content or the branding
// changes, the generation goes up and every older page is rendered again on its next visit.
// Each server keeps its own page cache: what makes them agree is that every server raises
// its generation on the same events (lib/sync tells it about the other servers' changes).
import "server-only";
import { processSingleton } from "@/lib/process-state.mjs";
import { log } from "@/lib/log";

type Generation = { value: number; changedAt: number; reason: string };

/** Shared with cache-handler.mjs, which Next loads outside the app's bundle. */
const holder = () => processSingleton<Generation>("page-generation", () => ({ value: 1, changedAt: Date.now(), reason: "start" }));

/** Every cached public page older than now is stale from here on. */
export function invalidatePages(reason: string): void {
  const h = holder();
  h.value += 1;
  h.changedAt = Date.now();
  h.reason = reason;
  log("page-cache").info({ generation: h.value, reason }, "public pages will be rendered again");
}

export function pageGeneration(): Generation {
  return { ...holder() };
}
