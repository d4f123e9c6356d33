// The generation of the public pages. Pages served from Next's cache (see ./cache-handler.mjs)
// remember the generation they were rendered in; when the job list's content or the branding
// changes, the generation goes up and every older page is rendered again on its next visit.
// Each server keeps its own page cache: what makes them agree is that every server raises
// its generation on the same events (lib/sync tells it about the other servers' changes).
import "server-only";
import { log } from "@/lib/log";

/** Shared with cache-handler.mjs, which Next loads outside the app's bundle. */
const KEY = Symbol.for("careers.page-generation");
type Generation = { value: number; changedAt: number; reason: string };

function holder(): Generation {
  const g = globalThis as { [KEY]?: Generation };
  g[KEY] ??= { value: 1, changedAt: Date.now(), reason: "start" };
  return g[KEY];
}

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
