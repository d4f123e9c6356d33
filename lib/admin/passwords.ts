// Password hashes with scrypt from node:crypto: slow on purpose, salted, compared in
// constant time. Stored as "scrypt$N$r$p$salt$hash" so the parameters can grow: a hash made
// with weaker ones verifies as before and is replaced at the next successful login.
// Parameters: OWASP ASVS 5.0 (V11.4.2) asks for scrypt with N ≥ 2^17, r = 8, p = 1, which
// costs 128 MiB of memory per hash, on purpose. So hashes run at most two at a time in a
// process, with a short queue: a burst of sign-ins waits or is told to try again, and never
// takes the server's memory. A sign-in from a device the account trusts goes first.
import "server-only";
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { processSingleton } from "@/lib/process-state.mjs";

export const SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
export const MIN_PASSWORD_LENGTH = 12;

export const MAX_CONCURRENT_HASHES = 2;
const MAX_WAITING_HASHES = 16;

/** Every hash slot is taken and the queue is full: the caller says "try again in a moment". */
export class HashesBusyError extends Error {
  constructor() {
    super("too many password hashes at once");
    this.name = "HashesBusyError";
  }
}

type Waiter = { start: () => void; trusted: boolean };
const slots = () => processSingleton("password-hash-slots", () => ({ running: 0, waiting: [] as Waiter[], busyRefusals: 0 }));

/** Waits for a hash slot (trusted callers first); resolves with its release. */
function takeSlot(trusted: boolean): Promise<() => void> {
  const s = slots();
  const release = () => {
    const next = s.waiting.shift();
    if (next) next.start();
    else s.running--;
  };
  if (s.running < MAX_CONCURRENT_HASHES) {
    s.running++;
    return Promise.resolve(release);
  }
  if (s.waiting.length >= MAX_WAITING_HASHES && !trusted) {
    s.busyRefusals++;
    return Promise.reject(new HashesBusyError());
  }
  return new Promise((resolve) => {
    const waiter: Waiter = { start: () => resolve(release), trusted };
    if (trusted) {
      const firstUntrusted = s.waiting.findIndex((w) => !w.trusted);
      s.waiting.splice(firstUntrusted < 0 ? s.waiting.length : firstUntrusted, 0, waiter);
    } else s.waiting.push(waiter);
  });
}

/** Hashes running and waiting in this process (the bench reads it). */
export function hashLoad(): { running: number; waiting: number; busyRefusals: number } {
  const s = slots();
  return { running: s.running, waiting: s.waiting.length, busyRefusals: s.busyRefusals };
}

type HashOptions = { trusted?: boolean };

async function derive(password: string, salt: Buffer, options: Required<Pick<ScryptOptions, "N" | "r" | "p">>, { trusted = false }: HashOptions = {}): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; leave room above it.
  const maxmem = 256 * options.N * options.r;
  const release = await takeSlot(trusted);
  try {
    return await new Promise((resolve, reject) =>
      scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, { ...options, maxmem }, (error, key) => (error ? reject(error) : resolve(key))),
    );
  } finally {
    release();
  }
}

export async function hashPassword(password: string, options?: HashOptions): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, SCRYPT, options);
  return ["scrypt", SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

type Parsed = { N: number; r: number; p: number; salt: Buffer; hash: Buffer };

function parse(stored: string): Parsed | null {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !salt || !hash) return null;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  // Refuse absurd stored parameters rather than spend minutes or gigabytes on them.
  if (!Number.isInteger(params.N) || params.N < 2 || params.N > 2 ** 20 || params.r < 1 || params.r > 32 || params.p < 1 || params.p > 16) return null;
  return { ...params, salt: Buffer.from(salt, "base64url"), hash: Buffer.from(hash, "base64url") };
}

export async function verifyPassword(password: string, stored: string, options?: HashOptions): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, { N: parsed.N, r: parsed.r, p: parsed.p }, options);
  return key.length === parsed.hash.length && timingSafeEqual(key, parsed.hash);
}

/** True when a stored hash was made with weaker parameters than today's: rehash it at login. */
export function needsRehash(stored: string): boolean {
  const parsed = parse(stored);
  return !parsed || parsed.N < SCRYPT.N || parsed.r < SCRYPT.r || parsed.p < SCRYPT.p;
}

/** A hash to compare against when the account does not exist, so timing does not tell. */
export function dummyHash(): Promise<string> {
  return processSingleton("dummy-password-hash", () => hashPassword(randomBytes(16).toString("hex"), { trusted: true }));
}
