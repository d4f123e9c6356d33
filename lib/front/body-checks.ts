// Requests Next.js would answer with a 500 because their body is malformed, found before
// Next.js reads it (the HTTP front hands over what it read): a Server Action call is a form
// (multipart/form-data) or a small text/plain body that parses as JSON (what React sends for an
// action called with plain values, as the logout button does); a multipart body names a boundary
// and parses with busboy (the multipart parser Next.js uses too), or, for an upload, begins
// with its boundary (nothing big is held twice).
import "server-only";
import busboy from "busboy";
import type { IncomingHttpHeaders } from "node:http";
import { plainReply } from "@/lib/next-adapter.mjs";

/** The boundary of a multipart Content-Type (RFC 2046: 1 to 70 characters), or null. */
export function boundaryOf(type: string): string | null {
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;"]{1,70}))\s*(?:;|$)/i.exec(type);
  return match ? (match[1] ?? match[2] ?? null) : null;
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
  if (body !== null) {
    // What a browser sends: the first boundary at once, and the closing one (an empty form is
    // the closing one alone). Parsers differ on the rest; Next's (undici's) would fail with a 500.
    const text = body.toString("latin1");
    const framed = (text.startsWith(`--${boundary}\r\n`) && text.includes(`\r\n--${boundary}--`)) || text.startsWith(`--${boundary}--`);
    return framed && (await parses(body, headers)) ? null : "the form's body could not be read";
  }
  const opening = Buffer.from(`--${boundary}\r\n`);
  return start.subarray(0, opening.length).equals(opening) ? null : "the form's body does not begin with its boundary";
}
