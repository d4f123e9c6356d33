import { afterEach, describe, expect, it } from "vitest";
import { resetEnv } from "@/lib/env";
import { createCandidate, OccupopError, uploadResume, type NewCandidate } from "@/lib/occupop";
import { json, scriptedServer } from "../../helpers/scripted-server";

const TOKEN = "unit-test-token-0123456789";
let server: Awaited<ReturnType<typeof scriptedServer>>;

async function serve(handler: Parameters<typeof scriptedServer>[0]) {
  server = await scriptedServer(handler);
  process.env.OCCUPOP_API_URL = `${server.origin}/rest`;
  process.env.OCCUPOP_API_TOKEN = TOKEN;
  resetEnv();
}
afterEach(async () => server?.close());

const candidate: NewCandidate = {
  email: "ada@example.com",
  firstName: "Ada",
  lastName: "Lovelace",
  phone: "+353 1 234 5678",
  linkedin: "https://www.linkedin.com/in/ada",
  coverLetter: "I like engines.",
  city: "Dublin",
  region: "Leinster",
  countryCode: "IE",
  source: "Careers site",
  file: { name: "cv.pdf", url: "https://storage.example.com/cvs/abc" },
  answers: [{ question: { type: "YesNo", kind: "yes-no", text: "Licence?", options: ["Yes", "No"] }, answer: "Yes" }],
  consents: { job: true, database: null },
};

describe("createCandidate", () => {
  it("POSTs every documented field and the screening answers, and returns the candidate", async () => {
    await serve((_req, res) => json(res, 201, { data: { id: 42, uuid: "c-uuid", job_uuid: "job-1", email: "ada@example.com", extra: 1 } }));
    expect(await createCandidate("job-1", candidate)).toEqual({ id: "42", uuid: "c-uuid" });
    const [req] = server.requests;
    expect(req?.method).toBe("POST");
    expect(req?.url).toBe("/rest/jobs/job-1/candidates");
    expect(req?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req?.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(req?.body.toString() ?? "")).toEqual({
      email: "ada@example.com",
      first_name: "Ada",
      last_name: "Lovelace",
      landline: "+353 1 234 5678",
      linkedin: "https://www.linkedin.com/in/ada",
      profile: "I like engines.",
      location_city: "Dublin",
      location_state: "Leinster",
      location_country: "IE",
      source: "Careers site",
      file_name: "cv.pdf",
      file_url: "https://storage.example.com/cvs/abc",
      opt_in_for_job: true,
      questions_form: [{ type: "YesNo", text: "Licence?", options: ["Yes", "No"], answer: "Yes" }],
    });
  });

  it("carries a 422's message and field errors, not retryable", async () => {
    await serve((_req, res) =>
      json(res, 422, { message: "The email field must be a valid email address.", errors: { email: ["The email field must be a valid email address."] } }),
    );
    const error = await createCandidate("job-1", candidate).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OccupopError);
    expect(error).toMatchObject({
      status: 422,
      retryable: false,
      message: "The email field must be a valid email address.",
      fieldErrors: { email: ["The email field must be a valid email address."] },
    });
  });

  it("does not repeat a create on 429 or 500: it reports Retry-After and leaves the decision to the caller", async () => {
    await serve((_req, res) => json(res, 429, { message: "Too Many Attempts." }, { "retry-after": "30" }));
    const error = await createCandidate("job-1", candidate).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 429, retryable: true, retryAfterMs: 30_000 });
    expect(server.requests).toHaveLength(1);
  });

  it("reports a 404 for an unknown job as not retryable", async () => {
    await serve((_req, res) => json(res, 404, { message: "Job not found." }));
    await expect(createCandidate("nope", candidate)).rejects.toMatchObject({ status: 404, retryable: false });
  });
});

describe("uploadResume", () => {
  it("PUTs the bytes with their type and no token, and returns the URL without its query", async () => {
    await serve((_req, res) => {
      res.writeHead(200);
      res.end();
    });
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]);
    const signed = `${server.origin}/storage/cvs/abc?expires=1&signature=s3cr3t`;
    const url = await uploadResume(signed, new Blob([bytes]), "application/pdf");
    expect(url).toBe(`${server.origin}/storage/cvs/abc`);
    const [req] = server.requests;
    expect(req?.method).toBe("PUT");
    expect(req?.headers.authorization).toBeUndefined();
    expect(JSON.stringify(req?.headers)).not.toContain(TOKEN);
    expect(req?.headers["content-type"]).toBe("application/pdf");
    expect([...(req?.body ?? [])]).toEqual([...bytes]);
  });

  it("treats a refused signature (403) as retryable with a fresh URL, not as a bad token", async () => {
    await serve((_req, res) => {
      res.writeHead(403, { "content-type": "application/xml" });
      res.end("<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>");
    });
    const error = await uploadResume(`${server.origin}/s/x?sig=1`, new Blob(["x"]), "application/pdf").catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 403, retryable: true, operation: "uploadResume" });
    expect((error as Error).message).not.toContain("sig=1");
  });

  it("reports a reset connection during upload as retryable", async () => {
    await serve(() => "reset");
    await expect(uploadResume(`${server.origin}/s/x?sig=1`, new Blob(["x"]), "application/pdf")).rejects.toMatchObject({
      kind: "network",
      retryable: true,
    });
  });
});
