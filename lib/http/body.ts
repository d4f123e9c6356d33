// A route handler's body, read through its route's cap (lib/routes.ts): never more than the cap
// is read into memory (a 413 at once by Content-Length, or as soon as a chunked body passes it),
// and a media type the route does not take is a 415. The HTTP front enforces the same rule
// before Next.js; this is the same rule where the body is read, so no route depends on the
// front alone.
import "server-only";
import { bodyRuleFor, mediaTypeOf } from "@/lib/routes";

export type BodyRead = { ok: true; bytes: Buffer; type: string } | { ok: false; response: Response };

const refuse = (status: number, text: string, headers: Record<string, string> = {}): BodyRead => ({
  ok: false,
  response: new Response(`${text}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...headers } }),
});

/** Reads a request's body within its route's rule. */
export async function readBody(request: Request): Promise<BodyRead> {
  const rule = bodyRuleFor(request.method, new URL(request.url).pathname);
  const type = mediaTypeOf(request.headers.get("content-type") ?? "");
  if (rule.types !== "*" && type && !rule.types.includes(type)) {
    return refuse(415, `This address takes ${rule.types.join(", ")}, not ${type}.`, { Accept: rule.types.join(", ") });
  }
  const tooLarge = () => refuse(413, `This address takes at most ${rule.maxBytes} bytes.`);
  if (Number(request.headers.get("content-length") ?? 0) > rule.maxBytes) return tooLarge();
  if (!request.body) return { ok: true, bytes: Buffer.alloc(0), type };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let step: ReadableStreamReadResult<Uint8Array>;
    try {
      step = await reader.read();
    } catch {
      return refuse(400, "The request's body could not be read.");
    }
    if (step.done) break;
    size += step.value.byteLength;
    if (size > rule.maxBytes) {
      await reader.cancel().catch(() => undefined);
      return tooLarge();
    }
    chunks.push(step.value);
  }
  return { ok: true, bytes: Buffer.concat(chunks, size), type };
}

/** The body as form fields: URL-encoded or multipart (parsed by the platform's own Response). */
export async function formOf(read: { bytes: Buffer; type: string }, contentType: string | null): Promise<URLSearchParams | FormData | null> {
  if (read.type === "application/x-www-form-urlencoded" || read.type === "text/plain") return new URLSearchParams(read.bytes.toString("utf8"));
  if (read.type === "multipart/form-data") {
    return new Response(new Uint8Array(read.bytes), { headers: { "Content-Type": contentType ?? "" } }).formData().catch(() => null);
  }
  return null;
}
