// Logging in: rate-limited per account and per address, with one sentence for every refusal.
import "server-only";
import { clearHits, hit, peek } from "@/lib/rate-limit";
import { log } from "@/lib/log";
import { dummyHash, verifyPassword } from "./passwords";
import { startSession } from "./session";
import { findAdminByEmail, normalizeEmail } from "./users";

export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

export type LoginResult = { ok: true } | { ok: false; message: string };

export async function logIn(email: string, password: string, clientIp: string): Promise<LoginResult> {
  const account = `login-fail:account:${normalizeEmail(email)}`;
  const address = `login-fail:ip:${clientIp}`;
  const [accountFailures, addressFailures] = await Promise.all([peek(account, LOGIN_WINDOW_MS), peek(address, LOGIN_WINDOW_MS)]);
  if (accountFailures >= LOGIN_MAX_FAILURES || addressFailures >= LOGIN_MAX_FAILURES * 4) {
    log("admin").warn({ clientIp }, "login refused: locked out");
    return { ok: false, message: "Too many failed attempts. For your security, logging in is paused for up to 15 minutes." };
  }
  const user = await findAdminByEmail(email);
  const valid = await verifyPassword(password, user?.password_hash ?? (await dummyHash()));
  if (!user || !valid) {
    await Promise.all([hit(account, Number.MAX_SAFE_INTEGER, LOGIN_WINDOW_MS), hit(address, Number.MAX_SAFE_INTEGER, LOGIN_WINDOW_MS)]);
    log("admin").warn({ clientIp }, "login failed");
    return { ok: false, message: "That email and password do not match an administrator." };
  }
  await clearHits(account);
  await startSession(Number(user.id));
  log("admin").info({ user: user.id }, "logged in");
  return { ok: true };
}
