// Admin sessions, stored on the server: the cookie holds a random token, the database its
// sha256. On HTTPS the cookie is `__Host-` prefixed (Secure, Path=/, no Domain: no subdomain
// can set or read it), always HttpOnly and SameSite=Lax. A session ends after
// ADMIN_SESSION_HOURS (absolute) or ADMIN_IDLE_MINUTES without a request (idle); logging in
// always makes a new one. A session at stage "second-factor" only lets its holder enter a
// one-time code (lib/admin/login.ts). Who may read what is decided in ./access.ts, from
// currentAdmin(). A change of password or second factor ends every other session.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { cookies, headers } from "next/headers";
import { database } from "@/lib/db";
import type { SessionStage } from "@/lib/db/schema";
import { env } from "@/lib/env";

const PLAIN_COOKIE = "careers_admin_session";
const HOST_COOKIE = "__Host-careers_admin_session";
/** A password that still owes its second factor has this long to do so. */
const SECOND_FACTOR_MS = 5 * 60_000;
/** last_seen_at is written at most this often (not on every request). */
const TOUCH_EVERY_MS = 60_000;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export type Admin = { id: number; email: string };

export async function isHttps(): Promise<boolean> {
  if (env().SITE_URL.startsWith("https://")) return true;
  const h = await headers();
  return h.get("x-forwarded-proto") === "https";
}

async function tokenFromCookie(): Promise<string | null> {
  const jar = await cookies();
  const token = jar.get(HOST_COOKIE)?.value || jar.get(PLAIN_COOKIE)?.value;
  return token && token.length <= 100 ? token : null;
}

/** Starts a new session (a new token, always) and sets its cookie. */
export async function startSession(userId: number, stage: SessionStage = "full"): Promise<void> {
  const token = randomBytes(32).toString("base64url");
  const now = Date.now();
  const config = env();
  const lifetime = stage === "full" ? config.ADMIN_SESSION_HOURS * 3_600_000 : SECOND_FACTOR_MS;
  const db = await database();
  await db
    .insertInto("admin_sessions")
    .values({ token_hash: hashToken(token), user_id: userId, created_at: now, expires_at: now + lifetime, stage, last_seen_at: now })
    .execute();
  const secure = await isHttps();
  const jar = await cookies();
  // The prefixed name needs Secure, Path=/ and no Domain; plain HTTP (local demo) gets the plain one.
  jar.set(secure ? HOST_COOKIE : PLAIN_COOKIE, token, { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: Math.ceil(lifetime / 1000) });
  jar.delete(secure ? PLAIN_COOKIE : HOST_COOKIE);
}

type SessionRow = { user_id: number; email: string; expires_at: number; last_seen_at: number | null; stage: SessionStage; token_hash: string };

async function sessionRow(): Promise<SessionRow | null> {
  const token = await tokenFromCookie();
  if (!token) return null;
  const db = await database();
  const row = await db
    .selectFrom("admin_sessions")
    .innerJoin("admin_users", "admin_users.id", "admin_sessions.user_id")
    .select(["admin_sessions.user_id", "admin_users.email", "admin_sessions.expires_at", "admin_sessions.last_seen_at", "admin_sessions.stage", "admin_sessions.token_hash"])
    .where("admin_sessions.token_hash", "=", hashToken(token))
    .executeTakeFirst();
  if (!row) return null;
  const now = Date.now();
  const idleMs = env().ADMIN_IDLE_MINUTES * 60_000;
  const lastSeen = Number(row.last_seen_at ?? 0);
  if (Number(row.expires_at) <= now || (row.stage === "full" && lastSeen && now - lastSeen > idleMs)) {
    await db.deleteFrom("admin_sessions").where("token_hash", "=", row.token_hash).execute();
    return null;
  }
  return { ...row, user_id: Number(row.user_id), expires_at: Number(row.expires_at), last_seen_at: lastSeen || null };
}

/** The signed-in administrator, or null (no cookie, unknown token, expired, idle, or owing a code). */
export async function currentAdmin(): Promise<Admin | null> {
  const row = await sessionRow();
  if (!row || row.stage !== "full") return null;
  const now = Date.now();
  if (!row.last_seen_at || now - row.last_seen_at > TOUCH_EVERY_MS) {
    const db = await database();
    await db.updateTable("admin_sessions").set({ last_seen_at: now }).where("token_hash", "=", row.token_hash).execute();
  }
  return { id: row.user_id, email: row.email };
}

/** The administrator whose password was right and who still owes a one-time code, or null. */
export async function pendingSecondFactor(): Promise<Admin | null> {
  const row = await sessionRow();
  return row && row.stage === "second-factor" ? { id: row.user_id, email: row.email } : null;
}

export async function endSession(): Promise<void> {
  const jar = await cookies();
  const token = await tokenFromCookie();
  if (token) {
    const db = await database();
    await db.deleteFrom("admin_sessions").where("token_hash", "=", hashToken(token)).execute();
  }
  jar.delete(HOST_COOKIE);
  jar.delete(PLAIN_COOKIE);
}

/** Ends every session of an administrator (removed, or a credential changed elsewhere). */
export async function endAllSessions(userId: number): Promise<void> {
  const db = await database();
  await db.deleteFrom("admin_sessions").where("user_id", "=", userId).execute();
}

/** Ends every session of an administrator but this request's (after they changed a credential here). */
export async function endOtherSessions(userId: number): Promise<number> {
  const token = await tokenFromCookie();
  const db = await database();
  const result = await db
    .deleteFrom("admin_sessions")
    .where("user_id", "=", userId)
    .$if(token !== null, (q) => q.where("token_hash", "!=", hashToken(token ?? "")))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Deletes sessions past their end or idle too long (housekeeping). */
export async function pruneSessions(now = Date.now()): Promise<number> {
  const db = await database();
  const idleBefore = now - env().ADMIN_IDLE_MINUTES * 60_000;
  const result = await db
    .deleteFrom("admin_sessions")
    .where((eb) => eb.or([eb("expires_at", "<", now), eb.and([eb("stage", "=", "full"), eb("last_seen_at", "<", idleBefore)])]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
