// Admin sessions, stored on the server: the cookie holds a random token, the database its
// sha256 with an expiry. HttpOnly, SameSite=Lax, Secure whenever the site is on HTTPS.
// Every admin page, action and route calls currentAdmin()/requireAdmin() on the server.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { database } from "@/lib/db";
import { env } from "@/lib/env";

export const SESSION_COOKIE = "careers_admin_session";
const SESSION_HOURS = 12;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export type Admin = { id: number; email: string };

async function isHttps(): Promise<boolean> {
  if (env().SITE_URL.startsWith("https://")) return true;
  const h = await headers();
  return h.get("x-forwarded-proto") === "https";
}

export async function startSession(userId: number): Promise<void> {
  const token = randomBytes(32).toString("base64url");
  const now = Date.now();
  const db = await database();
  await db
    .insertInto("admin_sessions")
    .values({ token_hash: hashToken(token), user_id: userId, created_at: now, expires_at: now + SESSION_HOURS * 3_600_000 })
    .execute();
  (await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: await isHttps(),
    path: "/",
    maxAge: SESSION_HOURS * 3600,
  });
}

/** The signed-in administrator, or null (no cookie, unknown token, or expired). */
export async function currentAdmin(): Promise<Admin | null> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token || token.length > 100) return null;
  const db = await database();
  const row = await db
    .selectFrom("admin_sessions")
    .innerJoin("admin_users", "admin_users.id", "admin_sessions.user_id")
    .select(["admin_users.id", "admin_users.email", "admin_sessions.expires_at"])
    .where("admin_sessions.token_hash", "=", hashToken(token))
    .executeTakeFirst();
  if (!row || row.expires_at <= Date.now()) return null;
  return { id: Number(row.id), email: row.email };
}

/** For admin pages: the administrator, or a redirect to the login page. */
export async function requireAdmin(): Promise<Admin> {
  const admin = await currentAdmin();
  if (!admin) redirect("/admin/login");
  return admin;
}

export async function endSession(): Promise<void> {
  const jar = await cookies();
  const token = jar.get(SESSION_COOKIE)?.value;
  if (token) {
    const db = await database();
    await db.deleteFrom("admin_sessions").where("token_hash", "=", hashToken(token)).execute();
  }
  jar.delete(SESSION_COOKIE);
}

export async function pruneSessions(now = Date.now()): Promise<number> {
  const db = await database();
  const result = await db.deleteFrom("admin_sessions").where("expires_at", "<", now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
