import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { processApplication } from "@/lib/applications/deliver";
import { runOutboxOnce } from "@/lib/applications/worker";
import { claim, findById, insertApplication, markDelivered, pruneDelivered, queueStats, type NewApplication } from "@/lib/applications/outbox";
import { resumePath, sniffResume, storeResume } from "@/lib/applications/resume";
import { applicationSchema, type ApplicationFormDefinition } from "@/lib/applications/schema";
import { closeDb, database } from "@/lib/db";
import { resetEnv } from "@/lib/env";
import { findJobForApplication, listJobs } from "@/lib/occupop";
import { doc, docx, otherCompoundFile } from "../helpers/documents";
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

  it("refuses a renamed executable, text, and a compound file that is not a Word document", async () => {
    for (const bytes of [Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"), Buffer.from("just words"), otherCompoundFile()]) {
      const result = await sniffResume(file(bytes, "cv.pdf", "application/pdf"));
      expect(result.ok).toBe(false);
    }
  });
});

describe("the outbox", () => {
  let dir: string;
  let emulator: Awaited<ReturnType<typeof startEmulator>>;

  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(async () => {
    await emulator.stop();
  });
  beforeEach(async () => {
    await closeDb();
    dir = mkdtempSync(join(tmpdir(), "outbox-test-"));
    process.env.DATA_DIR = dir;
    process.env.OCCUPOP_TIMEOUT_MS = "400";
    resetEnv();
    await emulator.control("/reset", "POST");
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function newApplication(tag: string, withResume = true): Promise<NewApplication> {
    const jobs = await listJobs();
    const job = jobs.find((j) => j.isOpen && j.requiresCv && !j.questions.length)!;
    const id = crypto.randomUUID();
    const stored = withResume ? await storeResume(id, file(PDF, "cv.pdf")) : null;
    return {
      id,
      idempotencyKey: `key-${tag}-${id}`,
      jobUuid: job.uuid,
      jobSlug: job.slug,
      jobTitle: job.title,
      dedupeKey: `dedupe-${tag}`,
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
      resume: stored ? { name: "cv.pdf", type: "application/pdf", ...stored } : null,
    };
  }

  const candidates = async (email: string) =>
    ((await (await emulator.control(`/candidates?email=${email}`)).json()) as { data: Array<{ upload: { sha256: string } }> }).data;

  it("writes the resume atomically, with its sha256", async () => {
    const id = crypto.randomUUID();
    const stored = await storeResume(id, file(PDF, "cv.pdf"));
    expect(stored).toEqual({ size: PDF.length, sha256: createHash("sha256").update(PDF).digest("hex") });
    expect(readFileSync(resumePath(id)).equals(PDF)).toBe(true);
    expect(existsSync(`${resumePath(id)}.part`)).toBe(false);
  });

  it("stores an idempotency key once: a second insert returns the first", async () => {
    const app = await newApplication("idem");
    const first = await insertApplication(app);
    const second = await insertApplication({ ...app, id: crypto.randomUUID() });
    expect(first.inserted).toBe(true);
    expect(second.inserted).toBe(false);
    expect(second.record.id).toBe(app.id);
  });

  it("lets one deliverer at a time hold a lease", async () => {
    const app = await newApplication("lease");
    await insertApplication(app);
    expect(await claim(app.id, 10_000)).toBe(true);
    expect(await claim(app.id, 10_000)).toBe(false);
    expect(await processApplication(app.id)).toEqual({ kind: "busy" });
  });

  it("delivers once, with the exact bytes, then deletes the local resume", async () => {
    const app = await newApplication("deliver");
    await insertApplication(app);
    expect(await processApplication(app.id)).toEqual({ kind: "delivered" });
    const [candidate] = await candidates("deliver@example.com");
    expect(candidate?.upload.sha256).toBe(app.resume?.sha256);
    expect(existsSync(resumePath(app.id))).toBe(false);
    expect(await findById(app.id)).toMatchObject({ status: "delivered", step: "created", resume_stored: 0 });
    // Nothing can deliver it again.
    expect(await processApplication(app.id)).toEqual({ kind: "busy" });
    expect(await candidates("deliver@example.com")).toHaveLength(1);
  });

  it("after an upload, a retry skips straight to creating the candidate", async () => {
    const app = await newApplication("steps");
    await insertApplication(app);
    await emulator.control("/faults", "POST", { target: "create", kind: "500" });
    expect((await processApplication(app.id)).kind).toBe("queued");
    expect(await findById(app.id)).toMatchObject({ status: "pending", step: "uploaded", attempts: 1 });
    const db = await database();
    await db.updateTable("applications").set({ next_attempt_at: 0 }).where("id", "=", app.id).execute();
    await emulator.control("/requests", "DELETE");
    expect(await processApplication(app.id)).toEqual({ kind: "delivered" });
    const log = (await (await emulator.control("/requests")).json()) as { data: Array<{ target: string }> };
    expect(log.data.filter((r) => r.target === "upload")).toHaveLength(0);
    expect(await candidates("steps@example.com")).toHaveLength(1);
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
    const app = await newApplication("prune", false);
    await insertApplication(app);
    await markDelivered(app.id, "1", Date.now() - 40 * 86_400_000);
    expect(await pruneDelivered(30)).toBe(1);
    expect(await findById(app.id)).toBeUndefined();
  });

  it("finds a fresh job with its signed URL for every delivery", async () => {
    const jobs = await listJobs();
    const a = await findJobForApplication(jobs[0]!.uuid);
    const b = await findJobForApplication(jobs[0]!.uuid);
    expect(a?.uploadUrl).not.toBe(b?.uploadUrl);
  });
});
