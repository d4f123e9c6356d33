// Job alerts below the browser: the filters' strict checks, signed tokens, the digest planner
// (new jobs only, never twice, at most one email per period, one winner among servers) on
// SQLite and PostgreSQL, and the mail worker against a real SMTP server (emulator/smtp.ts).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { noteSeenJobs, planDigests } from "@/lib/alerts/digest";
import { alertFiltersSchema, describeFilters, jobMatchesAlert } from "@/lib/alerts/filters";
import { filtersFromForm } from "@/lib/alerts/form";
import { confirmSubscription, deleteSubscription, getSubscription, pruneUnconfirmed, subscribe } from "@/lib/alerts/subscriptions";
import { setAlertsSwitch } from "@/lib/alerts/switch";
import { alertToken, readAlertToken } from "@/lib/alerts/tokens";
import { retryDelay } from "@/lib/backoff";
import { database } from "@/lib/db";
import { resetEnv } from "@/lib/env";
import type { Job } from "@/lib/jobs";
import { isSuppressed } from "@/lib/mail/outbox";
import { resetTransport } from "@/lib/mail/transport";
import { classifySendError, kickMail } from "@/lib/mail/worker";
import { listJobs } from "@/lib/occupop";
import { createMailEmulator, type MailEmulator } from "../../emulator/smtp";
import { DATABASES, freshDatabase } from "../helpers/databases";
import { startEmulator } from "../helpers/emulator";

const HOUR = 60 * 60 * 1000;
const LOGISTICS = "Logistics & Warehousing";
/** Sends what is due, including what a sign-up already set going in the background. */
const sendMail = () => kickMail();
let jobs: Job[];
let smtp: MailEmulator;
let stopEmulator: () => Promise<void>;

beforeAll(async () => {
  const emulator = await startEmulator();
  stopEmulator = emulator.stop;
  jobs = (await listJobs()).filter((j) => j.isOpen);
  smtp = createMailEmulator();
  const port = await smtp.listen(0, "127.0.0.1");
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  process.env.MAIL_FROM = "Kestrel Careers <careers@kestrel.example>";
  process.env.MAIL_RETRY_BASE_MS = "10";
  process.env.MAIL_RETRY_MAX_MS = "20";
  resetEnv();
  resetTransport();
});
afterAll(async () => {
  await smtp.close();
  await stopEmulator();
});

describe("alert filters", () => {
  it("refuses, with a reason, what would widen or break an alert", () => {
    const form = (entries: Record<string, string>) => {
      const data = new FormData();
      for (const [k, v] of Object.entries(entries)) data.set(k, v);
      return filtersFromForm(data);
    };
    expect(form({ department: "Logistics", workplace: "remote", q: "" })).toEqual({ ok: true, filters: { department: "Logistics", workplace: "remote" } });
    expect(form({ q: "x".repeat(101) })).toMatchObject({ ok: false, message: "The keywords can be 100 characters at most." });
    expect(form({ department: "Logistics\r\nBcc: victim@example.com" })).toMatchObject({ ok: false, message: "The department must be one line of plain text." });
    expect(form({ workplace: "moon" })).toMatchObject({ ok: false, message: "Choose on-site, hybrid or remote." });
    expect(alertFiltersSchema.safeParse({ country: "ie" }).data).toEqual({ country: "IE" });
  });

  it("reads as a person would say it, and matches as the listing does", () => {
    expect(describeFilters({})).toBe("every new job");
    expect(describeFilters({ department: "Logistics", city: "Manchester", country: "GB", workplace: "remote", q: "forklift" })).toBe(
      "new jobs in Logistics; in Manchester, United Kingdom; remote; matching “forklift”",
    );
    const logistics = jobs.filter((j) => jobMatchesAlert(j, { department: LOGISTICS }));
    expect(logistics.length).toBeGreaterThan(2);
    expect(logistics.every((j) => j.departments.includes(LOGISTICS))).toBe(true);
  });
});

describe("alert tokens", () => {
  it("name their subscription, for one purpose, until they expire", async () => {
    await freshDatabase("sqlite");
    const now = Date.now();
    const confirm = await alertToken("confirm", "sub-1", now);
    expect(await readAlertToken("confirm", confirm, now)).toBe("sub-1");
    expect(await readAlertToken("manage", confirm, now)).toBeNull();
    expect(await readAlertToken("confirm", confirm, now + 8 * 24 * HOUR)).toBeNull();
    const manage = await alertToken("manage", "sub-1", now);
    expect(await readAlertToken("manage", manage, now + 400 * 24 * HOUR)).toBe("sub-1");
    const [body, signature] = manage.split(".");
    const forged = `${Buffer.from(JSON.stringify({ s: "sub-2", e: 0 })).toString("base64url")}.${signature}`;
    expect(await readAlertToken("manage", forged, now)).toBeNull();
    expect(await readAlertToken("manage", `${body}.${signature}x`, now)).toBeNull();
    expect(await readAlertToken("manage", 42, now)).toBeNull();
  });
});

describe("retry delays (applications and email alike)", () => {
  it("double from the base up to the cap, each a random point in its upper half", () => {
    expect([0, 1, 2, 10].map((n) => retryDelay(n, 100, 1000, () => 0))).toEqual([50, 100, 200, 500]);
    expect([0, 1, 2, 10].map((n) => retryDelay(n, 100, 1000, () => 1))).toEqual([100, 200, 400, 1000]);
  });
});

describe("SMTP failures", () => {
  it("tell a permanent refusal of the recipient from a passing trouble", () => {
    expect(classifySendError(Object.assign(new Error("550 5.1.1 No such mailbox"), { responseCode: 550, command: "RCPT TO" }))).toMatchObject({ permanent: true, aboutRecipient: true });
    expect(classifySendError(Object.assign(new Error("554 rejected"), { responseCode: 554, command: "DATA" }))).toMatchObject({ permanent: true, aboutRecipient: false });
    expect(classifySendError(Object.assign(new Error("451 busy"), { responseCode: 451, command: "MAIL FROM" }))).toMatchObject({ permanent: false });
    expect(classifySendError(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNECTION" }))).toMatchObject({ permanent: false, message: "ECONNECTION: connect ECONNREFUSED" });
    // A wrong password is ours to fix, not the recipient's: keep trying, do not suppress.
    expect(classifySendError(Object.assign(new Error("535 auth"), { responseCode: 535, command: "AUTH PLAIN" }))).toMatchObject({ permanent: false });
  });
});

describe.each(DATABASES)("job alerts on %s", (kind) => {
  beforeEach(async () => {
    await freshDatabase(kind);
    await smtp.reset();
  });

  const subscribed = async (email: string, filters = {}, now = Date.now()) => {
    expect(await subscribe(email, filters, `203.0.113.${Math.floor(Math.random() * 250)}`, now)).toBe("sent");
    const db = await database();
    const row = await db.selectFrom("alert_subscriptions").select("id").where("email", "=", email).executeTakeFirstOrThrow();
    return row.id;
  };

  it("sends only the confirmation before a sign-up is confirmed, and deletes it after 7 days", async () => {
    const id = await subscribed("ada@example.com");
    await noteSeenJobs(jobs.slice(1), Date.now() - HOUR);
    expect(await planDigests({ openJobs: jobs, now: Date.now() + HOUR })).toBe(0);
    await sendMail();
    expect(smtp.list()).toHaveLength(1);
    const [mail] = smtp.list();
    expect(mail?.subject).toMatch(/^Confirm your job alert from /);
    expect(mail?.text).toContain("/alerts/confirm?token=");
    expect(mail?.html).toContain("Yes, send me job alerts");
    expect(mail?.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect(await pruneUnconfirmed(Date.now() + 6 * 24 * HOUR)).toBe(0);
    expect(await pruneUnconfirmed(Date.now() + 8 * 24 * HOUR)).toBe(1);
    expect(await getSubscription(id)).toBeNull();
  });

  it("emails new matching jobs once, as one digest, at most once per period", async () => {
    const t0 = Date.now();
    const [old, ...rest] = jobs;
    const logistics = rest.filter((j) => j.departments.includes(LOGISTICS));
    const other = rest.filter((j) => !j.departments.includes(LOGISTICS));
    await noteSeenJobs([old!], t0 - HOUR); // on the site before anyone subscribed
    const id = await subscribed("grace@example.com", { department: LOGISTICS }, t0);
    await confirmSubscription(id, t0);
    const lonely = await subscribed("alan@example.com", { department: "No Such Department" }, t0);
    await confirmSubscription(lonely, t0);

    // Two jobs appear; two servers plan at the same moment: one digest, with both.
    const first = logistics.slice(0, 2);
    await noteSeenJobs([...first, ...other.slice(0, 1)], t0 + HOUR);
    const open = [old!, ...first, ...other.slice(0, 1)];
    const queued = await Promise.all([planDigests({ openJobs: open, now: t0 + HOUR }), planDigests({ openJobs: open, now: t0 + HOUR })]);
    expect(queued.reduce((a, b) => a + b, 0)).toBe(1);
    await sendMail();
    expect(smtp.list()).toHaveLength(1 + 2); // the digest, and the two confirmations
    const digest = smtp.list().find((m) => m.subject.includes("new jobs at") || m.subject.startsWith("New job at"))!;
    expect(digest.envelope.to).toEqual(["grace@example.com"]);
    for (const job of first) expect(digest.text).toContain(`/jobs/${job.slug}?utm_source=job-alert`);
    expect(digest.text).not.toContain(old!.slug);
    expect(digest.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect(digest.headers["list-unsubscribe"]).toMatch(/^<http:\/\/localhost:3000\/api\/alerts\/unsubscribe\?token=[\w-]+\.[\w-]+>$/);

    // Another matching job an hour later: it waits for the day to pass, and comes alone.
    const next = logistics[2] ?? other[1]!;
    await noteSeenJobs([next], t0 + 2 * HOUR);
    expect(await planDigests({ openJobs: [...open, next], now: t0 + 2 * HOUR })).toBe(0);
    const later = await planDigests({ openJobs: [...open, next], now: t0 + 26 * HOUR });
    expect(later).toBe(logistics[2] ? 1 : 0);
    // And nothing goes twice, however often it runs.
    expect(await planDigests({ openJobs: [...open, next], now: t0 + 60 * HOUR })).toBe(0);
    const db = await database();
    const sent = await db.selectFrom("alert_sent").select("job_uuid").where("subscription_id", "=", id).execute();
    expect(sent.map((r) => r.job_uuid).sort()).toEqual([...first, ...(logistics[2] ? [next] : [])].map((j) => j.uuid).sort());
    expect((await getSubscription(lonely))?.jobsSent).toBe(0);

    // HR switches alerts off: nothing is planned.
    await setAlertsSwitch(false);
    const newest = other[2]!;
    await noteSeenJobs([newest], t0 + 100 * HOUR);
    expect(await planDigests({ openJobs: [newest], now: t0 + 200 * HOUR })).toBe(0);
  });

  it("reaches every due subscriber in one pass, however many due ones have nothing new", async () => {
    const t0 = Date.now() - 10 * HOUR;
    const db = await database();
    const fresh = jobs[0]!;
    // 600 subscribers due an email (more than a page of 500); the first 550 were already sent
    // the new job, so only the last 50 have something new.
    const rows = Array.from({ length: 600 }, (_, i) => ({
      id: `sub-${String(i).padStart(4, "0")}`,
      email: `many-${i}@example.com`,
      filters: "{}",
      status: "confirmed" as const,
      created_at: t0 - 40 * HOUR,
      confirmed_at: t0 - 40 * HOUR,
      last_digest_at: i < 550 ? t0 - 30 * HOUR : null,
    }));
    for (let i = 0; i < rows.length; i += 100) await db.insertInto("alert_subscriptions").values(rows.slice(i, i + 100)).execute();
    for (let i = 0; i < 550; i += 100) {
      await db
        .insertInto("alert_sent")
        .values(rows.slice(i, Math.min(i + 100, 550)).map((r) => ({ subscription_id: r.id, job_uuid: fresh.uuid, sent_at: t0 - 30 * HOUR })))
        .execute();
    }
    await noteSeenJobs([fresh], t0 - 35 * HOUR);
    expect(await planDigests({ openJobs: [fresh], now: t0 })).toBe(50);
    expect(await planDigests({ openJobs: [fresh], now: t0 + 60 * HOUR })).toBe(0);
  });

  it("keeps mail through an SMTP outage, and stops mail to an address refused for good", async () => {
    // A retry 1-2 s away: the sign-up's own pass and sendMail's (queued behind it) both run
    // before it is due, however slow the machine, so the first failure is counted once.
    process.env.MAIL_RETRY_BASE_MS = process.env.MAIL_RETRY_MAX_MS = "2000";
    resetEnv();
    await smtp.setFaults({ down: true });
    await subscribed("kept@example.com");
    await sendMail();
    expect(smtp.list()).toHaveLength(0);
    const db = await database();
    const waiting = await db.selectFrom("mail_outbox").selectAll().where("to_address", "=", "kept@example.com").executeTakeFirstOrThrow();
    expect(waiting).toMatchObject({ status: "pending", attempts: 1 });
    expect(waiting.last_error).toMatch(/ECONNECTION|ECONNREFUSED/);
    await smtp.setFaults({ down: false });
    await sendMail();
    expect(smtp.list()).toHaveLength(0); // not due yet
    await new Promise((r) => setTimeout(r, 2_100)); // past the backoff
    process.env.MAIL_RETRY_BASE_MS = "10";
    process.env.MAIL_RETRY_MAX_MS = "20";
    resetEnv();
    await sendMail();
    expect(smtp.list().map((m) => m.envelope.to[0])).toEqual(["kept@example.com"]);

    await smtp.setFaults({ reject: ["gone@example.com"] });
    await subscribed("gone@example.com");
    await sendMail();
    expect(smtp.list()).toHaveLength(1);
    expect(await isSuppressed("gone@example.com")).toBe(true);
    const failed = await db.selectFrom("mail_outbox").selectAll().where("to_address", "=", "gone@example.com").executeTakeFirstOrThrow();
    expect(failed.status).toBe("failed");
    expect(failed.last_error).toContain("550");
    expect(await subscribe("gone@example.com", { q: "other" }, "203.0.113.9")).toBe("refused");
  });

  it("deletes everything kept about a subscription", async () => {
    const id = await subscribed("erase@example.com");
    await confirmSubscription(id);
    await sendMail();
    expect(await deleteSubscription(id)).toBe(true);
    const db = await database();
    expect(await db.selectFrom("alert_subscriptions").selectAll().execute()).toEqual([]);
    expect(await db.selectFrom("mail_outbox").selectAll().where("to_address", "=", "erase@example.com").execute()).toEqual([]);
    expect(await deleteSubscription(id)).toBe(false);
  });
});
