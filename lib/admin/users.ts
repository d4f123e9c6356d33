// HR users of the admin area.
import "server-only";
import { authorizePrivateRead } from "@/lib/admin/access";
import { database } from "@/lib/db";
import { log } from "@/lib/log";
import { hashPassword, MIN_PASSWORD_LENGTH } from "./passwords";

export type AdminUser = { id: number; email: string; createdAt: number; createdBy: string | null };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export class AdminUserError extends Error {}

export async function createAdminUser(email: string, password: string, createdBy: string | null): Promise<AdminUser> {
  const address = normalizeEmail(email);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) throw new AdminUserError("Enter an email address like name@example.com");
  if (password.length < MIN_PASSWORD_LENGTH) throw new AdminUserError(`Use a password of at least ${MIN_PASSWORD_LENGTH} characters`);
  const db = await database();
  const existing = await db.selectFrom("admin_users").select("id").where("email", "=", address).executeTakeFirst();
  if (existing) throw new AdminUserError("There is already an administrator with that email address");
  const now = Date.now();
  // Two servers starting at once may both create the configured administrator: one wins.
  const row = await db
    .insertInto("admin_users")
    .values({ email: address, password_hash: await hashPassword(password), created_at: now, created_by: createdBy })
    .onConflict((oc) => oc.column("email").doNothing())
    .returning(["id", "email", "created_at", "created_by"])
    .executeTakeFirst();
  if (!row) throw new AdminUserError("There is already an administrator with that email address");
  // Logs name administrators by id, never by email.
  log("admin").info({ event: "admin.created", user: Number(row.id) }, "administrator created");
  return { id: Number(row.id), email: row.email, createdAt: row.created_at, createdBy: row.created_by };
}

export async function listAdminUsers(): Promise<AdminUser[]> {
  await authorizePrivateRead();
  const db = await database();
  const rows = await db.selectFrom("admin_users").select(["id", "email", "created_at", "created_by"]).orderBy("email").execute();
  return rows.map((r) => ({ id: Number(r.id), email: r.email, createdAt: r.created_at, createdBy: r.created_by }));
}

export async function findAdminByEmail(email: string) {
  const db = await database();
  return db.selectFrom("admin_users").selectAll().where("email", "=", normalizeEmail(email)).executeTakeFirst();
}

/** The first administrator from ADMIN_EMAIL + ADMIN_PASSWORD, created once if missing. */
export async function ensureConfiguredAdmin(email: string | undefined, password: string | undefined): Promise<void> {
  if (!email || !password) return;
  if (await findAdminByEmail(email)) return;
  try {
    await createAdminUser(email, password, "configuration");
  } catch (error) {
    if (!(error instanceof AdminUserError && (await findAdminByEmail(email)))) throw error;
  }
}

/**
 * Replaces an administrator's password, once the current one is proven: every other session of
 * theirs ends (the caller's own stays, from lib/admin/session.ts endOtherSessions).
 */
export async function setPassword(userId: number, password: string): Promise<void> {
  if (password.length < MIN_PASSWORD_LENGTH) throw new AdminUserError(`Use a password of at least ${MIN_PASSWORD_LENGTH} characters`);
  const db = await database();
  const updated = await db.updateTable("admin_users").set({ password_hash: await hashPassword(password, { trusted: true }) }).where("id", "=", userId).executeTakeFirst();
  if (!Number(updated.numUpdatedRows)) throw new AdminUserError("That administrator no longer exists");
  log("admin").info({ event: "password.changed", user: userId }, "password changed");
}

/**
 * Removes an administrator: their sessions and recovery codes go with them (foreign keys).
 * The last administrator cannot be removed, or nobody could sign in.
 */
export async function removeAdminUser(email: string, removedBy: number | "command line"): Promise<void> {
  const address = normalizeEmail(email);
  const db = await database();
  await db.transaction().execute(async (trx) => {
    const users = await trx.selectFrom("admin_users").select(["id", "email"]).execute();
    const user = users.find((u) => u.email === address);
    if (!user) throw new AdminUserError("There is no administrator with that email address");
    if (users.length <= 1) throw new AdminUserError("This is the only administrator: add another one before removing it");
    await trx.deleteFrom("admin_sessions").where("user_id", "=", user.id).execute();
    await trx.deleteFrom("admin_recovery_codes").where("user_id", "=", user.id).execute();
    await trx.deleteFrom("admin_users").where("id", "=", user.id).execute();
    log("admin").info({ event: "admin.removed", user: Number(user.id), removedBy }, "administrator removed");
  });
}
