// After applying, below the browser, on SQLite and PostgreSQL, against the emulator: the
// receipt written with its application, the status it shows (received, sent, HR's words for
// Occupop's latest status), withdrawing before and after delivery (and while a delivery is under
// way), export and erasure from the status link and from the alert management link, the erasure
// log without personal data, and the status page's form handler with a guessed link.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { asServer } from "@/lib/admin/access";
import { processApplication } from "@/lib/applications/deliver";
import { claim, findById, insertApplication, type NewApplication } from "@/lib/applications/outbox";
import { database } from "@/lib/db";
import { resetEnv } from "@/lib/env";
import { listJobs } from "@/lib/occupop";
import { recordCandidateStatus } from "@/lib/occupop-events/queue";
import { eraseEmail, eraseReceipt, exportForEmail, exportForReceipt, recentErasures } from "@/lib/receipts/rights";
import { statusOf } from "@/lib/receipts/status";
import { saveStatusWords } from "@/lib/receipts/status-words";
import { findReceipt, newReceiptToken } from "@/lib/receipts/store";
import { listWithdrawn, withdrawApplication } from "@/lib/receipts/withdraw";
import { POST as statusForm } from "@/app/api/status/route";
import { DATABASES, freshDatabase } from "../helpers/databases";
import { startEmulator } from "../helpers/emulator";

const PDF = Buffer.concat([Buffer.from("%PDF-1.7\n"), randomBytes(3000)]);
let emulator: Awaited<ReturnType<typeof startEmulator>>;

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
  resetEnv();
  await emulator.stop();
});

async function newApplication(tag: string): Promise<{ app: NewApplication; token: string }> {
  const job = (await listJobs()).find((j) => j.isOpen && j.requiresCv && !j.questions.length)!;
  const id = crypto.randomUUID();
  const token = newReceiptToken();
  return {
    token,
    app: {
      id,
      idempotencyKey: `key-${tag}-${id}`,
      jobUuid: job.uuid,
      jobSlug: job.slug,
      jobTitle: job.title,
      dedupeKey: `dedupe-${tag}-${id}`,
      duplicateOf: null,
      payload: {
        firstName: "Ada",
        lastName: "Lovelace",
        email: `${tag}@example.com`,
        phone: "+353 1 555 0100",
        linkedin: "",
        city: "Dublin",
        region: "",
        countryCode: "IE",
        coverLetter: "I would like this job.",
        source: "test",
        answers: [],
        consentJob: null,
        consentDatabase: true,
      },
      resume: { name: "cv.pdf", type: "application/pdf", file: new File([new Uint8Array(PDF)], "cv.pdf") },
      receipt: { token, locale: "en" },
    },
  };
}

const count = async (table: "applications" | "resume_chunks" | "application_receipts" | "application_drafts" | "alert_subscriptions" | "mail_outbox") => {
  const db = await database();
  return Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
};
const candidates = async (email: string) => ((await (await emulator.control(`/candidates?email=${email}`)).json()) as { data: Array<{ candidate: { uuid: string } }> }).data.map((c) => c.candidate);

function form(fields: Record<string, string>, ip = "203.0.113.7") {
  return statusForm(
    new Request("http://localhost:3000/api/status", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-careers-client-ip": ip },
      body: new URLSearchParams(fields).toString(),
    }),
  );
}

describe.each(DATABASES)("after applying, on %s", (kind) => {
  beforeEach(async () => {
    await freshDatabase(kind);
    delete process.env.SMTP_URL;
    delete process.env.MAIL_FROM;
    resetEnv();
    await emulator.control("/reset", "POST");
  });

  it("keeps a receipt with the application; a guessed, malformed or expired link finds nothing", async () => {
    const { app, token } = await newApplication("receipt");
    await insertApplication(app);
    const receipt = await findReceipt(token);
    expect(receipt).toMatchObject({ application_id: app.id, job_title: app.jobTitle, email: "receipt@example.com", sent_at: null, candidate_uuid: null });
    // The database holds only the token's hash.
    const db = await database();
    expect(JSON.stringify(await db.selectFrom("application_receipts").selectAll().execute())).not.toContain(token);
    expect(await findReceipt(newReceiptToken())).toBeNull();
    expect(await findReceipt(`${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`)).toBeNull();
    expect(await findReceipt("../../etc/passwd")).toBeNull();
    expect(await findReceipt(undefined)).toBeNull();
    expect(await findReceipt(token, Date.now() + 181 * 86_400_000)).toBeNull();
    expect(await statusOf(receipt!, "en")).toMatchObject({ stage: "received", sentAt: null, latest: null, detailsHeld: true, resumeHeld: true, resumeBytes: PDF.length });
  });

  it("follows the application into Occupop, and shows Occupop's status only in the words HR wrote for it", async () => {
    const { app, token } = await newApplication("follow");
    await insertApplication(app);
    expect(await processApplication(app.id)).toEqual({ kind: "delivered" });
    const receipt = (await findReceipt(token))!;
    const [candidate] = await candidates("follow@example.com");
    expect(receipt.candidate_uuid).toBe(candidate!.uuid);
    expect(receipt.sent_at).toBeGreaterThan(0);
    expect(await statusOf(receipt, "de")).toMatchObject({ stage: "sent", latest: null, resumeHeld: false });

    // Occupop's webhook moves the candidate on; internal names stay hidden until HR writes words.
    await recordCandidateStatus(candidate!.uuid, "active", "Tech screen 2", Date.parse("2026-12-03T10:00:00Z"));
    expect((await statusOf(receipt, "de")).latest).toBeNull();
    await saveStatusWords({ "status:active": { en: "The hiring team is reviewing applications" }, "step:Tech screen 2": { en: "Interviews", de: "Vorstellungsgespräche" } });
    expect((await statusOf(receipt, "de")).latest).toEqual({ words: "Vorstellungsgespräche", at: Date.parse("2026-12-03T10:00:00Z") });
    // No French words: the site's default language (English) stands in.
    expect((await statusOf(receipt, "fr")).latest?.words).toBe("Interviews");
    // A step without words falls back to its status's words.
    await recordCandidateStatus(candidate!.uuid, "active", "Final round", Date.parse("2026-12-04T10:00:00Z"));
    expect((await statusOf(receipt, "en")).latest?.words).toBe("The hiring team is reviewing applications");
  });

  it("withdraws before delivery: nothing reaches Occupop and the application and resume are deleted", async () => {
    const { app, token } = await newApplication("cancel");
    await insertApplication(app);
    expect(await withdrawApplication((await findReceipt(token))!)).toBe("cancelled");
    expect(await findById(app.id)).toBeUndefined();
    expect(await count("resume_chunks")).toBe(0);
    expect(await processApplication(app.id)).toEqual({ kind: "busy" });
    expect(await candidates("cancel@example.com")).toHaveLength(0);
    const receipt = (await findReceipt(token))!;
    expect(await statusOf(receipt, "en")).toMatchObject({ stage: "cancelled", detailsHeld: false });
    expect(await withdrawApplication(receipt)).toBe("already");
    expect(await asServer("test", () => listWithdrawn())).toHaveLength(0);
  });

  it("withdraws after delivery: the receipt says so, HR's list shows it, and every administrator is emailed", async () => {
    process.env.SMTP_URL = "smtp://127.0.0.1:9";
    process.env.MAIL_FROM = "Careers <careers@example.com>";
    process.env.MAIL_POLL_MS = "600000";
    resetEnv();
    const db = await database();
    for (const email of ["hr@example.com", "boss@example.com"]) {
      await db.insertInto("admin_users").values({ email, password_hash: "x", created_at: Date.now(), created_by: null }).execute();
    }
    const { app, token } = await newApplication("late");
    await insertApplication(app);
    await processApplication(app.id);
    expect(await withdrawApplication((await findReceipt(token))!)).toBe("withdrawn");
    const receipt = (await findReceipt(token))!;
    expect(receipt.withdrawal).toBe("withdrawn");
    expect(await statusOf(receipt, "en")).toMatchObject({ stage: "withdrawn" });
    const [listed] = await asServer("test", () => listWithdrawn());
    expect(listed).toMatchObject({ name: "Ada Lovelace", email: "late@example.com", jobTitle: app.jobTitle, candidateUuid: receipt.candidate_uuid });
    const mail = await db.selectFrom("mail_outbox").select(["kind", "to_address", "subject", "text_body"]).where("kind", "=", "withdrawal").orderBy("to_address").execute();
    expect(mail.map((m) => m.to_address)).toEqual(["boss@example.com", "hr@example.com"]);
    expect(mail[0]!.subject).toBe(`Withdrawn: Ada Lovelace for ${app.jobTitle}`);
    expect(mail[0]!.text_body).toContain(receipt.candidate_uuid!);
    // Once is enough.
    expect(await withdrawApplication(receipt)).toBe("already");
    expect(await db.selectFrom("mail_outbox").select("id").where("kind", "=", "withdrawal").execute()).toHaveLength(2);
    delete process.env.MAIL_POLL_MS;
  });

  it("waits out a delivery under way, then withdraws whichever way it went", async () => {
    const { app, token } = await newApplication("racing");
    await insertApplication(app);
    // Another server holds the delivery lease: the withdrawal must not delete the row under it.
    expect(await claim(app.id, "other-server", 30_000)).toBe(true);
    const withdrawing = withdrawApplication((await findReceipt(token))!);
    await new Promise((r) => setTimeout(r, 600));
    expect(await findById(app.id)).toBeDefined();
    const db = await database();
    await db.updateTable("applications").set({ lease_until: null, lease_owner: null }).where("id", "=", app.id).execute();
    expect(await processApplication(app.id)).toEqual({ kind: "delivered" });
    expect(await withdrawing).toBe("withdrawn");
    expect(await candidates("racing@example.com")).toHaveLength(1);
  });

  it("exports what it holds, and erases it at once from the status link, logging counts but no one's data", async () => {
    const { app, token } = await newApplication("erase");
    await insertApplication(app);
    const db = await database();
    await db
      .insertInto("application_drafts")
      .values({ token_hash: "h1", job_uuid: app.jobUuid, job_slug: app.jobSlug, locale: "en", email: "erase@example.com", payload: "{}", created_at: Date.now(), expires_at: Date.now() + 86_400_000 })
      .execute();
    const receipt = (await findReceipt(token))!;
    const exported = await exportForReceipt(receipt);
    expect(exported.applications[0]).toMatchObject({
      email: "erase@example.com",
      details: { phone: "+353 1 555 0100", city: "Dublin", coverLetter: "I would like this job.", consentToTalentDatabase: true },
      resume: { name: "cv.pdf", bytes: PDF.length, heldByThisSite: true },
    });
    expect(exported.retentionDays).toMatchObject({ detailsAfterDelivery: 30, statusLink: 180 });

    const counts = await eraseReceipt(receipt);
    expect(counts).toMatchObject({ applications: 1, resumes: 1, receipts: 1, drafts: 1 });
    for (const table of ["applications", "resume_chunks", "application_receipts", "application_drafts"] as const) expect(await count(table), table).toBe(0);
    expect(await findReceipt(token)).toBeNull();
    // Nothing is left to deliver.
    expect(await processApplication(app.id)).toEqual({ kind: "busy" });
    const log = JSON.stringify(await db.selectFrom("erasures").selectAll().execute());
    expect(log).not.toMatch(/erase@example|Ada|Lovelace|Dublin/);
    expect(await asServer("test", () => recentErasures())).toEqual([expect.objectContaining({ origin: "status-page", counts: expect.objectContaining({ applications: 1 }) })]);
  });

  it("from the alert link, exports and erases everything kept under the address, and nothing of anyone else's", async () => {
    const mine = await newApplication("owner");
    const theirs = await newApplication("someone-else");
    await insertApplication(mine.app);
    await insertApplication(theirs.app);
    await processApplication(mine.app.id);
    const db = await database();
    await db
      .insertInto("alert_subscriptions")
      .values({ id: "sub-1", email: "owner@example.com", filters: "{}", status: "confirmed", created_at: Date.now(), confirmed_at: Date.now(), last_digest_at: null, locale: "en" })
      .execute();
    await db
      .insertInto("mail_outbox")
      .values({ id: "m-1", kind: "digest", subscription_id: "sub-1", to_address: "Owner@Example.com", subject: "s", text_body: "t", html_body: "h", headers: "{}", status: "pending", attempts: 0, next_attempt_at: Date.now(), created_at: Date.now() })
      .execute();
    const exported = await exportForEmail("OWNER@example.com");
    expect(exported.jobAlerts).toHaveLength(1);
    expect(exported.applications).toHaveLength(1);
    expect(exported.applications[0]!.sentToHiringTeamAt).not.toBeNull();
    expect(JSON.stringify(exported)).not.toContain("someone-else");

    const counts = await eraseEmail("owner@example.com");
    expect(counts).toMatchObject({ applications: 1, receipts: 1, alerts: 1, emails: 1 });
    expect(await findReceipt(mine.token)).toBeNull();
    expect(await findReceipt(theirs.token)).not.toBeNull();
    expect(await findById(theirs.app.id)).toBeDefined();
    expect(await count("alert_subscriptions")).toBe(0);
  });

  it("answers the status page's forms: a guessed link goes to the page that shows nothing; export is a private download", async () => {
    const { app, token } = await newApplication("forms");
    await insertApplication(app);
    const guessed = await form({ token: newReceiptToken(), action: "erase", locale: "en" });
    expect(guessed.status).toBe(303);
    expect(guessed.headers.get("location")).toBe("/status");
    expect(await count("applications")).toBe(1);

    const exported = await form({ token, action: "export", locale: "en" });
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-disposition")).toContain("attachment");
    expect(exported.headers.get("referrer-policy")).toBe("same-origin");
    expect(exported.headers.get("cache-control")).toBe("no-store");
    expect(((await exported.json()) as { applications: Array<{ email: string }> }).applications[0]!.email).toBe("forms@example.com");

    const resume = await form({ token, action: "resume", locale: "en" });
    expect(Buffer.from(await resume.arrayBuffer()).equals(PDF)).toBe(true);

    const withdrawn = await form({ token, action: "withdraw", locale: "de" });
    expect(withdrawn.headers.get("location")).toBe(`/de/status?token=${token}`);
    expect((await findReceipt(token))?.withdrawal).toBe("cancelled");

    const erased = await form({ token, action: "erase", locale: "en" });
    expect(erased.headers.get("location")).toBe("/status?erased=1");
    expect(await findReceipt(token)).toBeNull();

    // A script hammering the form from one address is slowed down.
    const answers = [];
    for (let i = 0; i < 12; i++) answers.push((await form({ token: newReceiptToken(), action: "export" }, "198.51.100.9")).status);
    expect(answers).toContain(429);
  });
});
