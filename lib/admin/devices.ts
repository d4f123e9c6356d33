// A browser an administrator has signed in from before: a signed cookie naming the account
// and a random device id (HttpOnly, a year, __Host- prefixed on HTTPS). Sign-in attempts that
// present it are throttled under that device alone (lib/admin/throttle.ts) and go first in the
// password-hash queue, so a stranger hammering the administrator's email from elsewhere never
// keeps the administrator out of their own browser. It is no credential: a password (and a
// code, when two-factor is on) is still asked every time.
import "server-only";
import { randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { sign, verify } from "@/lib/secrets";

const PLAIN_COOKIE = "careers_admin_device";
const HOST_COOKIE = "__Host-careers_admin_device";
const PURPOSE = "admin-device";
const YEAR_S = 365 * 24 * 60 * 60;

/** The device id this browser holds for `userId`, or null. */
export async function trustedDevice(userId: number): Promise<string | null> {
  const jar = await cookies();
  const value = jar.get(HOST_COOKIE)?.value ?? jar.get(PLAIN_COOKIE)?.value;
  if (!value || value.length > 200) return null;
  const [body, signature] = value.split("~");
  if (!body || !signature || !(await verify(PURPOSE, body, signature))) return null;
  const [user, device] = body.split(".");
  return Number(user) === userId && device ? device : null;
}

/** Marks this browser as one `userId` signs in from (after a complete sign-in). */
export async function rememberDevice(userId: number, secure: boolean): Promise<void> {
  const jar = await cookies();
  const existing = await trustedDevice(userId);
  const body = `${userId}.${existing ?? randomBytes(12).toString("base64url")}`;
  jar.set(secure ? HOST_COOKIE : PLAIN_COOKIE, `${body}~${await sign(PURPOSE, body)}`, { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: YEAR_S });
}
