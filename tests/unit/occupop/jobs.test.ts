import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetEnv } from "@/lib/env";
import { findJobForApplication, listJobs, OccupopError } from "@/lib/occupop";
import { json, scriptedServer } from "../../helpers/scripted-server";

const page1 = JSON.parse(readFileSync("tests/fixtures/occupop/jobs-page-1.json", "utf8"));
const page2 = JSON.parse(readFileSync("tests/fixtures/occupop/jobs-page-2.json", "utf8"));
const TOKEN = "unit-test-token-0123456789";

let server: Awaited<ReturnType<typeof scriptedServer>>;

async function serve(handler: Parameters<typeof scriptedServer>[0]) {
  server = await scriptedServer(handler);
  process.env.OCCUPOP_API_URL = `${server.origin}/rest`;
  process.env.OCCUPOP_API_TOKEN = TOKEN;
  resetEnv();
}

const pages = (req: { url: string }) => (new URL(req.url, "http://x").searchParams.get("page") === "2" ? page2 : page1);

beforeEach(() => {
  delete process.env.OCCUPOP_TIMEOUT_MS;
});
afterEach(async () => {
  await server?.close();
  vi.restoreAllMocks();
});

describe("listJobs", () => {
  it("reads every page from the configured base with the token, never following the http:// links", async () => {
    await serve((req, res) => json(res, 200, pages(req)));
    const jobs = await listJobs();
    expect(server.requests.map((r) => r.url).sort()).toEqual(["/rest/jobs?page=1", "/rest/jobs?page=2"]);
    for (const r of server.requests) expect(r.headers.authorization).toBe(`Bearer ${TOKEN}`);
    // The malformed job is skipped; the other four arrive, newest first.
    expect(jobs.map((j) => j.title)).toEqual(["Team Leader", "Night Porter", "Remote Support Agent", "Closed Role"]);
  });

  it("reshapes the wire job: camelCase location, decimal strings, sectors, flags, slug fallback", async () => {
    await serve((req, res) => json(res, 200, pages(req)));
    const jobs = await listJobs();
    const [leader, porter, remote, closed] = jobs;
    expect(leader).toMatchObject({
      uuid: "9b1f7c2e-3d4a-4e5f-8a6b-7c8d9e0f1a2b",
      slug: "team-leader-843d4",
      isOpen: true,
      location: { city: "Dublin", region: "County Dublin", country: "Ireland", countryCode: "IE" },
      departments: ["Retail"],
      schedule: "full-time",
      contract: { kind: "permanent", label: "Permanent" },
      workplace: "on-site",
      salary: { kind: "range", min: 35000, max: 42000, period: "year", details: null },
      questions: [{ type: "YesNo", kind: "yes-no", text: "Do you have a full driving licence?", options: ["Yes", "No", "Not sure"] }],
      requiresCv: true,
      requiresOptInForJob: true,
      requiresOptInForDatabase: false,
      postedAt: "2026-09-28T07:51:38.000Z",
      companyLogoUrl: "https://cdn.example.com/logo.png",
    });
    // Nulls everywhere are tolerated, and the uuid stands in for a missing slug.
    expect(porter).toMatchObject({
      slug: "2c4e6a8b-1111-4222-8333-444455556666",
      location: null,
      departments: [],
      questions: [],
      rawDescriptionHtml: "",
      salary: { kind: "competitive", min: null, max: null },
      schedule: "part-time",
      contract: { kind: "temporary" },
      workplace: "hybrid",
      requiresCv: false,
      companyLogoUrl: null,
    });
    expect(remote).toMatchObject({
      workplace: "remote",
      salary: { kind: "range", min: 14.5, max: 16, period: "hour", details: "Plus bonus" },
      location: { countryCode: "PT" },
      postedAt: "2026-09-21T09:00:00.000Z",
      closesAt: "2099-01-31T23:59:59.000Z",
      questions: [{ kind: "options", options: ["Early", "Late"] }],
    });
    expect(closed?.isOpen).toBe(false);
    // The signed upload URL is a credential: it never enters the cached Job.
    expect(JSON.stringify(jobs)).not.toContain("X-Amz-Signature");
  });

  it("skips a malformed job and logs why", async () => {
    process.env.LOG_LEVEL = "warn";
    const lines: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    await serve((req, res) => json(res, 200, pages(req)));
    const { logger } = await import("@/lib/log");
    logger().level = "warn";
    const jobs = await listJobs();
    logger().level = "silent";
    expect(jobs).toHaveLength(4);
    const warning = lines.map((l) => JSON.parse(l)).find((l) => l.msg === "skipping a malformed job from Occupop");
    expect(warning).toMatchObject({ page: 1, index: 2 });
    expect(warning.issues.join(" ")).toMatch(/uuid/);
  });

  it("fails as a whole, with a typed error, when a page is not the expected shape", async () => {
    await serve((_req, res) => json(res, 200, { jobs: [] }));
    await expect(listJobs()).rejects.toMatchObject({ kind: "invalid-response", retryable: false });
  });

  it("turns a refused token into a non-retryable 403 with Occupop's message, asked once", async () => {
    await serve((_req, res) => json(res, 403, { message: "not authorized (or invalid auth token)" }));
    const error = await listJobs().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OccupopError);
    expect(error).toMatchObject({ status: 403, message: "not authorized (or invalid auth token)", retryable: false, isAuthError: true });
    expect(server.requests).toHaveLength(1);
    expect((error as Error).message).not.toContain(TOKEN);
  });

  it("retries a 5xx with backoff, then succeeds", async () => {
    let calls = 0;
    await serve((req, res) => (++calls === 1 ? json(res, 502, { message: "Bad Gateway" }) : json(res, 200, pages(req))));
    expect(await listJobs()).toHaveLength(4);
    expect(calls).toBe(3);
  });

  it("honours Retry-After on a 429 before reading again", async () => {
    const times: number[] = [];
    await serve((req, res) => {
      times.push(Date.now());
      if (times.length === 1) json(res, 429, { message: "Too Many Attempts." }, { "retry-after": "1" });
      else json(res, 200, pages(req));
    });
    expect(await listJobs()).toHaveLength(4);
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it("times out a hanging Occupop and retries, then gives up with a retryable timeout error", async () => {
    process.env.OCCUPOP_TIMEOUT_MS = "200";
    await serve(() => "hang");
    const error = await listJobs().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "timeout", retryable: true, status: null });
    expect(server.requests).toHaveLength(3);
  });

  it("treats a connection reset as a retryable network error", async () => {
    await serve(() => "reset");
    const error = await listJobs().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "network", retryable: true });
    expect(server.requests).toHaveLength(3);
  });
});

describe("findJobForApplication", () => {
  it("walks pages until it finds the job, and returns its fresh signed upload URL", async () => {
    await serve((req, res) => json(res, 200, pages(req)));
    const found = await findJobForApplication("7d8e9f00-aaaa-4bbb-8ccc-dddd0000eeee");
    expect(found?.job.title).toBe("Remote Support Agent");
    expect(found?.uploadUrl).toContain("X-Amz-Signature");
    expect(server.requests.map((r) => r.url)).toEqual(["/rest/jobs?page=1", "/rest/jobs?page=2"]);
  });

  it("stops at the first page when the job is there, and answers null for an unknown job", async () => {
    await serve((req, res) => json(res, 200, pages(req)));
    expect((await findJobForApplication("9b1f7c2e-3d4a-4e5f-8a6b-7c8d9e0f1a2b"))?.job.slug).toBe("team-leader-843d4");
    expect(server.requests).toHaveLength(1);
    expect(await findJobForApplication("00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});
