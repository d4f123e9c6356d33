import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { deliverClaimed, processApplication } from "@/lib/applications/deliver";
import {
  claim,
  claimDue,
  findById,
  insertApplication,
  markDelivered,
  pruneDelivered,
  queueStats,
  renewLease,
  scheduleRetry,
  type NewApplication,
} from "@/lib/applications/outbox";
import { sniffResume } from "@/lib/applications/resume";
import { CHUNK_BYTES, importLegacyResumes, readResumeChunks } from "@/lib/applications/resume-store";
import { applicationSchema, type ApplicationFormDefinition } from "@/lib/applications/schema";
import { runOutboxOnce } from "@/lib/applications/worker";
import { database } from "@/lib/db";
import { resetEnv } from "@/lib/env";
import { findJobForApplication, listJobs } from "@/lib/occupop";
import { DATABASES, freshDatabase } from "../helpers/databases";
import { doc, docWithMacros, docx, docxBomb, docxMacroContentType, docxManyParts, docxWithMacros, otherCompoundFile } from "../helpers/documents";
import { startEmulator } from "../helpers/emulator";

const definition: ApplicationFormDefinition = {
  jobUuid: "j",
  jobSlug: "j",
  jobTitle: "Job",
  requiresCv: true,
  optInJob: true,
  optInDatabase: false,
  questions: [
    { text: "Licence?", kind: "yes-no", options: ["Yes", "No"] },
    { text: "Anything else?", kind: "text", options: [] },
  ],
  defaultCountry: "IE",
};

const file = (bytes: Buffer | string, name: string, type = "") => new File([new Uint8Array(Buffer.from(bytes))], name, { type });
const PDF = Buffer.from("%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF\n");

describe("the application schema (shared by browser and server)", () => {
  const schema = applicationSchema(definition);
  const valid = {
    firstName: " Ada ",
    lastName: "Lovelace",
    email: "ada@example.com",
    phone: "",
    linkedin: "linkedin.com/in/ada",
    city: "",
    region: "",
    country: "ie",
    coverLetter: "Line one\r\nLine two",
    resume: file(PDF, "cv.pdf", "application/pdf"),
    consentJob: "on",
    answer_0: "Yes",
    answer_1: "Nothing",
  };

  it("accepts a complete application and normalises it", () => {
    const out = schema.parse(valid) as Record<string, unknown>;
    expect(out).toMatchObject({ firstName: "Ada", country: "IE", linkedin: "https://linkedin.com/in/ada", coverLetter: "Line one\nLine two", consentJob: true });
  });

  it("names each problem in words a person can act on", () => {
    const result = schema.safeParse({ ...valid, firstName: "", email: "ada@", linkedin: "https://evil.example/in/ada", consentJob: undefined, answer_0: "Maybe", resume: file("x", "cv.exe") });
    expect(result.success).toBe(false);
    const errors = Object.fromEntries(result.error!.issues.map((i) => [String(i.path[0]), i.message]));
    expect(errors).toEqual({
      firstName: "Enter your first name",
      email: "Enter an email address like name@example.com",
      linkedin: "Enter a linkedin.com profile address, like linkedin.com/in/your-name",
      consentJob: "Tick this box so we can consider you for this job",
      answer_0: "Choose one of the options",
      resume: "Choose a PDF, DOC or DOCX file",
    });
  });

  it("requires a resume only when the job does, and refuses 50 MB + 1 byte", () => {
    expect(schema.safeParse({ ...valid, resume: new File([], "") }).success).toBe(false);
    // An empty file input, however the transport names it, is no resume at all.
    for (const name of ["", "blob", "undefined"]) {
      expect(applicationSchema({ ...definition, requiresCv: false }).safeParse({ ...valid, resume: new File([], name) }).success).toBe(true);
    }
    expect(schema.safeParse({ ...valid, resume: new File([], "cv.pdf") }).error?.issues[0]?.message).toBe("That file is empty: choose your resume again");
    const huge = { size: 50 * 1024 * 1024 + 1, name: "cv.pdf", type: "application/pdf" };
    const big = Object.setPrototypeOf(huge, File.prototype) as File;
    const result = schema.safeParse({ ...valid, resume: big });
    expect(result.error?.issues[0]?.message).toBe("That file is 50.0 MB: the resume can be at most 50 MB");
  });
});

describe("sniffResume", () => {
  it("accepts PDF, DOCX and Word 97 documents by content", async () => {
    expect(await sniffResume(file(PDF, "cv.pdf"))).toEqual({ ok: true, mime: "application/pdf" });
    expect(await sniffResume(file(docx(), "cv.docx"))).toEqual({
      ok: true,
      mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    });
    expect(await sniffResume(file(doc(), "cv.doc"))).toEqual({ ok: true, mime: "application/msword" });
  });

  it("refuses Word files with macros, whatever their name", async () => {
    for (const [bytes, name] of [[docxWithMacros(), "cv.docx"], [docxMacroContentType(), "cv.docx"], [docWithMacros(), "cv.doc"]] as const) {
      const result = await sniffResume(file(bytes, name));
      expect(result, name).toEqual({ ok: false, problem: expect.stringContaining("contains macros") });
    }
  });

  it("refuses a DOCX shaped like a zip bomb from its table of contents, without unpacking it", async () => {
    for (const bytes of [docxBomb(), docxManyParts()]) {
      const result = await sniffResume(file(bytes, "cv.docx"));
      expect(result).toEqual({ ok: false, problem: expect.stringContaining("does not look like a normal Word document") });
    }
  });

  it("refuses a renamed executable, text, and a compound file that is not a Word document", async () => {
    for (const bytes of [Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"), Buffer.from("just words"), otherCompoundFile()]) {
      const result = await sniffResume(file(bytes, "cv.pdf", "application/pdf"));
      expect(result.ok).toBe(false);
    }
  });
});

describe.each(DATABASES)("the outbox on %s", (kind) => {
  let dir: string;
  let emulator: Awaited<ReturnType<typeof startEmulator>>;

  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(async () => {
    await emulator.stop();
  });
  beforeEach(async () => {
    dir = await freshDatabase(kind);
    process.env.OCCUPOP_TIMEOUT_MS = "400";
    resetEnv();
    await emulator.control("/reset", "POST");
  });

  async function newApplication(tag: string, resumeBytes: Buffer | null = PDF): Promise<NewApplication> {
    const jobs = await listJobs();
    const job = jobs.find((j) => j.isOpen && j.requiresCv && !j.questions.length)!;
    const id = crypto.randomUUID();
    return {
      id,
      idempotencyKey: `key-${tag}-${id}`,
      jobUuid: job.uuid,
      jobSlug: job.slug,
      jobTitle: job.title,
      dedupeKey: `dedupe-${tag}`,
      duplicateOf: null,
      payload: {
        firstName: "Ada",
        lastName: "Lovelace",
        email: `${tag}@example.com`,
        phone: "",
        linkedin: "",
        city: "",
        region: "",
        countryCode: "IE",
        coverLetter: "",
        source: "test",
        answers: [],
        consentJob: null,
        consentDatabase: null,
      },
      resume: resumeBytes ? { name: "cv.pdf", type: "application/pdf", file: file(resumeBytes, "cv.pdf") } : null,
    };
  }

  const sha = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
  const candidates = async (email: string) =>
    ((await (await emulator.control(`/candidates?email=${email}`)).json()) as { data: Array<{ upload: { sha256: string; size: number } }> }).data;
  const chunkCount = async (id: string) => {
    const db = await database();
    const row = await db.selectFrom("resume_chunks").select((eb) => eb.fn.countAll<number>().as("n")).where("application_id", "=", id).executeTakeFirst();
    return Number(row?.n ?? 0);
  };
  const readBack = async (id: string, size: number) => Buffer.from(await new Response(readResumeChunks(id, size)).arrayBuffer());

  it("stores the application and its resume together, in 1 MiB rows, with its sha256", async () => {
    const bytes = Buffer.concat([Buffer.from("%PDF-1.7\n"), randomBytes(2 * CHUNK_BYTES + 12_345)]);
    const app = await newApplication("chunks", bytes);
    const { record } = await insertApplication(app);
    expect(record).toMatchObject({ resume_size: bytes.length, resume_sha256: sha(bytes), resume_stored: 1 });
    expect(await chunkCount(app.id)).toBe(3);
    expect((await readBack(app.id, bytes.length)).equals(bytes)).toBe(true);
  });

  it("stores an idempotency key once: a second insert returns the first and stores no second resume", async () => {
    const app = await newApplication("idem");
    const first = await insertApplication(app);
    const second = await insertApplication({ ...app, id: crypto.randomUUID() });
    expect(first.inserted).toBe(true);
    expect(second.inserted).toBe(false);
    expect(second.record.id).toBe(app.id);
    const db = await database();
    const rows = await db.selectFrom("resume_chunks").select("application_id").execute();
    expect(new Set(rows.map((r) => r.application_id))).toEqual(new Set([app.id]));
  });

  it("lets one deliverer at a time hold a lease", async () => {
    const app = await newApplication("lease");
    await insertApplication(app);
    expect(await claim(app.id, "server-a", 10_000)).toBe(true);
    expect(await claim(app.id, "server-b", 10_000)).toBe(false);
    expect(await processApplication(app.id)).toEqual({ kind: "busy" });
  });

  it("gives each of several concurrent claimers different applications", async () => {
    const apps = await Promise.all(Array.from({ length: 24 }, (_, i) => newApplication(`many-${i}`, null)));
    for (const app of apps) await insertApplication(app);
    // A claim takes at most what it asks for.
    expect(await claimDue("first", 4, 10_000)).toHaveLength(4);
    const db = await database();
    await db.updateTable("applications").set({ lease_until: null, lease_owner: null }).execute();
    const claimed = await Promise.all(["a", "b", "c", "d"].map((owner) => claimDue(owner, 24, 10_000)));
    const all = claimed.flat();
    expect(all).toHaveLength(24);
    expect(new Set(all).size).toBe(24);
    expect(await claimDue("e", 24, 10_000)).toEqual([]);
  });

  it("hands a dead server's lease to another once it runs out, and fences the old owner", async () => {
    const app = await newApplication("takeover");
    await insertApplication(app);
    expect(await claim(app.id, "dead-server", 50)).toBe(true);
    expect(await claimDue("live-server", 10, 10_000)).toEqual([]);
    await new Promise((r) => setTimeout(r, 80));
    expect(await claimDue("live-server", 10, 10_000)).toEqual([app.id]);
    // The old owner, waking up, can neither renew nor reschedule what is no longer its own.
    expect(await renewLease(app.id, "dead-server", 10_000)).toBe(false);
    await scheduleRetry(app.id, "dead-server", "late", Date.now() + 60_000);
    expect(await findById(app.id)).toMatchObject({ lease_owner: "live-server", attempts: 0, last_error: null });
    expect(await renewLease(app.id, "live-server", 10_000)).toBe(true);
  });

  it("delivers once, with the exact bytes, then deletes the stored resume", async () => {
    const bytes = Buffer.concat([Buffer.from("%PDF-1.7\n"), randomBytes(CHUNK_BYTES + 7)]);
    const app = await newApplication("deliver", bytes);
    await insertApplication(app);
    expect(await processApplication(app.id)).toEqual({ kind: "delivered" });
    const [candidate] = await candidates("deliver@example.com");
    expect(candidate?.upload).toMatchObject({ sha256: sha(bytes), size: bytes.length });
    expect(await chunkCount(app.id)).toBe(0);
    expect(await findById(app.id)).toMatchObject({ status: "delivered", step: "created", resume_stored: 0, lease_owner: null });
    // Nothing can deliver it again.
    expect(await processApplication(app.id)).toEqual({ kind: "busy" });
    expect(await candidates("deliver@example.com")).toHaveLength(1);
  });

  it("after an upload, a retry skips straight to creating the candidate", async () => {
    const app = await newApplication("steps");
    await insertApplication(app);
    await emulator.control("/faults", "POST", { target: "create", kind: "500" });
    expect((await processApplication(app.id)).kind).toBe("queued");
    expect(await findById(app.id)).toMatchObject({ status: "pending", step: "uploaded", attempts: 1, lease_owner: null });
    const db = await database();
    await db.updateTable("applications").set({ next_attempt_at: 0 }).where("id", "=", app.id).execute();
    await emulator.control("/requests", "DELETE");
    expect(await processApplication(app.id)).toEqual({ kind: "delivered" });
    const log = (await (await emulator.control("/requests")).json()) as { data: Array<{ target: string }> };
    expect(log.data.filter((r) => r.target === "upload")).toHaveLength(0);
    expect(await candidates("steps@example.com")).toHaveLength(1);
  });

  it("does not create once another server has taken the lease over, though the holder's timer never noticed", async () => {
    const app = await newApplication("fenced");
    await insertApplication(app);
    await emulator.control("/faults", "POST", { target: "create", kind: "500" });
    expect((await processApplication(app.id)).kind).toBe("queued");
    const db = await database();
    await db.updateTable("applications").set({ next_attempt_at: 0 }).where("id", "=", app.id).execute();
    // Server A holds a long lease (its renewal timer would not fire for 10 s) and stalls on the
    // job listing; meanwhile its lease is taken over, as after a stall longer than the lease.
    expect(await claim(app.id, "server-a", 30_000)).toBe(true);
    await emulator.control("/faults", "POST", { target: "list", kind: "latency", latencyMs: 400 });
    const delivering = deliverClaimed(app.id, "server-a");
    await new Promise((r) => setTimeout(r, 100));
    await db.updateTable("applications").set({ lease_owner: "server-b", lease_until: Date.now() + 30_000 }).where("id", "=", app.id).execute();
    expect(await delivering).toEqual({ kind: "busy" });
    expect(await candidates("fenced@example.com")).toHaveLength(0);
    expect(await findById(app.id)).toMatchObject({ status: "pending", lease_owner: "server-b" });
  });

  it("counts a create whose answer never came, and gets a fresh upload URL after an expired one", async () => {
    const app = await newApplication("uncertain");
    await insertApplication(app);
    await emulator.control("/faults", "POST", { target: "upload", kind: "403" });
    expect((await processApplication(app.id)).kind).toBe("queued");
    await emulator.control("/faults", "POST", { target: "create", kind: "hang" });
    expect((await processApplication(app.id)).kind).toBe("queued");
    expect(await findById(app.id)).toMatchObject({ uncertain_creates: 1 });
    expect((await queueStats()).uncertainCreates).toBe(1);
    expect(await processApplication(app.id)).toEqual({ kind: "delivered" });
  });

  it("stops for good on a 422, a closed job, or a refused token, and keeps the reason", async () => {
    const rejected = await newApplication("rejected");
    await insertApplication(rejected);
    await emulator.control("/faults", "POST", { target: "create", kind: "422", errors: { email: ["The email is on a blocklist."] } });
    expect(await processApplication(rejected.id)).toMatchObject({ kind: "failed", reason: "rejected", fieldErrors: { email: ["The email is on a blocklist."] } });
    expect(await findById(rejected.id)).toMatchObject({ status: "failed", failure_reason: expect.stringContaining("blocklist") });

    const refused = await newApplication("refused");
    await insertApplication(refused);
    await emulator.control("/faults", "POST", { target: "list", kind: "403" });
    expect(await processApplication(refused.id)).toMatchObject({ kind: "failed", reason: "refused" });

    // Once Occupop accepts the token again, the held-back application goes by itself; a rejected one stays failed.
    expect(await findById(refused.id)).toMatchObject({ failure_kind: "auth" });
    process.env.OUTBOX_AUTH_RECHECK_MS = "100";
    resetEnv();
    await runOutboxOnce();
    expect(await findById(refused.id)).toMatchObject({ status: "delivered" });
    expect(await findById(rejected.id)).toMatchObject({ status: "failed", failure_kind: "rejected" });

    const closed = await newApplication("closed");
    await insertApplication(closed);
    await emulator.control(`/jobs/${closed.jobUuid}`, "PATCH", { closed_for_applicants: true });
    expect(await processApplication(closed.id)).toMatchObject({ kind: "failed", reason: "closed" });
    expect(await findById(closed.id)).toMatchObject({ status: "failed", failure_kind: "closed" });
    expect(await queueStats()).toMatchObject({ failed: 2, pending: 0, delivered: 1 });
  });

  it("prunes delivered applications past the retention window", async () => {
    const app = await newApplication("prune", null);
    await insertApplication(app);
    await markDelivered(app.id, "1", Date.now() - 40 * 86_400_000);
    expect(await pruneDelivered(30)).toBe(1);
    expect(await findById(app.id)).toBeUndefined();
  });

  it("moves a resume a previous version left in DATA_DIR/outbox into the database", async () => {
    const bytes = Buffer.concat([Buffer.from("%PDF-1.4\n"), randomBytes(5000)]);
    const app = await newApplication("legacy", null);
    await insertApplication(app);
    const db = await database();
    await db.updateTable("applications").set({ resume_stored: 1, resume_size: bytes.length, resume_name: "cv.pdf", resume_type: "application/pdf" }).where("id", "=", app.id).execute();
    mkdirSync(join(dir, "outbox"), { recursive: true });
    writeFileSync(join(dir, "outbox", `${app.id}.bin`), bytes);
    expect(await importLegacyResumes()).toBe(1);
    expect((await readBack(app.id, bytes.length)).equals(bytes)).toBe(true);
    expect(await processApplication(app.id)).toEqual({ kind: "delivered" });
    expect((await candidates("legacy@example.com"))[0]?.upload.sha256).toBe(sha(bytes));
  });
});

describe("the adapter", () => {
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(async () => {
    await emulator.stop();
  });

  it("finds a fresh job with its signed URL for every delivery", async () => {
    const jobs = await listJobs();
    const a = await findJobForApplication(jobs[0]!.uuid);
    const b = await findJobForApplication(jobs[0]!.uuid);
    expect(a?.uploadUrl).not.toBe(b?.uploadUrl);
  });
});
