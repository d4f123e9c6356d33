import { clientIpOf } from "@/lib/client-ip";
import { readBody } from "@/lib/http/body";
import { hit } from "@/lib/rate-limit";
import { checkUpload, CheckRequest } from "@/lib/uploads/check";

export const dynamic = "force-dynamic";

/** Checks one client may ask for in a minute (each reads a whole upload). */
const CHECKS_PER_MINUTE = 20;
const HEADERS = { "Cache-Control": "no-store", "X-Robots-Tag": "noindex" } as const;

// POST /api/resume-check {upload, locale}: the form's finished upload checked, and the fields
// its text fills in (lib/uploads/check.ts).
export async function POST(request: Request): Promise<Response> {
  const read = await readBody(request);
  if (!read.ok) return read.response;
  let parsed: ReturnType<typeof CheckRequest.safeParse>;
  try {
    parsed = CheckRequest.safeParse(JSON.parse(read.bytes.toString("utf8")));
  } catch {
    return Response.json({ error: "The body is not JSON." }, { status: 400, headers: HEADERS });
  }
  if (!parsed.success) return Response.json({ error: "Send {upload, locale}." }, { status: 400, headers: HEADERS });
  const limit = await hit(`resume-check:${clientIpOf(request.headers)}`, CHECKS_PER_MINUTE, 60_000);
  if (!limit.allowed) return Response.json({ error: "Too many checks: try again in a minute." }, { status: 429, headers: { ...HEADERS, "Retry-After": "60" } });
  const answer = await checkUpload(parsed.data.upload, parsed.data.locale);
  return Response.json(answer, { status: "lost" in answer ? 404 : 200, headers: HEADERS });
}
