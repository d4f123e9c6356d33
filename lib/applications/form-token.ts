// Each rendered application form carries a signed token: its idempotency key, when it was
// rendered (for the minimum fill time) and the job it belongs to.
import "server-only";
import { randomUUID } from "node:crypto";
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
