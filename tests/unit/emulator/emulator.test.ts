// The emulator's contract: what ../shared/occupop-api.md says Occupop does, checked over HTTP.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createEmulator, type Emulator } from "@/emulator/server";

const TOKEN = "emulator-test-token";
let emulator: Emulator;
let base: string;
let dir: string;

type Page = {
  data: Array<Record<string, unknown> & { uuid: string; cv_upload_signed_url: string; closed_for_applicants: boolean }>;
  links: Record<string, string | null>;
  meta: { current_page: number; last_page: number; per_page: number; total: number; path: string };
};

const auth = { Authorization: `Bearer ${TOKEN}` };
const get = (path: string, headers: Record<string, string> = auth) => fetch(`${base}${path}`, { headers });
const control = (path: string, method: string, body?: unknown) =>
  fetch(`${base}/_emulator${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });

async function allJobs(): Promise<Page["data"]> {
  const first = (await (await get("/rest/jobs?page=1")).json()) as Page;
  const rest = await Promise.all(
    Array.from({ length: first.meta.last_page - 1 }, async (_, i) => ((await (await get(`/rest/jobs?page=${i + 2}`)).json()) as Page).data),
  );
  return [...first.data, ...rest.flat()];
}

function post(uuid: string, body: unknown) {
  return fetch(`${base}/rest/jobs/${uuid}/candidates`, {
    method: "POST",
    headers: { ...auth, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}

const PDF: Uint8Array<ArrayBuffer> = new Uint8Array(Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "emulator-test-"));
  emulator = createEmulator({ token: TOKEN, dataDir: dir, signedUrlTtlSeconds: 900 });
  base = await emulator.listen(0);
});
afterAll(async () => {
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  await control("/reset", "POST");
});

describe("authentication", () => {
  it("accepts Bearer and raw tokens, and refuses anything else with Occupop's 403", async () => {
    expect((await get("/rest/jobs", { Authorization: `Bearer ${TOKEN}` })).status).toBe(200);
    expect((await get("/rest/jobs", { Authorization: TOKEN })).status).toBe(200);
    const refused: Array<Record<string, string>> = [{}, { Authorization: "Bearer wrong" }, { Authorization: `Basic ${TOKEN}` }];
    for (const headers of refused) {
      const res = await get("/rest/jobs", headers);
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ message: "not authorized (or invalid auth token)" });
    }
  });
});

describe("GET /rest/jobs", () => {
  it("paginates 15 per page with Laravel links and meta in http://, newest first", async () => {
    const res = await get("/rest/jobs?page=1");
    const page = (await res.json()) as Page;
    expect(page.data).toHaveLength(15);
    expect(page.meta).toMatchObject({ current_page: 1, per_page: 15, last_page: Math.ceil(page.meta.total / 15) });
    expect(page.meta.last_page).toBeGreaterThanOrEqual(2);
    expect(page.links.next).toMatch(/^http:\/\/.*\/rest\/jobs\?page=2$/);
    expect(page.links.prev).toBeNull();
    const jobs = await allJobs();
    expect(jobs.length).toBe(page.meta.total);
    const created = jobs.map((j) => Date.parse(String(j.created_at)));
    expect(created).toEqual([...created].sort((a, b) => b - a));
  });

  it("is seeded with the variety the site must handle", async () => {
    const jobs = await allJobs();
    const open = jobs.filter((j) => !j.closed_for_applicants);
    expect(jobs.length).toBeGreaterThanOrEqual(24);
    expect(jobs.length - open.length).toBeGreaterThanOrEqual(2);
    const values = (key: string) => new Set(jobs.map((j) => JSON.stringify(j[key])));
    const countries = new Set(jobs.map((j) => (j.location as { countryShort?: string } | null)?.countryShort).filter(Boolean));
    expect(countries.size).toBeGreaterThanOrEqual(4);
    expect(values("workplace")).toEqual(new Set(['"onSite"', '"hybrid"', '"remote"']));
    expect(values("period")).toEqual(new Set(['"Fulltime"', '"Parttime"']));
    expect([...values("contract")]).toEqual(expect.arrayContaining(['"Permanent"', '"Temporary"']));
    const salaries = jobs.map((j) => j.salary as { type: string; period: string });
    expect(salaries.some((s) => s.type === "Competitive")).toBe(true);
    expect(salaries.some((s) => s.type === "Range" && s.period === "Annual")).toBe(true);
    expect(salaries.some((s) => s.type === "Range" && s.period === "Hourly")).toBe(true);
    const types = new Set(jobs.flatMap((j) => (j.questions_form as Array<{ type: string }>).map((q) => q.type)));
    expect(types).toContain("YesNo");
    expect(types).toContain("Options");
    expect(jobs.some((j) => (j.questions_form as unknown[]).length === 0)).toBe(true);
    for (const flag of ["require_opt_in_for_job", "require_opt_in_for_database"]) {
      expect(values(flag)).toEqual(new Set(["true", "false"]));
    }
    expect(jobs.filter((j) => j.require_cv === false)).toHaveLength(1);
    const descriptions = jobs.map((j) => String(j.description));
    expect(descriptions.some((d) => d.includes("<p><br></p>") && d.includes("&nbsp;") && d.includes('style="color:'))).toBe(true);
    const hostile = descriptions.filter((d) => d.includes("<script>") && d.includes("onerror=") && d.includes("javascript:"));
    expect(hostile).toHaveLength(1);
  });

  it("mints a fresh, unique signed upload URL per job in every response", async () => {
    const a = await allJobs();
    const b = await allJobs();
    const urls = [...a, ...b].map((j) => j.cv_upload_signed_url);
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls[0]).toMatch(/\?expires=\d+&signature=[a-f0-9]{64}$/);
  });
});

describe("signed upload URLs", () => {
  async function signedUrl(index = 0) {
    return (await allJobs())[index]!.cv_upload_signed_url;
  }
  const put = (url: string, body: Uint8Array<ArrayBuffer> | string = PDF, headers: Record<string, string> = {}) =>
    fetch(url, { method: "PUT", body, headers: { "Content-Type": "application/pdf", ...headers } });

  it("accepts one upload, then refuses the same URL again", async () => {
    const url = await signedUrl();
    expect((await put(url)).status).toBe(200);
    const again = await put(url);
    expect(again.status).toBe(403);
    expect(await again.text()).toContain("already been used");
  });

  it("refuses a tampered signature, a swapped expiry and an unknown object", async () => {
    const url = await signedUrl();
    const tampered = url.replace(/signature=([a-f0-9])/, (_m, c: string) => `signature=${c === "a" ? "b" : "a"}`);
    expect((await put(tampered)).status).toBe(403);
    const later = url.replace(/expires=(\d+)/, (_m, e: string) => `expires=${Number(e) + 1000}`);
    expect((await put(later)).status).toBe(403);
    expect((await put(url.replace(/resumes\/[a-f0-9]{32}/, `resumes/${"0".repeat(32)}`))).status).toBe(403);
    // The genuine URL was never consumed by those attempts.
    expect((await put(url)).status).toBe(200);
  });

  it("refuses an expired URL", async () => {
    await control("/config", "POST", { signedUrlTtlSeconds: 0.2 });
    const url = await signedUrl();
    await new Promise((r) => setTimeout(r, 300));
    const res = await put(url);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("expired");
    await control("/config", "POST", { signedUrlTtlSeconds: 900 });
  });

  it("records a token sent to storage as a defect", async () => {
    await put(await signedUrl(), PDF, { Authorization: `Bearer ${TOKEN}` });
    const defects = (await (await control("/defects", "GET")).json()) as { data: Array<{ kind: string }> };
    expect(defects.data.map((d) => d.kind)).toEqual(["credential-sent-to-storage"]);
  });
});

describe("POST /rest/jobs/{uuid}/candidates", () => {
  async function openJob(predicate: (j: Page["data"][number]) => boolean = () => true) {
    return (await allJobs()).find((j) => !j.closed_for_applicants && predicate(j))!;
  }

  it("answers 422 with Laravel field errors for missing or invalid names and email", async () => {
    const job = await openJob((j) => j.require_cv === false);
    const res = await post(job.uuid, { email: "not-an-email", first_name: "" });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { message: string; errors: Record<string, string[]> };
    expect(Object.keys(body.errors).sort()).toEqual(["email", "first_name", "last_name"]);
    expect(body.errors.email?.[0]).toMatch(/valid email/);
  });

  it("requires an uploaded file when the job requires a CV, and refuses a file that was never uploaded", async () => {
    const job = await openJob((j) => j.require_cv === true);
    const person = { email: "a@example.com", first_name: "A", last_name: "B" };
    const missing = await post(job.uuid, person);
    expect(missing.status).toBe(422);
    expect(((await missing.json()) as { errors: object }).errors).toHaveProperty("file_url");
    const fake = await post(job.uuid, { ...person, file_url: `${base}/storage/resumes/${"a".repeat(32)}` });
    expect(fake.status).toBe(422);
  });

  it("creates a candidate with the documented shape, and keeps the payload for inspection", async () => {
    const job = await openJob((j) => j.require_cv === true);
    const upload = job.cv_upload_signed_url;
    expect((await fetch(upload, { method: "PUT", body: PDF, headers: { "Content-Type": "application/pdf" } })).status).toBe(200);
    const fileUrl = upload.split("?")[0];
    const payload = {
      email: "ada@example.com",
      first_name: "Ada",
      last_name: "Lovelace",
      landline: "+353 1 555 0100",
      linkedin: "https://www.linkedin.com/in/ada",
      profile: "Hello",
      location_city: "Dublin",
      location_state: "Leinster",
      location_country: "IE",
      source: "Kestrel careers",
      file_name: "cv.pdf",
      file_url: fileUrl,
      questions_form: [{ type: "YesNo", text: "Q?", options: ["Yes", "No"], answer: "Yes" }],
    };
    const res = await post(job.uuid, payload);
    expect(res.status).toBe(201);
    const { data } = (await res.json()) as { data: Record<string, unknown> };
    expect(data).toMatchObject({
      job_uuid: job.uuid,
      first_name: "Ada",
      email: "ada@example.com",
      phone: "+353 1 555 0100",
      source_name: "Kestrel careers",
      location: { city: "Dublin", state: "Leinster", country: "Ireland", country_short: "IE" },
      file: { name: "cv.pdf", url: fileUrl },
      questions_form: payload.questions_form,
    });
    for (const key of ["id", "uuid", "status", "hiring_flow_step", "total_score", "created_at", "received_at", "hired_at"]) {
      expect(data).toHaveProperty(key);
    }
    const inspected = (await (await control("/candidates?email=ada@example.com", "GET")).json()) as {
      data: Array<{ payload: unknown; upload: { sha256: string; contentType: string } }>;
    };
    expect(inspected.data).toHaveLength(1);
    expect(inspected.data[0]?.payload).toEqual(payload);
    const { createHash } = await import("node:crypto");
    expect(inspected.data[0]?.upload.sha256).toBe(createHash("sha256").update(PDF).digest("hex"));
    const nonce = fileUrl!.split("/").pop();
    const file = await control(`/files/${nonce}`, "GET");
    expect(Buffer.from(await file.arrayBuffer()).equals(Buffer.from(PDF))).toBe(true);
  });

  it("answers 404 for an unknown job and refuses a closed one", async () => {
    const person = { email: "a@example.com", first_name: "A", last_name: "B" };
    expect((await post("00000000-0000-4000-8000-000000000000", person)).status).toBe(404);
    const closed = (await allJobs()).find((j) => j.closed_for_applicants)!;
    const res = await post(closed.uuid, person);
    expect(res.status).toBe(422);
    expect(((await res.json()) as { message: string }).message).toMatch(/no longer accepting/);
  });
});

describe("the job controls", () => {
  it("posts a new job, listed first, with its own id, slug and dates", async () => {
    const res = await control("/jobs", "POST", { title: "Kayak Guide" });
    expect(res.status).toBe(201);
    const created = ((await res.json()) as { data: { uuid: string; unique_slug: string } }).data;
    const [first] = await allJobs();
    expect(first).toMatchObject({ uuid: created.uuid, title: "Kayak Guide", closed_for_applicants: false });
    expect(first!.unique_slug).toMatch(/^kayak-guide-[0-9a-f]{5}$/);
    expect(Date.now() - Date.parse(first!.created_at as string)).toBeLessThan(60_000);
    await control("/reset", "POST");
  });
});

describe("fault injection", () => {
  it("answers the next N matching requests with the fault, then recovers", async () => {
    await control("/faults", "POST", { target: "list", kind: "500", count: 2 });
    expect((await get("/rest/jobs")).status).toBe(500);
    expect((await get("/rest/jobs")).status).toBe(500);
    expect((await get("/rest/jobs")).status).toBe(200);
  });

  it("sends Retry-After with a 429, and 403 on demand", async () => {
    await control("/faults", "POST", { target: "create", kind: "429", retryAfter: 7 });
    const res = await post("x", {});
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("7");
    await control("/faults", "POST", { target: "list", kind: "403" });
    expect((await get("/rest/jobs")).status).toBe(403);
  });

  it("hangs until the client gives up, resets connections, and adds latency", async () => {
    await control("/faults", "POST", { target: "list", kind: "hang" });
    await expect(fetch(`${base}/rest/jobs`, { headers: auth, signal: AbortSignal.timeout(300) })).rejects.toThrow();
    await control("/faults", "POST", { target: "upload", kind: "reset" });
    const url = (await allJobs())[0]!.cv_upload_signed_url;
    await expect(fetch(url, { method: "PUT", body: PDF })).rejects.toThrow(/fetch failed/);
    await control("/faults", "POST", { target: "list", kind: "latency", latencyMs: 300 });
    const started = Date.now();
    expect((await get("/rest/jobs")).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
  });

  it("hits only the given share of matching requests, using up nothing on a miss", async () => {
    await control("/faults", "POST", { target: "list", kind: "500", count: 1000, probability: 0.3 });
    const statuses = [];
    for (let i = 0; i < 200; i++) statuses.push((await get("/rest/jobs")).status);
    const failed = statuses.filter((s) => s === 500).length;
    expect(failed).toBeGreaterThan(30);
    expect(failed).toBeLessThan(90);
    const rules = (await (await control("/faults", "GET")).json()) as { data: Array<{ remaining: number }> };
    expect(rules.data[0]?.remaining).toBe(1000 - failed);
    await control("/faults", "DELETE");
  });

  it("answers 422 with the given field errors", async () => {
    await control("/faults", "POST", { target: "create", kind: "422", errors: { email: ["The email has already been taken."] } });
    const res = await post("x", {});
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ message: "The email has already been taken.", errors: { email: ["The email has already been taken."] } });
  });

  it("counts requests by kind for tests that measure upstream traffic", async () => {
    await get("/rest/jobs?page=1");
    await get("/rest/jobs?page=2");
    const log = (await (await control("/requests", "GET")).json()) as { data: Array<{ target: string; page: number }> };
    expect(log.data.filter((r) => r.target === "list").map((r) => r.page)).toEqual([1, 2]);
  });
});
