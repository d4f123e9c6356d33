// The Occupop REST API as ../shared/occupop-api.md describes it: the paginated job listing
// (http:// links, signed upload URLs), signed-URL uploads (expiring, single use), candidate
// creation with Laravel's 422s, the token check, and injected faults on each.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import type { FaultRule } from "./faults";
import { readJson, type Respond } from "./http";
import { laravelDate } from "./seed";
import type { EmulatorState } from "./state";
import { TooLargeError } from "./store";

export const PER_PAGE = 15;
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
export const UNAUTHORIZED = "not authorized (or invalid auth token)";

const optionalString = z.union([z.string().max(65535), z.null()]).optional();
const candidateBodySchema = z.looseObject({
  email: optionalString,
  first_name: optionalString,
  last_name: optionalString,
  landline: optionalString,
  linkedin: optionalString,
  profile: optionalString,
  location_city: optionalString,
  location_state: optionalString,
  location_country: optionalString,
  source: optionalString,
  file_name: optionalString,
  file_url: optionalString,
  questions_form: z
    .array(
      z.object({
        type: z.string(),
        text: z.string(),
        options: z.array(z.string()).nullable().optional(),
        answer: z.string().nullable(),
      }),
    )
    .optional(),
});

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

export function authorized(req: IncomingMessage, token: string): boolean {
  const header = (req.headers.authorization ?? "").trim();
  const given = header.startsWith("Bearer ") ? header.slice(7).trim() : header;
  return given.length > 0 && given === token;
}

/** Applies an injected fault; returns true when the request has been dealt with. */
export async function applyFault(
  fault: FaultRule | undefined,
  req: IncomingMessage,
  res: ServerResponse,
  respond: Respond,
): Promise<boolean> {
  if (!fault) return false;
  switch (fault.kind) {
    case "latency":
      await new Promise((r) => setTimeout(r, fault.latencyMs));
      return false;
    case "hang":
      // Answer nothing: the client's timeout is what ends this request.
      req.on("error", () => undefined);
      return true;
    case "reset":
      req.socket.resetAndDestroy();
      return true;
    case "500":
      req.resume();
      respond(500, { message: "Server Error" });
      return true;
    case "429":
      req.resume();
      respond(429, { message: "Too Many Attempts." }, { "retry-after": String(fault.retryAfter) });
      return true;
    case "403":
      req.resume();
      respond(403, { message: UNAUTHORIZED });
      return true;
    case "422":
      req.resume();
      respond(422, { message: Object.values(fault.errors)[0]?.[0] ?? "The given data was invalid.", errors: fault.errors });
      return true;
  }
}

export function listJobs(world: EmulatorState, url: URL, origin: string, respond: Respond): void {
  const visible = world.jobs.filter((j) => j.published);
  const lastPage = Math.max(1, Math.ceil(visible.length / PER_PAGE));
  const pageParam = Number.parseInt(url.searchParams.get("page") ?? "1", 10);
  const page = Number.isFinite(pageParam) && pageParam > 0 ? pageParam : 1;
  const slice = visible.slice((page - 1) * PER_PAGE, page * PER_PAGE);
  const path = `${origin}/rest/jobs`;
  const pageUrl = (n: number) => `${path}?page=${n}`;
  const data = slice.map((job) => ({
    ...job,
    company_logo: `${origin}${job.company_logo}`,
    cv_upload_signed_url: world.signer.mint(origin, job.uuid),
  }));
  respond(200, {
    data,
    links: {
      first: pageUrl(1),
      last: pageUrl(lastPage),
      prev: page > 1 ? pageUrl(page - 1) : null,
      next: page < lastPage ? pageUrl(page + 1) : null,
    },
    meta: {
      current_page: page,
      from: slice.length ? (page - 1) * PER_PAGE + 1 : null,
      last_page: lastPage,
      links: [
        { url: page > 1 ? pageUrl(page - 1) : null, label: "&laquo; Previous", active: false },
        ...Array.from({ length: lastPage }, (_, i) => ({
          url: pageUrl(i + 1),
          label: String(i + 1),
          active: i + 1 === page,
        })),
        { url: page < lastPage ? pageUrl(page + 1) : null, label: "Next &raquo;", active: false },
      ],
      path,
      per_page: PER_PAGE,
      to: slice.length ? (page - 1) * PER_PAGE + slice.length : null,
      total: visible.length,
    },
  });
}

export async function createCandidate(world: EmulatorState, req: IncomingMessage, jobUuid: string, origin: string, respond: Respond): Promise<void> {
  const job = world.jobs.find((j) => j.uuid === jobUuid && j.published);
  if (!job) return respond(404, { message: "Job not found." });
  let raw: unknown;
  try {
    raw = await readJson(req);
  } catch {
    return respond(400, { message: "The request body is not valid JSON." });
  }
  const parsed = candidateBodySchema.safeParse(raw);
  if (!parsed.success) {
    const errors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "body");
      errors[field] = [`The ${field.replace(/_/g, " ")} field is invalid.`];
    }
    return respond(422, { message: Object.values(errors)[0]?.[0], errors });
  }
  const body = parsed.data;
  if (job.closed_for_applicants) {
    const message = "This job is no longer accepting applications.";
    return respond(422, { message, errors: { job: [message] } });
  }
  const errors: Record<string, string[]> = {};
  const text = (v: string | null | undefined) => (typeof v === "string" ? v.trim() : "");
  if (!text(body.email)) errors.email = ["The email field is required."];
  else if (!EMAIL.test(text(body.email))) errors.email = ["The email field must be a valid email address."];
  if (!text(body.first_name)) errors.first_name = ["The first name field is required."];
  else if (text(body.first_name).length > 255) errors.first_name = ["The first name may not be greater than 255 characters."];
  if (!text(body.last_name)) errors.last_name = ["The last name field is required."];
  else if (text(body.last_name).length > 255) errors.last_name = ["The last name may not be greater than 255 characters."];
  const country = text(body.location_country);
  if (country && !/^[A-Za-z]{2}$/.test(country)) {
    errors.location_country = ["The location country must be a two-letter country code."];
  }
  const fileUrl = text(body.file_url);
  let upload = undefined;
  if (fileUrl) {
    const match = /^\/storage\/resumes\/([a-f0-9]{32})$/.exec(
      (() => {
        try {
          const u = new URL(fileUrl);
          return u.search ? "" : u.pathname;
        } catch {
          return "";
        }
      })(),
    );
    upload = match?.[1] ? world.store.upload(match[1]) : undefined;
    if (!upload || upload.jobUuid !== job.uuid) errors.file_url = ["The file url does not point to an uploaded file."];
  } else if (job.require_cv) {
    errors.file_url = ["The file url field is required."];
  }
  if (Object.keys(errors).length) {
    return respond(422, { message: Object.values(errors)[0]?.[0], errors });
  }

  const at = laravelDate(world.now());
  const candidate = {
    id: world.nextCandidateId++,
    job_uuid: job.uuid,
    uuid: randomUUID(),
    status: "active",
    first_name: text(body.first_name),
    last_name: text(body.last_name),
    email: text(body.email),
    phone: text(body.landline) || null,
    profile: text(body.profile) || null,
    source_type: "api",
    source_name: text(body.source) || null,
    location: {
      city: text(body.location_city) || null,
      state: text(body.location_state) || null,
      country: country ? (regionNames.of(country.toUpperCase()) ?? null) : null,
      city_id: null,
      city_full_name: null,
      city_lat: null,
      city_lng: null,
      country_short: country ? country.toUpperCase() : null,
    },
    file: upload ? { name: text(body.file_name) || "resume", url: `${origin}/storage/resumes/${upload.nonce}` } : null,
    hiring_flow_step: { uuid: "0b7c3a56-1f0e-4c38-9d7e-6f1d2c4b5a01", name: "Applied" },
    total_score: null,
    ai_score: null,
    interview_score: null,
    questions_score: null,
    questions_form: body.questions_form ?? [],
    created_at: at,
    updated_at: at,
    received_at: at,
    hired_at: null,
    starts_at: null,
  };
  world.store.addCandidate({ candidate, payload: raw, receivedAt: world.now().toISOString() });
  respond(201, { data: candidate });
  world.webhooks.emit("CandidateResource", "CandidateResource_created", candidate);
}

export async function receiveUpload(world: EmulatorState, token: string, req: IncomingMessage, url: URL, nonce: string, respond: Respond): Promise<void> {
  for (const [name, value] of Object.entries(req.headers)) {
    const values = Array.isArray(value) ? value : [value ?? ""];
    if (name === "authorization" || values.some((v) => v.includes(token))) {
      world.defect("credential-sent-to-storage", `header ${name}`);
    }
  }
  const check = world.signer.consume(nonce, url.searchParams);
  if (!check.ok) {
    req.resume();
    const reason = {
      unknown: "The request signature we calculated does not match the signature you provided.",
      tampered: "The request signature we calculated does not match the signature you provided.",
      expired: "Request has expired",
      used: "This upload URL has already been used.",
    }[check.reason];
    return respond(403, `<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>${reason}</Message></Error>`);
  }
  try {
    const contentType = req.headers["content-type"] ?? null;
    await world.store.receive(nonce, check.jobUuid, req, contentType, MAX_UPLOAD_BYTES);
    respond(200, "");
  } catch (error) {
    if (error instanceof TooLargeError) {
      return respond(400, `<?xml version="1.0" encoding="UTF-8"?><Error><Code>EntityTooLarge</Code><Message>${error.message}</Message></Error>`);
    }
    throw error;
  }
}

