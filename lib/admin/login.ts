// Signing in: a password, then (for administrators who turned it on) a one-time code.
// Each attempt is counted before any hash runs (lib/admin/throttle.ts: per address, per
// account at that address, or per trusted device), with delays that grow for whoever keeps
// failing and never a lock a stranger can put on someone else. Hashes run a few at a time
// (lib/admin/passwords.ts). One sentence for every refused password, the same whether or not
// the email belongs to an administrator, and about as slow. Sign-in events are logged with the
// user id and address, never an email or a secret.
import "server-only";
import { database } from "@/lib/db";
import { log } from "@/lib/log";
import { rememberDevice, trustedDevice } from "./devices";
import { dummyHash, hashPassword, HashesBusyError, needsRehash, verifyPassword } from "./passwords";
import { endSession, isHttps, pendingSecondFactor, startSession } from "./session";
import { metrics } from "@/lib/metrics";
import { claimAttempt, clearAttempts, type ThrottleKey } from "./throttle";
import { isTwoFactorOn, twoFactorStatus, verifySecondFactor } from "./two-factor";
import { findAdminByEmail, normalizeEmail } from "./users";

/** Free attempts before delays begin: per address (all accounts), per account at an address, per trusted device. */
export const FREE_ATTEMPTS = { address: 10, pair: 3, device: 5 } as const;

export type LoginResult = { ok: true; next: "/admin" | "/admin/login/verify" } | { ok: false; message: string };

const WRONG = "That email and password do not match an administrator.";
const BUSY = "Many sign-ins are being checked at this moment. Please try again in a few seconds.";
const logger = () => log("admin");

function waitMessage(retryAfterMs: number): string {
  const seconds = Math.ceil(retryAfterMs / 1000);
  const wait = seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
  return `Too many failed attempts from here. For your security, please wait ${wait} before trying again.`;
}

/** The throttle keys of an attempt: the trusted device's alone, or the address's and the account's at it. */
function keysFor(email: string, clientIp: string, device: string | null): ThrottleKey[] {
  if (device) return [{ key: `device:${device}`, free: FREE_ATTEMPTS.device }];
  return [
    { key: `pair:${normalizeEmail(email)}:${clientIp}`, free: FREE_ATTEMPTS.pair },
    { key: `address:${clientIp}`, free: FREE_ATTEMPTS.address },
  ];
}

export async function logIn(email: string, password: string, clientIp: string): Promise<LoginResult> {
  const user = await findAdminByEmail(email);
  const userId = user ? Number(user.id) : null;
  const device = userId === null ? null : await trustedDevice(userId);
  const keys = keysFor(email, clientIp, device);
  const claim = await claimAttempt(keys);
  if (!claim.ok) {
    logger().warn({ event: "login.throttled", clientIp, trustedDevice: Boolean(device) }, "login refused: too many failures");
    metrics().signInFailures.inc({ reason: "throttled" });
    return { ok: false, message: waitMessage(claim.retryAfterMs) };
  }
  let valid: boolean;
  try {
    valid = await verifyPassword(password, user?.password_hash ?? (await dummyHash()), { trusted: Boolean(device) });
  } catch (error) {
    if (!(error instanceof HashesBusyError)) throw error;
    logger().warn({ event: "login.busy", clientIp }, "login refused: password hashes busy");
    return { ok: false, message: BUSY };
  }
  if (!user || userId === null || !valid) {
    logger().warn({ event: "login.failure", clientIp }, "login failed");
    metrics().signInFailures.inc({ reason: "password" });
    return { ok: false, message: WRONG };
  }
  // The password is right: the failures counted here were its owner's own typos.
  await clearAttempts(keys.map((k) => k.key));
  if (needsRehash(user.password_hash)) {
    // Stronger parameters than when this hash was made: replace it now that we have the password.
    const db = await database();
    await db.updateTable("admin_users").set({ password_hash: await hashPassword(password, { trusted: true }) }).where("id", "=", userId).execute();
    logger().info({ event: "password.rehashed", user: userId }, "password hash upgraded to the current parameters");
  }
  if (await isTwoFactorOn(userId)) {
    await startSession(userId, "second-factor");
    logger().info({ event: "login.password-ok", user: userId, clientIp }, "password accepted; one-time code owed");
    return { ok: true, next: "/admin/login/verify" };
  }
  await startSession(userId);
  await rememberDevice(userId, await isHttps());
  logger().info({ event: "login.success", user: userId, clientIp }, "logged in");
  return { ok: true, next: "/admin" };
}

export type SecondFactorResult = { ok: true } | { ok: false; message: string; expired?: boolean };

/** The second step: the code from the app or a recovery code, for the session owing one. */
export async function completeSecondFactor(code: string, clientIp: string): Promise<SecondFactorResult> {
  const pending = await pendingSecondFactor();
  if (!pending) return { ok: false, expired: true, message: "Your sign-in took too long or has ended. Log in again with your email and password." };
  // Codes are throttled per account at this address (and per address), like passwords.
  const keys = keysFor(`2fa:${pending.email}`, clientIp, await trustedDevice(pending.id));
  const claim = await claimAttempt(keys);
  if (!claim.ok) {
    logger().warn({ event: "login.throttled", user: pending.id, clientIp }, "second factor refused: too many failures");
    metrics().signInFailures.inc({ reason: "throttled" });
    return { ok: false, message: waitMessage(claim.retryAfterMs) };
  }
  const accepted = await verifySecondFactor(pending.id, pending.email, code);
  if (!accepted) {
    logger().warn({ event: "login.second-factor-failure", user: pending.id, clientIp }, "one-time code refused");
    metrics().signInFailures.inc({ reason: "second_factor" });
    return { ok: false, message: "That code is not right, or was used already. Enter the 6-digit code your app shows now, or one of your recovery codes." };
  }
  await clearAttempts(keys.map((k) => k.key));
  // The half-signed-in session goes; a fresh one takes its place.
  await endSession();
  await startSession(pending.id);
  await rememberDevice(pending.id, await isHttps());
  if (accepted === "recovery") {
    const left = (await twoFactorStatus(pending.id)).recoveryCodesLeft;
    logger().warn({ event: "login.recovery-code", user: pending.id, clientIp, recoveryCodesLeft: left }, "logged in with a recovery code");
  } else {
    logger().info({ event: "login.success", user: pending.id, clientIp, secondFactor: true }, "logged in");
  }
  return { ok: true };
}
