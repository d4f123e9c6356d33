// The emulator's control endpoints (/_emulator/…), for tests and the demo: what HR would have
// received (candidates and their files), the request log, defects, fault injection, jobs added
// and changed, the signed URLs' lifetime, a reset, and the mailbox beside it. A small route
// table: each endpoint is one entry.
import type { IncomingMessage } from "node:http";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { faultRuleSchema } from "./faults";
import { readJson, type Respond } from "./http";
import { mailControl } from "./mailbox";
import { laravelDate, slugify, wireSector, type SeedJob } from "./seed";
import type { MailEmulator } from "./smtp";
import type { EmulatorState } from "./state";
import type { StoredUpload } from "./store";

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
const webhookSchema = z.object({ url: z.url(), secret: z.string().min(1).nullable().default(null), via: z.enum(["bearer", "header", "query"]).default("bearer") });
/** A candidate moved on in the hiring flow: a new status and/or step name. */
const candidateStatusSchema = z.object({ status: z.string().min(1).max(60).optional(), step: z.string().min(1).max(100).optional() });

/** A file to stream back instead of a JSON answer. */
export type FileAnswer = { stream: string; upload: StoredUpload };

type Context = { world: EmulatorState; req: IncomingMessage; url: URL; respond: Respond; params: string[]; mail?: { server: MailEmulator; port: number } };
type Handler = (ctx: Context) => Promise<void | FileAnswer> | void | FileAnswer;
type Route = { method: string; path: RegExp; handle: Handler; doc: string };

const ROUTES: Route[] = [
  {
    method: "GET",
    path: /^\/candidates$/,
    doc: "GET /_emulator/candidates[?email=]",
    handle: ({ world, url, respond }) => {
      const email = url.searchParams.get("email");
      const data = world.store.candidates.filter((c) => !email || c.candidate.email === email);
      respond(200, {
        data: data.map((c) => {
          const file = c.candidate.file as { url: string } | null;
          const nonce = file ? file.url.split("/").pop() : undefined;
          return { ...c, upload: nonce ? (world.store.upload(nonce) ?? null) : null };
        }),
      });
    },
  },
  {
    method: "GET",
    path: /^\/files\/([a-f0-9]{32})$/,
    doc: "GET /_emulator/files/:nonce",
    handle: ({ world, respond, params }) => {
      const upload = world.store.upload(params[0]!);
      if (!upload) return respond(404, { message: "No such file." });
      return { stream: world.store.filePath(upload.nonce), upload };
    },
  },
  { method: "GET", path: /^\/requests$/, doc: "GET|DELETE /_emulator/requests", handle: ({ world, respond }) => respond(200, { data: world.requests }) },
  {
    method: "DELETE",
    path: /^\/requests$/,
    doc: "",
    handle: ({ world, respond }) => {
      world.requests = [];
      respond(204, "");
    },
  },
  { method: "GET", path: /^\/defects$/, doc: "GET /_emulator/defects", handle: ({ world, respond }) => respond(200, { data: world.defects }) },
  { method: "GET", path: /^\/faults$/, doc: "GET|POST|DELETE /_emulator/faults", handle: ({ world, respond }) => respond(200, { data: world.faults.list() }) },
  {
    method: "POST",
    path: /^\/faults$/,
    doc: "",
    handle: async ({ world, req, respond }) => {
      const rule = faultRuleSchema.safeParse(await readJson(req));
      if (!rule.success) return respond(400, { message: z.prettifyError(rule.error) });
      world.faults.add(rule.data);
      respond(201, { data: world.faults.list() });
    },
  },
  {
    method: "DELETE",
    path: /^\/faults$/,
    doc: "",
    handle: ({ world, respond }) => {
      world.faults.clear();
      respond(204, "");
    },
  },
  {
    method: "POST",
    path: /^\/jobs$/,
    doc: "POST /_emulator/jobs (a new job, newest first: { title, ... })",
    handle: async ({ world, req, respond }) => {
      // A job posted just now: the newest open job's shape, with a new id, title and dates.
      const body = jobPatchSchema.required({ title: true }).safeParse(await readJson(req));
      if (!body.success) return respond(400, { message: z.prettifyError(body.error) });
      const template = world.jobs.find((j) => !j.closed_for_applicants && j.published && j.external) ?? world.jobs[0];
      if (!template) return respond(409, { message: "No job to copy." });
      const uuid = randomUUID();
      const created = laravelDate(world.now());
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
      world.jobs = [job, ...world.jobs];
      respond(201, { data: job });
      world.webhooks.emit("JobResource", "JobResource_created", job);
    },
  },
  {
    method: "PATCH",
    path: /^\/jobs\/([0-9a-f-]{36})$/,
    doc: "PATCH /_emulator/jobs/:uuid",
    handle: async ({ world, req, respond, params }) => {
      const patch = jobPatchSchema.safeParse(await readJson(req));
      if (!patch.success) return respond(400, { message: z.prettifyError(patch.error) });
      const job = world.jobs.find((j) => j.uuid === params[0]);
      if (!job) return respond(404, { message: "Job not found." });
      const { sectors, ...fields } = patch.data;
      Object.assign(job, fields, sectors ? { sectors: sectors.map((x) => wireSector(x.name)) } : {}, { updated_at: laravelDate(world.now()) });
      respond(200, { data: job });
      world.webhooks.emit("JobResource", "JobResource_updated", job);
    },
  },
  {
    method: "DELETE",
    path: /^\/jobs\/([0-9a-f-]{36})$/,
    doc: "DELETE /_emulator/jobs/:uuid (removed from the listing, as HR deleting it)",
    handle: ({ world, respond, params }) => {
      const job = world.jobs.find((j) => j.uuid === params[0]);
      if (!job) return respond(404, { message: "Job not found." });
      world.jobs = world.jobs.filter((j) => j !== job);
      respond(204, "");
      const at = laravelDate(world.now());
      world.webhooks.emit("JobResource", "JobResource_updated", { ...job, updated_at: at, deleted_at: at });
    },
  },
  {
    method: "POST",
    path: /^\/candidates\/([0-9a-f-]{36})\/status$/,
    doc: "POST /_emulator/candidates/:uuid/status ({ status?, step? }: HR moves a candidate on; sends the webhook)",
    handle: async ({ world, req, respond, params }) => {
      const body = candidateStatusSchema.safeParse(await readJson(req));
      if (!body.success || (!body.data.status && !body.data.step)) return respond(400, { message: body.success ? "Give a status or a step." : z.prettifyError(body.error) });
      const candidate = world.store.updateCandidate(params[0]!, (c) => {
        if (body.data.status) c.status = body.data.status;
        if (body.data.step) c.hiring_flow_step = { ...(c.hiring_flow_step as object), name: body.data.step };
        c.updated_at = laravelDate(world.now());
      });
      if (!candidate) return respond(404, { message: "Candidate not found." });
      respond(200, { data: candidate });
      world.webhooks.emit("CandidateResource", "CandidateResource_status_updated", candidate);
    },
  },
  {
    method: "GET",
    path: /^\/webhooks$/,
    doc: "GET|POST|DELETE /_emulator/webhooks ({ url, secret, via: bearer|header|query }; GET: the deliveries)",
    handle: ({ world, respond }) => {
      const target = world.webhooks.target;
      respond(200, { target: target ? { url: target.url, via: target.via, secret: Boolean(target.secret) } : null, data: world.webhooks.deliveries });
    },
  },
  {
    method: "POST",
    path: /^\/webhooks$/,
    doc: "",
    handle: async ({ world, req, respond }) => {
      const target = webhookSchema.safeParse(await readJson(req));
      if (!target.success) return respond(400, { message: z.prettifyError(target.error) });
      world.webhooks.target = target.data;
      respond(200, { target: { url: target.data.url, via: target.data.via, secret: Boolean(target.data.secret) } });
    },
  },
  {
    method: "DELETE",
    path: /^\/webhooks$/,
    doc: "",
    handle: async ({ world, respond }) => {
      await world.webhooks.settled();
      world.webhooks.target = null;
      world.webhooks.deliveries = [];
      respond(204, "");
    },
  },
  {
    method: "POST",
    path: /^\/config$/,
    doc: "POST /_emulator/config",
    handle: async ({ world, req, respond }) => {
      const config = configSchema.safeParse(await readJson(req));
      if (!config.success) return respond(400, { message: z.prettifyError(config.error) });
      world.signer.setTtl(config.data.signedUrlTtlSeconds * 1000);
      respond(200, { data: config.data });
    },
  },
  {
    method: "POST",
    path: /^\/reset$/,
    doc: "POST /_emulator/reset",
    handle: async ({ world, respond, mail }) => {
      world.reset();
      await mail?.server.reset();
      respond(204, "");
    },
  },
];

/** Answers a control request: a JSON answer through `respond`, or a file to stream. */
export async function control(ctx: Omit<Context, "params">): Promise<void | FileAnswer> {
  const { req, url, respond, mail } = ctx;
  const path = url.pathname.replace(/^\/_emulator/, "");
  const method = req.method ?? "GET";
  if (path === "" || path === "/") {
    return respond(200, {
      endpoints: [
        ...ROUTES.map((r) => r.doc).filter(Boolean),
        ...(mail ? ["GET|DELETE /_emulator/mail[?to=|?count]", "GET|POST /_emulator/mail/faults ({ down, tempfail, reject: [addresses] })", "GET /_emulator/mailbox (a page)"] : []),
      ],
    });
  }
  if (mail && (await mailControl(mail.server, path, method, url, () => readJson(req), respond, mail.port))) return;
  for (const route of ROUTES) {
    const match = route.method === method ? route.path.exec(path) : null;
    if (match) return route.handle({ ...ctx, params: match.slice(1) });
  }
  respond(404, { message: "No such control endpoint." });
}
