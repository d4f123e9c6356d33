// The links in alert emails carry a signed token (HMAC with the site's secret, lib/secrets):
// "confirm" expires after 7 days, as does the unconfirmed sign-up; "manage" (change, delete,
// unsubscribe) lasts as long as the subscription, and dies with it.
import "server-only";
import { sign, verify } from "@/lib/secrets";

export type TokenPurpose = "confirm" | "manage";
export const CONFIRM_DAYS = 7;
const DAY = 24 * 60 * 60 * 1000;

export async function alertToken(purpose: TokenPurpose, subscriptionId: string, now = Date.now()): Promise<string> {
  const expires = purpose === "confirm" ? now + CONFIRM_DAYS * DAY : 0;
  const body = Buffer.from(JSON.stringify({ s: subscriptionId, e: expires })).toString("base64url");
  return `${body}.${await sign(`alert-${purpose}`, body)}`;
}

/** The subscription a token names, or null when it is forged, for another purpose or expired. */
export async function readAlertToken(purpose: TokenPurpose, token: unknown, now = Date.now()): Promise<string | null> {
  if (typeof token !== "string" || token.length > 300) return null;
  const [body, signature, extra] = token.split(".");
  if (!body || !signature || extra !== undefined || !(await verify(`alert-${purpose}`, body, signature))) return null;
  try {
    const data = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as { s?: unknown; e?: unknown };
    if (typeof data.s !== "string" || typeof data.e !== "number") return null;
    if (data.e !== 0 && data.e < now) return null;
    return data.s;
  } catch {
    return null;
  }
}
