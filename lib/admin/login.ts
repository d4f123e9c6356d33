// Signing in: a password, then (for administrators who turned it on) a one-time code.
// Rate-limited per account and per address across every replica; one sentence for every
// refusal, the same whether or not the email belongs to an administrator, and about as slow.
// Sign-in events are logged with the user id and address, never an email or a secret.
import "server-only";
import { database } from "@/lib/db";
import { log } from "@/lib/log";
import { clearHits, hit, peek } from "@/lib/rate-limit";
import { dummyHash, hashPassword, needsRehash, verifyPassword } from "./passwords";
import { endSession, pendingSecondFactor, startSession } from "./session";
import { isTwoFactorOn, twoFactorStatus, verifySecondFactor } from "./two-factor";
import { findAdminByEmail, normalizeEmail } from "./users";

export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

export type LoginResult = { ok: true; next: "/admin" | "/admin/login/verify" } | { ok: false; message: string };

const LOCKED = "Too many failed attempts. For your security, logging in is paused for up to 15 minutes.";
const logger = () => log("admin");

const keys = (email: string, clientIp: string) => ({ account: `login-fail:account:${normalizeEmail(email)}`, address: `login-fail:ip:${clientIp}` });

async function lockedOut(email: string, clientIp: string): Promise<boolean> {
  const { account, address } = keys(email, clientIp);
  const [accountFailures, addressFailures] = await Promise.all([peek(account, LOGIN_WINDOW_MS), peek(address, LOGIN_WINDOW_MS)]);
  return accountFailures >= LOGIN_MAX_FAILURES || addressFailures >= LOGIN_MAX_FAILURES * 4;
}

async function countFailure(email: string, clientIp: string): Promise<void> {
  const { account, address } = keys(email, clientIp);
  await Promise.all([hit(account, Number.MAX_SAFE_INTEGER, LOGIN_WINDOW_MS), hit(address, Number.MAX_SAFE_INTEGER, LOGIN_WINDOW_MS)]);
}

export async function logIn(email: string, password: string, clientIp: string): Promise<LoginResult> {
  if (await lockedOut(email, clientIp)) {
    logger().warn({ event: "login.locked", clientIp }, "login refused: locked out");
    return { ok: false, message: LOCKED };
  }
  const user = await findAdminByEmail(email);
  const valid = await verifyPassword(password, user?.password_hash ?? (await dummyHash()));
  if (!user || !valid) {
    await countFailure(email, clientIp);
    logger().warn({ event: "login.failure", clientIp }, "login failed");
    return { ok: false, message: "That email and password do not match an administrator." };
  }
  const userId = Number(user.id);
  await clearHits(keys(email, clientIp).account);
  if (needsRehash(user.password_hash)) {
    // Stronger parameters than when this hash was made: replace it now that we have the password.
    const db = await database();
    await db.updateTable("admin_users").set({ password_hash: await hashPassword(password) }).where("id", "=", userId).execute();
    logger().info({ event: "password.rehashed", user: userId }, "password hash upgraded to the current parameters");
  }
  if (await isTwoFactorOn(userId)) {
    await startSession(userId, "second-factor");
    logger().info({ event: "login.password-ok", user: userId, clientIp }, "password accepted; one-time code owed");
    return { ok: true, next: "/admin/login/verify" };
  }
  await startSession(userId);
  logger().info({ event: "login.success", user: userId, clientIp }, "logged in");
  return { ok: true, next: "/admin" };
}

export type SecondFactorResult = { ok: true } | { ok: false; message: string; expired?: boolean };

/** The second step: the code from the app or a recovery code, for the session owing one. */
export async function completeSecondFactor(code: string, clientIp: string): Promise<SecondFactorResult> {
  const pending = await pendingSecondFactor();
  if (!pending) return { ok: false, expired: true, message: "Your sign-in took too long or has ended. Log in again with your email and password." };
  if (await lockedOut(pending.email, clientIp)) {
    logger().warn({ event: "login.locked", user: pending.id, clientIp }, "second factor refused: locked out");
    return { ok: false, message: LOCKED };
  }
  const accepted = await verifySecondFactor(pending.id, pending.email, code);
  if (!accepted) {
    await countFailure(pending.email, clientIp);
    logger().warn({ event: "login.second-factor-failure", user: pending.id, clientIp }, "one-time code refused");
    return { ok: false, message: "That code is not right, or was used already. Enter the 6-digit code your app shows now, or one of your recovery codes." };
  }
  await clearHits(keys(pending.email, clientIp).account);
  // The half-signed-in session goes; a fresh one takes its place.
  await endSession();
  await startSession(pending.id);
  if (accepted === "recovery") {
    const left = (await twoFactorStatus(pending.id)).recoveryCodesLeft;
    logger().warn({ event: "login.recovery-code", user: pending.id, clientIp, recoveryCodesLeft: left }, "logged in with a recovery code");
  } else {
    logger().info({ event: "login.success", user: pending.id, clientIp, secondFactor: true }, "logged in");
  }
  return { ok: true };
}
