// Requests Next.js would answer with a 500 because their body is malformed, found before
// Next.js reads it (the HTTP front hands over what it read): a Server Action call is a form
// (multipart/form-data) or a small text/plain body that parses as JSON (what React sends for an
// action called with plain values, as the logout button does); a multipart body names a boundary
// and parses with busboy (the multipart parser Next.js uses too), or, for an upload, begins
// with its boundary (nothing big is held twice).
import "server-only";
import busboy from "busboy";
import type { IncomingHttpHeaders } from "node:http";

/** The boundary of a multipart Content-Type (RFC 2046: 1 to 70 characters), or null. */
export function boundaryOf(type: string): string | null {
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;"]{1,70}))\s*(?:;|$)/i.exec(type);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

/**
 * What React sends as a text body for an action called with plain values: a JSON array of the
 * arguments. A string starting with "$" there is a reference to another part, which a text
 * body cannot have (a browser escapes a literal "$" as "$$"), except these plain values.
 */
export function plainReply(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  const PLAIN = /^\$(\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|n-?\d+$|D)/;
  const ok = (v: unknown): boolean => {
    if (typeof v === "string") return !v.startsWith("$") || PLAIN.test(v);
    if (Array.isArray(v)) return v.every(ok);
    if (v && typeof v === "object") return Object.entries(v).every(([k, x]) => !k.startsWith("$") && ok(x));
    return true;
  };
  return ok(value);
}

function parses(body: Buffer, headers: IncomingHttpHeaders): Promise<boolean> {
  return new Promise((resolve) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers, defParamCharset: "utf8" });
    } catch {
      resolve(false);
      return;
    }
    parser.on("file", (_name, stream) => stream.resume());
    parser.on("error", () => resolve(false));
    parser.on("close", () => resolve(true));
    parser.end(body);
  });
}

export type BodySample = { method: string; headers: IncomingHttpHeaders; body: Buffer | null; start: Buffer };

/**
 * Why a body cannot be what a browser sends, or null to go on. `body` is the whole body when
 * the front read it; null for an upload, of which `start` holds the first bytes.
 */
export async function bodyProblem({ method, headers, body, start }: BodySample): Promise<string | null> {
  if (method !== "POST" && method !== "PUT" && method !== "PATCH") return null;
  const type = String(headers["content-type"] ?? "");
  const multipart = type.toLowerCase().startsWith("multipart/form-data");
  if (headers["next-action"] && !multipart) {
    if (!/^(text\/plain|$)/i.test(type) || body === null) return "this action's body is not what a browser sends";
    try {
      return plainReply(JSON.parse(body.toString("utf8"))) ? null : "this action's body is not what a browser sends";
    } catch {
      return "this action's body could not be read";
    }
  }
  if (!multipart) return null;
  const boundary = boundaryOf(type);
  if (!boundary) return "the form's content type names no boundary";
  if (body !== null) return (await parses(body, headers)) ? null : "the form's body could not be read";
  const opening = Buffer.from(`--${boundary}\r\n`);
  return start.subarray(0, opening.length).equals(opening) ? null : "the form's body does not begin with its boundary";
}
