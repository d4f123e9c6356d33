// Server configuration, parsed once with zod. A bad configuration stops the server at boot
// with one message naming every missing or malformed variable (see .env.example).
import "server-only";
import { dropProcessSingleton, processSingleton } from "@/lib/process-state.mjs";
import { z } from "zod";
import { isBuildPhase } from "@/lib/build-phase";

const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });
const requiredHttpUrl = (what: string) => z.string({ error: `is required (${what})` }).pipe(httpUrl);
const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"], { error: "must be true or false" })
  .transform((v) => v === "true" || v === "1" || v === "yes");

/** A Google service account's key, as the JSON file Google's console downloads. */
const serviceAccount = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "must be a service account's JSON key (the file's content), and is not JSON" });
      return z.NEVER;
    }
  })
  .pipe(
    z.object(
      {
        client_email: z.email({ error: "must hold client_email" }),
        private_key: z.string({ error: "must hold private_key" }).includes("PRIVATE KEY", { error: "must hold a PEM private_key" }),
        private_key_id: z.string().optional(),
        token_uri: httpUrl.optional(),
      },
      { error: "must be a service account's JSON key" },
    ),
  );

export const envSchema = z.object({
  OCCUPOP_API_URL: httpUrl.default("https://api.occupop.com/rest").transform((u) => u.replace(/\/+$/, "")),
  OCCUPOP_API_TOKEN: z
    .string({ error: "is required (an Occupop API token from Settings > API Settings)" })
    .trim()
    .min(1, "is required (an Occupop API token from Settings > API Settings)"),
  OCCUPOP_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  OCCUPOP_UPLOAD_TIMEOUT_MS: z.coerce.number().int().min(500).max(600_000).default(120_000),
  SITE_URL: requiredHttpUrl("the site's public base URL, e.g. https://careers.example.com").transform((u) =>
    u.replace(/\/+$/, ""),
  ),
  DATA_DIR: z.string().min(1).default("./data"),
  // Unset: SQLite in DATA_DIR (one server). postgres://…: PostgreSQL, shared by every replica.
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// URL (or unset, for SQLite in DATA_DIR)" })
    .optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  // How often each server checks the database for changes made on another replica
  // (a job list refreshed by a webhook, a branding save), in milliseconds.
  SYNC_POLL_MS: z.coerce.number().int().min(100).max(60_000).default(2_000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  JOBS_CACHE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
  // Optional: enables POST /api/revalidate (webhook or cron). At least 16 characters.
  REVALIDATE_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  // Optional: enables POST /api/occupop/webhook, Occupop's webhooks (lib/occupop-events), for
  // this secret as a bearer token, an x-webhook-secret header or ?secret=. At least 16 characters.
  OCCUPOP_WEBHOOK_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  TRUST_PROXY: bool.default(false),
  // How many proxies in front add to X-Forwarded-For (a CDN and a load balancer: 2). Read by
  // scripts/server.mjs; TRUST_PROXY=true is 1. Validated here too so a typo is named.
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).optional(),
  // Optional: GET /api/health with this as a bearer token shows the details (server, database,
  // queue, reasons); without it, anyone gets only ok, degraded or unavailable.
  HEALTH_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  // Optional: turns on GET /metrics (Prometheus) for this bearer token; without it, a 404.
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  // The first administrator, created at start if no administrator has that email yet.
  ADMIN_EMAIL: z.email({ error: "must be an email address" }).optional(),
  ADMIN_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
  // Admin sessions end after this long however busy they are, and after this long unused.
  ADMIN_SESSION_HOURS: z.coerce.number().min(0.1).max(24 * 30).default(12),
  ADMIN_IDLE_MINUTES: z.coerce.number().min(1).max(24 * 60).default(30),
  // HR insights: daily counts of views, starts and applications, no cookies.
  INSIGHTS_ENABLED: bool.default(true),
  INSIGHTS_FLUSH_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  INSIGHTS_EVENTS_PER_ADDRESS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(120),
  // Email (job alerts). Without SMTP_URL, job alerts are off and say so.
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL (credentials in it: smtp://user:password@host:587)" })
    .optional(),
  MAIL_FROM: z.string().trim().max(200).regex(/^[^\r\n]*$/, "must be one line").optional(),
  MAIL_TIMEOUT_MS: z.coerce.number().int().min(500).max(120_000).default(15_000),
  MAIL_POLL_MS: z.coerce.number().int().min(50).max(600_000).default(5_000),
  MAIL_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
  MAIL_RETRY_MAX_MS: z.coerce.number().int().min(10).max(86_400_000).default(1_800_000),
  MAIL_GIVE_UP_HOURS: z.coerce.number().min(0.01).max(24 * 30).default(72),
  // Job alerts: how often each server looks for new jobs to tell subscribers about, and the
  // least time between two alert emails to one subscriber.
  ALERTS_POLL_MS: z.coerce.number().int().min(50).max(3_600_000).default(60_000),
  ALERTS_MIN_HOURS_BETWEEN: z.coerce.number().min(0).max(24 * 30).default(24),
  // Sign-ups accepted per client address per hour (each sends an email to someone).
  ALERTS_SIGNUPS_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(20),
  // Applications.
  APPLY_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(5),
  APPLY_MIN_FILL_SECONDS: z.coerce.number().min(0).max(600).default(3),
  // The outbox that delivers applications to Occupop.
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).max(600_000).default(5_000),
  OUTBOX_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(10_000),
  OUTBOX_RETRY_MAX_MS: z.coerce.number().int().min(10).max(86_400_000).default(900_000),
  // How long one delivery holds an application before another server may take it over. The
  // holder renews it while it works, so this is how soon a crashed server's work resumes.
  OUTBOX_LEASE_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(30_000),
  OUTBOX_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4),
  // How often to check whether Occupop accepts the token again, while applications wait on it.
  OUTBOX_AUTH_RECHECK_MS: z.coerce.number().int().min(100).max(86_400_000).default(300_000),
  OUTBOX_GIVE_UP_HOURS: z.coerce.number().min(1).max(24 * 90).default(72),
  DELIVERED_RETENTION_DAYS: z.coerce.number().min(0).max(3650).default(30),
  // How long a candidate's private status link works (lib/receipts); its receipt is deleted then.
  STATUS_LINK_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
  // The open application's talent-database consent lasts this long; the renewal email goes
  // this many days before it lapses (lib/open-application).
  TALENT_CONSENT_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  TALENT_RENEWAL_NOTICE_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  // Read by scripts/server.mjs before Next.js starts; validated here too so a typo is named.
  UPLOADS_IN_FLIGHT_MAX_MB: z.coerce.number().positive().default(160),
  // An upload slower than this on average after its first 10 seconds is cut off (scripts/server.mjs).
  UPLOAD_MIN_KBPS: z.coerce.number().min(0).default(8),
  // How long an upload waits for room under UPLOADS_IN_FLIGHT_MAX_MB before it is answered "busy".
  UPLOAD_QUEUE_SECONDS: z.coerce.number().min(0).max(600).default(30),
  // Resumes uploading while their forms are filled in (lib/uploads) are kept in the database
  // until sent or an hour after their last bytes: all of them together at most this many MiB.
  UPLOADS_STORED_MAX_MB: z.coerce.number().int().min(100).max(1_000_000).default(2048),
  // New uploads one client may begin in an hour (a candidate replaces a file a few times at most).
  UPLOADS_PER_CLIENT_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(12),
  // Telling search engines about changed job pages (lib/search-engines); each is off unless set.
  // Google's Indexing API: a service account's JSON key, given the site as an owner in Search Console.
  GOOGLE_INDEXING_CREDENTIALS: serviceAccount.optional(),
  GOOGLE_INDEXING_ENDPOINT: httpUrl.default("https://indexing.googleapis.com/v3/urlNotifications:publish"),
  GOOGLE_INDEXING_DAILY_QUOTA: z.coerce.number().int().min(1).max(1_000_000).default(200),
  // IndexNow (Bing, Yandex, Seznam, Naver…): any key of 8 to 128 letters, digits or dashes.
  INDEXNOW_KEY: z.string().regex(/^[A-Za-z0-9-]{8,128}$/, "must be 8 to 128 letters, digits or dashes").optional(),
  INDEXNOW_ENDPOINT: httpUrl.default("https://api.indexnow.org/indexnow"),
  SEARCH_NOTIFY_POLL_MS: z.coerce.number().int().min(50).max(3_600_000).default(10_000),
  SEARCH_NOTIFY_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(60_000),
  SEARCH_NOTIFY_RETRY_MAX_MS: z.coerce.number().int().min(10).max(86_400_000).default(3_600_000),
  SEARCH_NOTIFY_GIVE_UP_HOURS: z.coerce.number().min(0.01).max(24 * 30).default(72),
  // Read by lib/page-cache/cache-handler.mjs (loaded by Next.js itself); validated here too.
  PAGE_CACHE_MAX_MB: z.coerce.number().positive().max(4096).default(64),
});

export type Env = z.infer<typeof envSchema>;

const withPairs = envSchema.superRefine((v, ctx) => {
  if (v.SMTP_URL && !v.MAIL_FROM) {
    ctx.addIssue({ code: "custom", path: ["MAIL_FROM"], message: "must be set with SMTP_URL (the sender, e.g. Kestrel Careers <jobs@kestrel.example>)" });
  }
  if (Boolean(v.ADMIN_EMAIL) !== Boolean(v.ADMIN_PASSWORD)) {
    ctx.addIssue({ code: "custom", path: [v.ADMIN_EMAIL ? "ADMIN_PASSWORD" : "ADMIN_EMAIL"], message: "must be set together with the other ADMIN_ variable" });
  }
});

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}\nSee .env.example.`);
    this.name = "ConfigError";
  }
}

/** Parses an environment; throws one ConfigError naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // Treat empty strings as unset, as shells and .env files commonly produce them.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = withPairs.safeParse(cleaned);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
  throw new ConfigError(problems);
}


/** Stand-ins for the required variables while `next build` prerenders (lib/build-phase.ts). */
const BUILD_PLACEHOLDERS = { OCCUPOP_API_TOKEN: "build-time-placeholder", SITE_URL: "http://build.invalid" };

/** The validated configuration of this process. */
export function env(): Env {
  return processSingleton("env", () => parseEnv(isBuildPhase() ? { ...BUILD_PLACEHOLDERS, ...process.env } : process.env));
}

/** Forgets the parsed configuration, so tests can change process.env between cases. */
export function resetEnv(): void {
  dropProcessSingleton("env");
}
