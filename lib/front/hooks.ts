// The hooks the HTTP front (scripts/server.mjs) calls into the app: the front runs outside
// Next.js's bundles, so it finds them on globalThis, all in one typed holder made here. The app
// registers them at start (lib/boot.ts); the front reads them with frontHooks() in JSDoc.
// No "server-only": scripts/server.mjs reads the types.
import type { IncomingHttpHeaders } from "node:http";
import { processSingleton } from "@/lib/process-state.mjs";

/** An answer the front sends itself instead of handing the request to Next.js. */
export type PlainAnswer = { status: number; headers: Record<string, string>; body: string | Buffer };

/**
 * Serve the request as if it were for another path of this site (`rewrite`, a public path),
 * with `status` instead of the 2xx Next answers (a removed job's page: 410 Gone).
 */
export type Reroute = { rewrite: string; status: number };

/** A request as the front knows it before its body is read. */
export type FrontRequest = { method: string; pathname: string; search: string; headers: IncomingHttpHeaders; client: string };

/**
 * What to do with a request's body before it is read: read at most `maxBytes` of it (the front
 * stops there and answers 413); leave it unread for a route handler, cutting the connection
 * past `maxBytes` (and counting it in flight when it is part of an upload); admit it as an upload (counted in flight, watched for speed); or refuse it.
 */
export type BodyAdmission =
  | { kind: "read"; maxBytes: number; clientKey: string }
  | { kind: "stream"; maxBytes: number; clientKey?: string }
  | { kind: "upload"; maxBytes: number; clientKey: string }
  | { kind: "refuse"; reason: string; answer: PlainAnswer };

export type FrontHooks = {
  /** Asked before any body is read (lib/front/admission.ts). */
  admitBody?: (request: FrontRequest) => Promise<BodyAdmission>;
  /**
   * Why an admitted body cannot be what a browser sends, or null (lib/front/body-checks.ts):
   * `body` is the whole body the front read, or null for an upload, whose first bytes are `start`.
   */
  bodyProblem?: (sample: { method: string; headers: IncomingHttpHeaders; body: Buffer | null; start: Buffer }) => Promise<string | null>;
  /**
   * The answer to send instead of Next's, a path to serve instead (with its status), or null to
   * go on (lib/site/front-door.ts: other methods at read-only handlers, the first-visit language
   * redirect, the 503 gate, a removed job's 410).
   */
  decide?: (request: Omit<FrontRequest, "client">) => PlainAnswer | Reroute | Promise<PlainAnswer | Reroute | null> | null;
  /** The policy an HTML answer gets when nothing gave it one (lib/csp.mjs FALLBACK_POLICY: this origin's scripts only). */
  fallbackPolicy?: string;
  /** When start-up finished (lib/boot.ts); /api/ready answers 503 until then. */
  startedAt?: number;
  /** Work to finish before the process exits (lib/shutdown.ts). */
  shutdown: Array<() => Promise<unknown>>;
};

/** The one holder, made on first use. */
export function frontHooks(): FrontHooks {
  return processSingleton<FrontHooks>("front-hooks", () => ({ shutdown: [] }));
}
