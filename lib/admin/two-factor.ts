// Optional two-factor sign-in per administrator: time-based one-time codes (TOTP, RFC 6238,
// through the otpauth library: 30-second steps, 6 digits, SHA-1, as every authenticator app
// reads them), and ten single-use recovery codes for a lost phone. A code is accepted once:
// the step it belongs to is remembered. The secret never leaves the server except as the
// setup QR code shown to its owner.
import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import * as OTPAuth from "otpauth";
import QRCode from "qrcode";
import { database } from "@/lib/db";
import { log } from "@/lib/log";

const PERIOD = 30;
const RECOVERY_CODES = 10;
const ISSUER = "Careers site admin";

function totpFor(email: string, secret: string): OTPAuth.TOTP {
  return new OTPAuth.TOTP({ issuer: ISSUER, label: email, algorithm: "SHA1", digits: 6, period: PERIOD, secret: OTPAuth.Secret.fromBase32(secret) });
}

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");
const normalizeRecovery = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, "");

export type TwoFactorStatus = { enabled: boolean; pendingSetup: boolean; recoveryCodesLeft: number };

export async function twoFactorStatus(userId: number): Promise<TwoFactorStatus> {
  const db = await database();
  const user = await db.selectFrom("admin_users").select(["totp_pending_secret", "totp_enabled_at"]).where("id", "=", userId).executeTakeFirst();
  const left = await db
    .selectFrom("admin_recovery_codes")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .executeTakeFirst();
  return { enabled: Boolean(user?.totp_enabled_at), pendingSetup: Boolean(user?.totp_pending_secret), recoveryCodesLeft: Number(left?.n ?? 0) };
}

export async function isTwoFactorOn(userId: number): Promise<boolean> {
  return (await twoFactorStatus(userId)).enabled;
}

/**
 * Starts (or restarts) setting up an authenticator: a new secret, kept apart until a code from
 * it is confirmed. One already in force stays in force meanwhile (replacing never turns it off).
 */
export async function beginSetup(userId: number, email: string): Promise<{ secret: string; uri: string; qrSvg: string }> {
  const secret = new OTPAuth.Secret({ size: 20 }).base32;
  const db = await database();
  await db.updateTable("admin_users").set({ totp_pending_secret: secret }).where("id", "=", userId).execute();
  return setupDetails(email, secret);
}

/** Abandons a setup in progress (the authenticator in force, if any, stays). */
export async function cancelSetup(userId: number): Promise<void> {
  const db = await database();
  await db.updateTable("admin_users").set({ totp_pending_secret: null }).where("id", "=", userId).execute();
}

/** The QR code and key of a setup in progress, or null. */
export async function setupInProgress(userId: number, email: string): Promise<{ secret: string; uri: string; qrSvg: string } | null> {
  const db = await database();
  const user = await db.selectFrom("admin_users").select(["totp_pending_secret"]).where("id", "=", userId).executeTakeFirst();
  return user?.totp_pending_secret ? setupDetails(email, user.totp_pending_secret) : null;
}

async function setupDetails(email: string, secret: string) {
  const uri = totpFor(email, secret).toString();
  const qrSvg = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { secret, uri, qrSvg };
}

/** Checks a code against the secret; accepts the neighbouring steps for clock drift, each step once. */
async function acceptCode(userId: number, email: string, secret: string, lastStep: number | null, code: string): Promise<boolean> {
  const token = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(token)) return false;
  const delta = totpFor(email, secret).validate({ token, window: 1 });
  if (delta === null) return false;
  const step = Math.floor(Date.now() / 1000 / PERIOD) + delta;
  if (lastStep !== null && step <= lastStep) return false;
  const db = await database();
  const updated = await db
    .updateTable("admin_users")
    .set({ totp_last_step: step })
    .where("id", "=", userId)
    .where((eb) => eb.or([eb("totp_last_step", "is", null), eb("totp_last_step", "<", step)]))
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}

/**
 * Confirms a setup with a code from the new authenticator: it takes the place of any earlier
 * one, and new recovery codes are returned (once). The step of that code is spent.
 */
export async function confirmSetup(userId: number, email: string, code: string): Promise<string[] | null> {
  const db = await database();
  const user = await db.selectFrom("admin_users").select(["totp_pending_secret"]).where("id", "=", userId).executeTakeFirst();
  const secret = user?.totp_pending_secret;
  if (!secret) return null;
  const token = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpFor(email, secret).validate({ token, window: 1 });
  if (delta === null) return null;
  const step = Math.floor(Date.now() / 1000 / PERIOD) + delta;
  const switched = await db
    .updateTable("admin_users")
    .set({ totp_secret: secret, totp_pending_secret: null, totp_enabled_at: Date.now(), totp_last_step: step })
    .where("id", "=", userId)
    .where("totp_pending_secret", "=", secret)
    .executeTakeFirst();
  if (!Number(switched.numUpdatedRows)) return null;
  log("admin").info({ event: "two-factor.enabled", user: userId }, "two-factor sign-in set up");
  return replaceRecoveryCodes(userId);
}

/** New recovery codes (the old ones stop working); returned once, stored as hashes. */
export async function replaceRecoveryCodes(userId: number): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODES }, () => {
    const raw = randomBytes(8).toString("hex");
    return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8, 12)}-${raw.slice(12)}`;
  });
  const db = await database();
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("admin_recovery_codes").where("user_id", "=", userId).execute();
    await trx
      .insertInto("admin_recovery_codes")
      .values(codes.map((code) => ({ user_id: userId, code_hash: sha256(normalizeRecovery(code)), used_at: null })))
      .execute();
  });
  return codes;
}

/** The second step of a sign-in: a code from the app, or a recovery code (used up). */
export async function verifySecondFactor(userId: number, email: string, input: string): Promise<"code" | "recovery" | null> {
  const db = await database();
  const user = await db.selectFrom("admin_users").select(["totp_secret", "totp_enabled_at", "totp_last_step"]).where("id", "=", userId).executeTakeFirst();
  if (!user?.totp_secret || !user.totp_enabled_at) return null;
  if (await acceptCode(userId, email, user.totp_secret, user.totp_last_step === null ? null : Number(user.totp_last_step), input)) return "code";
  const wanted = sha256(normalizeRecovery(input));
  if (normalizeRecovery(input).length !== 16) return null;
  const rows = await db.selectFrom("admin_recovery_codes").select(["id", "code_hash"]).where("user_id", "=", userId).where("used_at", "is", null).execute();
  const match = rows.find((r) => r.code_hash.length === wanted.length && timingSafeEqual(Buffer.from(r.code_hash), Buffer.from(wanted)));
  if (!match) return null;
  const used = await db.updateTable("admin_recovery_codes").set({ used_at: Date.now() }).where("id", "=", match.id).where("used_at", "is", null).executeTakeFirst();
  return Number(used.numUpdatedRows) > 0 ? "recovery" : null;
}

/** Turns two-factor off (the caller has checked the password). */
export async function disableTwoFactor(userId: number): Promise<void> {
  const db = await database();
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("admin_users").set({ totp_secret: null, totp_pending_secret: null, totp_enabled_at: null, totp_last_step: null }).where("id", "=", userId).execute();
    await trx.deleteFrom("admin_recovery_codes").where("user_id", "=", userId).execute();
  });
  log("admin").info({ event: "two-factor.disabled", user: userId }, "two-factor sign-in turned off");
}

/** The current code for a secret (tests drive the second step with it, like an authenticator app). */
export function currentCode(email: string, secret: string, at = Date.now()): string {
  return totpFor(email, secret).generate({ timestamp: at });
}
