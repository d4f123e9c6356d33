// A standalone HTTP server that behaves like the Occupop REST API (../shared/occupop-api.md)
// plus a signed-URL file store, with control endpoints for inspection and fault injection.
// The app never imports this: it reaches it over HTTP through OCCUPOP_API_URL.
import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { z } from "zod";
import { FaultQueue, faultRuleSchema, type FaultRule } from "./faults";
import { mailControl } from "./mailbox";
import { laravelDate, seedJobs, slugify, wireSector, type SeedJob } from "./seed";
import { UrlSigner } from "./signing";
import type { MailEmulator } from "./smtp";
import { EmulatorStore, TooLargeError } from "./store";

export const PER_PAGE = 15;
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
const UNAUTHORIZED = "not authorized (or invalid auth token)";

export type EmulatorOptions = {
  token: string;
  dataDir: string;
  signedUrlTtlSeconds?: number;
  now?: () => Date;
  /** The SMTP server beside it, when one runs (emulator/smtp.ts), and its port. */
  mail?: { server: MailEmulator; port: number };
};

type Target = "list" | "upload" | "create" | "other";

export type RequestRecord = {
  at: string;
  method: string;
  target: Target;
  path: string;
  page: number | null;
  status: number;
  authorization: boolean;
};

export type Defect = { at: string; kind: string; detail: string };

export type Emulator = {
  server: Server;
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
};

const jobPatchSchema = z
  .object({
    title: z.string(),
    closed_for_applicants: z.boolean(),
    published: z.boolean(),
    require_cv: z.boolean(),
    description: z.string(),
    /** The job's department(s), by name (a sector as Occupop sends it is made from each). */
    sectors: z.array(z.object({ name: z.string().min(1).max(100) })).max(5),
  })
  .partial();

const configSchema = z.object({ signedUrlTtlSeconds: z.number().positive() });

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

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, {
    "content-type": typeof body === "string" ? "application/xml" : "application/json",
    "content-length": Buffer.byteLength(text).toString(),
    ...headers,
  });
  res.end(text);
}

async function readJson(req: IncomingMessage, limit = 1024 * 1024): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new Error("body too large");
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? JSON.parse(text) : {};
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

const LOGO_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="#14532d"/>' +
  '<path d="M10 44 L26 22 L34 32 L40 24 L54 44 Z" fill="#fef3c7"/></svg>';

export function createEmulator(options: EmulatorOptions): Emulator {
  const now = options.now ?? (() => new Date());
  const store = new EmulatorStore(options.dataDir);
  const signer = new UrlSigner((options.signedUrlTtlSeconds ?? 900) * 1000);
  const faults = new FaultQueue();
  let jobs: SeedJob[] = seedJobs(now());
  let requests: RequestRecord[] = [];
  let defects: Defect[] = [];
  let nextCandidateId = store.candidates.length + 1;
  const sockets = new Set<Socket>();

  const originOf = (req: IncomingMessage) => `http://${req.headers.host ?? "localhost"}`;

  function authorized(req: IncomingMessage): boolean {
    const header = (req.headers.authorization ?? "").trim();
    const token = header.startsWith("Bearer ") ? header.slice(7).trim() : header;
    return token.length > 0 && token === options.token;
  }

  function record(req: IncomingMessage, target: Target, url: URL, status: number): void {
    const page = url.searchParams.get("page");
    requests.push({
      at: now().toISOString(),
      method: req.method ?? "GET",
      target,
      path: url.pathname,
      page: target === "list" ? Number(page ?? 1) : null,
      status,
      authorization: Boolean(req.headers.authorization),
    });
    if (requests.length > 10_000) requests = requests.slice(-5_000);
  }

  /** Applies an injected fault; returns true when the request has been dealt with. */
  async function applyFault(
    fault: FaultRule | undefined,
    req: IncomingMessage,
    res: ServerResponse,
    respond: (status: number, body: unknown, headers?: Record<string, string>) => void,
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

  function listJobs(url: URL, origin: string, respond: (status: number, body: unknown) => void): void {
    const visible = jobs.filter((j) => j.published);
    const lastPage = Math.max(1, Math.ceil(visible.length / PER_PAGE));
    const pageParam = Number.parseInt(url.searchParams.get("page") ?? "1", 10);
    const page = Number.isFinite(pageParam) && pageParam > 0 ? pageParam : 1;
    const slice = visible.slice((page - 1) * PER_PAGE, page * PER_PAGE);
    const path = `${origin}/rest/jobs`;
    const pageUrl = (n: number) => `${path}?page=${n}`;
    const data = slice.map((job) => ({
      ...job,
      company_logo: `${origin}${job.company_logo}`,
      cv_upload_signed_url: signer.mint(origin, job.uuid),
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

  async function createCandidate(
    req: IncomingMessage,
    jobUuid: string,
    origin: string,
    respond: (status: number, body: unknown) => void,
  ): Promise<void> {
    const job = jobs.find((j) => j.uuid === jobUuid && j.published);
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
      upload = match?.[1] ? store.upload(match[1]) : undefined;
      if (!upload || upload.jobUuid !== job.uuid) errors.file_url = ["The file url does not point to an uploaded file."];
    } else if (job.require_cv) {
      errors.file_url = ["The file url field is required."];
    }
    if (Object.keys(errors).length) {
      return respond(422, { message: Object.values(errors)[0]?.[0], errors });
    }

    const at = laravelDate(now());
    const candidate = {
      id: nextCandidateId++,
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
    store.addCandidate({ candidate, payload: raw, receivedAt: now().toISOString() });
    respond(201, { data: candidate });
  }

  async function receiveUpload(
    req: IncomingMessage,
    url: URL,
    nonce: string,
    respond: (status: number, body: unknown) => void,
  ): Promise<void> {
    for (const [name, value] of Object.entries(req.headers)) {
      const values = Array.isArray(value) ? value : [value ?? ""];
      if (name === "authorization" || values.some((v) => v.includes(options.token))) {
        defects.push({ at: now().toISOString(), kind: "credential-sent-to-storage", detail: `header ${name}` });
      }
    }
    const check = signer.consume(nonce, url.searchParams);
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
      await store.receive(nonce, check.jobUuid, req, contentType, MAX_UPLOAD_BYTES);
      respond(200, "");
    } catch (error) {
      if (error instanceof TooLargeError) {
        return respond(400, `<?xml version="1.0" encoding="UTF-8"?><Error><Code>EntityTooLarge</Code><Message>${error.message}</Message></Error>`);
      }
      throw error;
    }
  }

  async function control(req: IncomingMessage, url: URL, respond: (status: number, body: unknown, headers?: Record<string, string>) => void) {
    const path = url.pathname.replace(/^\/_emulator/, "");
    const method = req.method ?? "GET";
    if (path === "" || path === "/") {
      return respond(200, {
        endpoints: [
          "GET /_emulator/candidates[?email=]",
          "GET /_emulator/files/:nonce",
          "GET|DELETE /_emulator/requests",
          "GET /_emulator/defects",
          "GET|POST|DELETE /_emulator/faults",
          "POST /_emulator/jobs (a new job, newest first: { title, ... })",
          "PATCH /_emulator/jobs/:uuid",
          "POST /_emulator/config",
          "POST /_emulator/reset",
          ...(options.mail
            ? ["GET|DELETE /_emulator/mail[?to=|?count]", "GET|POST /_emulator/mail/faults ({ down, tempfail, reject: [addresses] })", "GET /_emulator/mailbox (a page)"]
            : []),
        ],
      });
    }
    if (options.mail && (await mailControl(options.mail.server, path, method, url, () => readJson(req), respond, options.mail.port))) return;
    if (path === "/candidates" && method === "GET") {
      const email = url.searchParams.get("email");
      const data = store.candidates.filter((c) => !email || c.candidate.email === email);
      return respond(200, {
        data: data.map((c) => {
          const file = c.candidate.file as { url: string } | null;
          const nonce = file ? file.url.split("/").pop() : undefined;
          return { ...c, upload: nonce ? store.upload(nonce) ?? null : null };
        }),
      });
    }
    const fileMatch = /^\/files\/([a-f0-9]{32})$/.exec(path);
    if (fileMatch?.[1] && method === "GET") {
      const upload = store.upload(fileMatch[1]);
      if (!upload) return respond(404, { message: "No such file." });
      return { stream: store.filePath(upload.nonce), upload };
    }
    if (path === "/requests") {
      if (method === "DELETE") {
        requests = [];
        return respond(204, "");
      }
      return respond(200, { data: requests });
    }
    if (path === "/defects") return respond(200, { data: defects });
    if (path === "/faults") {
      if (method === "DELETE") {
        faults.clear();
        return respond(204, "");
      }
      if (method === "POST") {
        const rule = faultRuleSchema.safeParse(await readJson(req));
        if (!rule.success) return respond(400, { message: z.prettifyError(rule.error) });
        faults.add(rule.data);
        return respond(201, { data: faults.list() });
      }
      return respond(200, { data: faults.list() });
    }
    if (path === "/jobs" && method === "POST") {
      // A job posted just now: the newest open job's shape, with a new id, title and dates.
      const body = jobPatchSchema.required({ title: true }).safeParse(await readJson(req));
      if (!body.success) return respond(400, { message: z.prettifyError(body.error) });
      const template = jobs.find((j) => !j.closed_for_applicants && j.published) ?? jobs[0];
      if (!template) return respond(409, { message: "No job to copy." });
      const uuid = randomUUID();
      const created = laravelDate(now());
      const { sectors, ...fields } = body.data;
      const job: SeedJob = {
        ...structuredClone(template),
        ...fields,
        ...(sectors ? { sectors: sectors.map((x) => wireSector(x.name)) } : {}),
        uuid,
        unique_slug: `${slugify(body.data.title)}-${uuid.slice(0, 5)}`,
        apply_url: `https://jobs.occupop.com/apply/${uuid}`,
        created_at: created,
        published_at: created,
      };
      jobs = [job, ...jobs];
      return respond(201, { data: job });
    }
    const jobMatch = /^\/jobs\/([0-9a-f-]{36})$/.exec(path);
    if (jobMatch?.[1] && method === "PATCH") {
      const patch = jobPatchSchema.safeParse(await readJson(req));
      if (!patch.success) return respond(400, { message: z.prettifyError(patch.error) });
      const job = jobs.find((j) => j.uuid === jobMatch[1]);
      if (!job) return respond(404, { message: "Job not found." });
      const { sectors, ...fields } = patch.data;
      Object.assign(job, fields, sectors ? { sectors: sectors.map((x) => wireSector(x.name)) } : {});
      return respond(200, { data: job });
    }
    if (path === "/config" && method === "POST") {
      const config = configSchema.safeParse(await readJson(req));
      if (!config.success) return respond(400, { message: z.prettifyError(config.error) });
      signer.setTtl(config.data.signedUrlTtlSeconds * 1000);
      return respond(200, { data: config.data });
    }
    if (path === "/reset" && method === "POST") {
      jobs = seedJobs(now());
      requests = [];
      defects = [];
      faults.clear();
      store.reset();
      await options.mail?.server.reset();
      nextCandidateId = 1;
      return respond(204, "");
    }
    return respond(404, { message: "No such control endpoint." });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://emulator.invalid");
    const origin = originOf(req);
    const method = req.method ?? "GET";
    let target: Target = "other";
    const respond = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      record(req, target, url, status);
      if (status === 204) {
        res.writeHead(204, headers);
        res.end();
      } else {
        send(res, status, body, headers);
      }
    };

    if (url.pathname.startsWith("/_emulator")) {
      const result = await control(req, url, respond);
      if (result && "stream" in result) {
        res.writeHead(200, {
          "content-type": result.upload.contentType ?? "application/octet-stream",
          "content-length": String(result.upload.size),
          "x-sha256": result.upload.sha256,
        });
        createReadStream(result.stream).pipe(res);
      }
      return;
    }
    if (url.pathname === "/assets/company-logo.svg" && method === "GET") {
      res.writeHead(200, { "content-type": "image/svg+xml", "cache-control": "public, max-age=86400" });
      res.end(LOGO_SVG);
      return;
    }

    const storage = /^\/storage\/resumes\/([a-f0-9]{32})$/.exec(url.pathname);
    if (storage?.[1]) {
      if (method !== "PUT") {
        return respond(403, '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>');
      }
      target = "upload";
      if (await applyFault(faults.take("upload"), req, res, respond)) {
        if (!res.headersSent) record(req, target, url, 0);
        return;
      }
      return receiveUpload(req, url, storage[1], respond);
    }

    const candidates = /^\/rest\/jobs\/([^/]+)\/candidates\/?$/.exec(url.pathname);
    if (url.pathname.replace(/\/$/, "") === "/rest/jobs" && method === "GET") target = "list";
    else if (candidates && method === "POST") target = "create";

    if (url.pathname.startsWith("/rest/")) {
      if (target !== "other" && (await applyFault(faults.take(target), req, res, respond))) {
        if (!res.headersSent) record(req, target, url, 0);
        return;
      }
      if (!authorized(req)) {
        req.resume();
        return respond(403, { message: UNAUTHORIZED });
      }
      if (target === "list") return listJobs(url, origin, respond);
      if (target === "create" && candidates?.[1]) return createCandidate(req, decodeURIComponent(candidates[1]), origin, respond);
    }
    req.resume();
    respond(404, { message: "Not Found" });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      process.stderr.write(`emulator: ${error instanceof Error ? error.stack : String(error)}\n`);
      if (!res.headersSent) send(res, 500, { message: "Server Error" });
      else res.destroy();
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  return {
    server,
    listen(port, host = "127.0.0.1") {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          const address = server.address() as AddressInfo;
          resolve(`http://${host}:${address.port}`);
        });
      });
    },
    close() {
      return new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      });
    },
  };
}
