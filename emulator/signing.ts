// Signed upload URLs that behave like a cloud bucket's: unique, expiring, single use, and
// refused when tampered with.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

type Minted = { jobUuid: string; expiresAt: number; used: boolean };

export type SignatureCheck =
  | { ok: true; nonce: string; jobUuid: string }
  | { ok: false; reason: "unknown" | "tampered" | "expired" | "used" };

export class UrlSigner {
  private readonly secret = randomBytes(32);
  private readonly minted = new Map<string, Minted>();

  constructor(private ttlMs: number) {}

  setTtl(ttlMs: number): void {
    this.ttlMs = ttlMs;
  }

  private sign(nonce: string, expires: number): string {
    return createHmac("sha256", this.secret).update(`${nonce}.${expires}`).digest("hex");
  }

  mint(origin: string, jobUuid: string, now = Date.now()): string {
    this.prune(now);
    const nonce = randomBytes(16).toString("hex");
    const expires = now + this.ttlMs;
    this.minted.set(nonce, { jobUuid, expiresAt: expires, used: false });
    return `${origin}/storage/resumes/${nonce}?expires=${expires}&signature=${this.sign(nonce, expires)}`;
  }

  /** Checks a PUT's URL; a valid one is consumed, so it cannot be used twice. */
  consume(nonce: string, params: URLSearchParams, now = Date.now()): SignatureCheck {
    const entry = this.minted.get(nonce);
    const expires = Number(params.get("expires"));
    const given = Buffer.from(params.get("signature") ?? "", "utf8");
    const expected = Buffer.from(this.sign(nonce, expires), "utf8");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return { ok: false, reason: entry ? "tampered" : "unknown" };
    }
    if (!entry || entry.expiresAt !== expires) return { ok: false, reason: "tampered" };
    if (expires <= now) return { ok: false, reason: "expired" };
    if (entry.used) return { ok: false, reason: "used" };
    entry.used = true;
    return { ok: true, nonce, jobUuid: entry.jobUuid };
  }

  private prune(now: number): void {
    // Keep used and expired entries a while so late PUTs get the precise refusal.
    for (const [nonce, entry] of this.minted) {
      if (entry.expiresAt + 60 * 60 * 1000 < now) this.minted.delete(nonce);
    }
  }
}
