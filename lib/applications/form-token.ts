// Each application form carries a signed token: its idempotency key, when it was shown (for
// the minimum fill time) and the job it belongs to. A form rendered on the server gets it in
// the page; the form on a cached job page asks POST /api/apply/token, so no two visitors of
// the same cached page share one.
import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { readBody } from "@/lib/http/body";
import { getJobsSnapshot, JobsUnavailableError } from "@/lib/jobs";
import { sign, verify } from "@/lib/secrets";

const PURPOSE = "application-form";

export type FormToken = { key: string; renderedAt: number; jobUuid: string };

export async function issueFormToken(jobUuid: string, now = Date.now()): Promise<string> {
  const body = Buffer.from(JSON.stringify({ k: randomUUID(), t: now, j: jobUuid })).toString("base64url");
  return `${body}.${await sign(PURPOSE, body)}`;
}

export async function readFormToken(token: unknown): Promise<FormToken | null> {
  if (typeof token !== "string" || token.length > 500) return null;
  const [body, signature] = token.split(".");
  if (!body || !signature || !(await verify(PURPOSE, body, signature))) return null;
  try {
    const data = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as { k?: unknown; t?: unknown; j?: unknown };
    if (typeof data.k !== "string" || typeof data.t !== "number" || typeof data.j !== "string") return null;
    return { key: data.k, renderedAt: data.t, jobUuid: data.j };
  } catch {
    return null;
  }
}

const tokenRequestSchema = z.object({ job: z.string().min(1).max(100) });

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** POST /api/apply/token: `{ job }` → `{ token }` for an open job; never cached. */
export async function formTokenResponse(request: Request): Promise<Response> {
  const headers = { "Cache-Control": "no-store" };
  const read = await readBody(request);
  if (!read.ok) return read.response;
  const body = tokenRequestSchema.safeParse(parseJson(read.bytes.toString("utf8")));
  if (!body.success) return Response.json({ message: "Send { job: <job id> }." }, { status: 400, headers });
  try {
    const { jobs } = await getJobsSnapshot();
    const job = jobs.find((j) => j.uuid === body.data.job);
    if (!job || !job.isOpen) return Response.json({ message: "No open job with that id." }, { status: 404, headers });
    return Response.json({ token: await issueFormToken(job.uuid) }, { headers });
  } catch (error) {
    if (JobsUnavailableError.is(error)) return Response.json({ message: "Jobs are temporarily unavailable." }, { status: 503, headers });
    throw error;
  }
}
