// Sign-in limits (lib/admin/throttle.ts) on SQLite and PostgreSQL: an attempt is counted before
// its hash runs, atomically, so a burst in parallel gets no more through than one by one; the
// delay grows for the key that keeps failing and for nobody else; success clears it. And the
// password hashes run a few at a time (lib/admin/passwords.ts), with a bounded queue.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { HashesBusyError, hashLoad, MAX_CONCURRENT_HASHES, verifyPassword } from "@/lib/admin/passwords";
import { claimAttempt, clearAttempts, delayAfter, MAX_DELAY_MS, pruneThrottle, THROTTLE_RESET_MS } from "@/lib/admin/throttle";
import { clientKey } from "@/lib/client-ip";
import { closeDb } from "@/lib/db";
import { dropProcessSingleton } from "@/lib/process-state.mjs";
import { DATABASES, freshDatabase } from "../helpers/databases";

describe("the delay schedule", () => {
  it("is free for the first attempts, then doubles from 15 s up to 15 minutes", () => {
    expect([1, 2, 3].map((f) => delayAfter(f, 3))).toEqual([0, 0, 0]);
    expect([4, 5, 6, 7].map((f) => delayAfter(f, 3))).toEqual([15_000, 30_000, 60_000, 120_000]);
    expect(delayAfter(30, 3)).toBe(MAX_DELAY_MS);
  });
});

describe.each(DATABASES)("sign-in attempts on %s", (kind) => {
  beforeEach(async () => {
    await freshDatabase(kind);
    // What this process remembers of refused keys belongs to the database before.
    dropProcessSingleton("login-refused-until");
  });
  afterAll(closeDb);

  it("counts each attempt before the hash, atomically: 50 at once get no more through than the free ones and one", async () => {
    const key = [{ key: `pair:admin@example.com:203.0.113.5`, free: 3 }];
    const claims = await Promise.all(Array.from({ length: 50 }, () => claimAttempt(key)));
    expect(claims.filter((c) => c.ok)).toHaveLength(4);
    const refused = claims.find((c) => !c.ok);
    expect(refused && !refused.ok && refused.retryAfterMs).toBeGreaterThan(10_000);
  });

  it("slows the key that fails and no other; a success clears it", async () => {
    const now = Date.now();
    const stranger = [{ key: "pair:admin@example.com:203.0.113.5", free: 3 }];
    const admin = [{ key: "pair:admin@example.com:198.51.100.1", free: 3 }];
    for (let i = 0; i < 4; i++) expect((await claimAttempt(stranger, now + i)).ok).toBe(true);
    expect((await claimAttempt(stranger, now + 10)).ok).toBe(false);
    // The same account from elsewhere is not slowed at all.
    expect((await claimAttempt(admin, now + 11)).ok).toBe(true);
    // After the delay, one more try; then a longer wait.
    expect((await claimAttempt(stranger, now + 15_010)).ok).toBe(true);
    const next = await claimAttempt(stranger, now + 15_020);
    expect(next.ok).toBe(false);
    expect(!next.ok && next.retryAfterMs).toBeGreaterThan(25_000);
    await clearAttempts(stranger.map((k) => k.key));
    expect((await claimAttempt(stranger, now + 15_030)).ok).toBe(true);
    // Forgotten after an hour without attempts.
    expect(await pruneThrottle(now + THROTTLE_RESET_MS + 20_000)).toBe(2);
  });
});

describe("password hashes", () => {
  it("run a few at a time, and past a short queue say busy, except for a trusted browser", async () => {
    // Cheaper parameters than a real hash's: the queue is the same.
    const stored = "scrypt$16384$8$1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g";
    const burst = Array.from({ length: 30 }, () => verifyPassword("wrong", stored).then(
      () => "checked",
      (error: unknown) => (error instanceof HashesBusyError ? "busy" : "failed"),
    ));
    // Slots are taken as the calls are made: two run, sixteen wait, the rest are told busy.
    expect(hashLoad()).toMatchObject({ running: MAX_CONCURRENT_HASHES, waiting: 16 });
    const trusted = verifyPassword("wrong", stored, { trusted: true });
    const outcomes = await Promise.all(burst);
    await expect(trusted).resolves.toBe(false);
    expect(outcomes.filter((o) => o === "busy").length).toBeGreaterThan(0);
    expect(outcomes.filter((o) => o === "checked").length).toBe(MAX_CONCURRENT_HASHES + 16);
    expect(hashLoad()).toMatchObject({ running: 0, waiting: 0 });
  });
});

describe("client keys", () => {
  it("count IPv4 as it is, IPv6 by its /64, IPv4-in-IPv6 as IPv4, and garbage as unknown", () => {
    expect(clientKey("203.0.113.7")).toBe("203.0.113.7");
    expect(clientKey("2001:db8:1:2:3:4:5:6")).toBe("2001:db8:1:2::/64");
    expect(clientKey("2001:db8:1:2:ffff::1")).toBe(clientKey("2001:db8:1:2::abcd"));
    expect(clientKey("2001:db8:1:3::1")).not.toBe(clientKey("2001:db8:1:2::1"));
    expect(clientKey("::ffff:198.51.100.4")).toBe("198.51.100.4");
    expect(clientKey("[2001:db8::1]")).toBe("2001:db8::/64");
    expect(clientKey("not an address")).toBe("unknown");
    expect(clientKey(undefined)).toBe("unknown");
  });
});
