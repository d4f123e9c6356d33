// A random secret for signing short-lived tokens (the application form's token). Made once
// and kept in the database, so every replica shares it and a restart does not void forms.
import "server-only";
import { dropProcessSingleton, processSingleton } from "@/lib/process-state.mjs";
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { database } from "@/lib/db";


async function load(): Promise<Buffer> {
  const db = await database();
  const fresh = randomBytes(32).toString("base64");
  await db.insertInto("settings").values({ key: "app_secret", value: fresh }).onConflict((oc) => oc.column("key").doNothing()).execute();
  const row = await db.selectFrom("settings").select("value").where("key", "=", "app_secret").executeTakeFirstOrThrow();
  return Buffer.from(row.value, "base64");
}

export function appSecret(): Promise<Buffer> {
  return processSingleton("app-secret", () =>
    load().catch((error: unknown) => {
      // A database that was away is asked again next time.
      dropProcessSingleton("app-secret");
      throw error;
    }),
  );
}

/** HMAC-SHA256 of `value` under the app secret and a purpose label, base64url. */
export async function sign(purpose: string, value: string): Promise<string> {
  return createHmac("sha256", await appSecret()).update(`${purpose}\n${value}`).digest("base64url");
}

export async function verify(purpose: string, value: string, signature: string): Promise<boolean> {
  const expected = Buffer.from(await sign(purpose, value));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();

/** Constant-time comparison of two configured secrets of any length (webhook, health). */
export function secretsMatch(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected)) && given.length > 0;
}

/**
 * A webhook's secret, wherever its sender can put it: a bearer token, the header `header`, or
 * `?secret=` (for senders that take only a URL); "" when none is given.
 */
export function webhookSecret(request: Request, header: string): string {
  return bearerToken(request) || (request.headers.get(header) ?? new URL(request.url).searchParams.get("secret") ?? "");
}

/** The token of an `Authorization: Bearer …` header, or "" (health, metrics, webhooks). */
export function bearerToken(request: Request): string {
  const auth = request.headers.get("authorization") ?? "";
  return auth.toLowerCase().startsWith("bearer ") ? auth.slice(7).trim() : "";
}
