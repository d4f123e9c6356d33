// Per-request context shared with scripts/server.mjs through an AsyncLocalStorage it puts
// on globalThis. It lets a layout choose the HTTP status (e.g. 503 while Occupop has never
// answered), which React Server Components cannot set themselves. Outside that server
// (plain `next start`) it does nothing: the page still says what is wrong, with a 200.
import type { AsyncLocalStorage } from "node:async_hooks";

export type RequestContext = { status?: number };

const KEY = Symbol.for("careers.request-context");

function storage(): AsyncLocalStorage<RequestContext> | undefined {
  return (globalThis as { [KEY]?: AsyncLocalStorage<RequestContext> })[KEY];
}

/** Asks the server to answer this request with `status` instead of 200. */
export function setResponseStatus(status: number): void {
  const context = storage()?.getStore();
  if (context) context.status = status;
}
