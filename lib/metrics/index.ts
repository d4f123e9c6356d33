// The server's metrics, in Prometheus' text format at /metrics (app/metrics/route.ts), through
// prom-client: the reference Prometheus client for Node.js, which also gives the standard
// process and Node.js metrics. One registry per process (lib/process-state.mjs). Names follow
// Prometheus' rules: the careers_ prefix, base units (seconds, bytes), _total on counters, and
// label values from short fixed lists only, never an email, a slug or an address.
// Counts made outside Next.js's bundles (the HTTP front, the page cache) come from
// ./tally.mjs and are read at scrape time, as are the database's queues.
import "server-only";
import { statfs } from "node:fs/promises";
import client from "prom-client";
import { processSingleton } from "@/lib/process-state.mjs";
import { counted, readProbe, TALLY } from "./tally.mjs";

/** Outcomes of a call to Occupop, by what the operator does about them. */
export type OccupopOutcome = "ok" | "client_error" | "rate_limited" | "server_error" | "timeout" | "network" | "invalid_response";

type Readers = {
  /** The applications by outbox state, and when the oldest pending one was stored (ms), or null. */
  applications: () => Promise<{ byState: Record<string, number>; oldestPendingAt: number | null }>;
  /** The mail outbox by state. */
  mail: () => Promise<Record<string, number>>;
  /** The SQLite data directory, or null on PostgreSQL (nothing kept on disk). */
  dataDir: () => string | null;
};

/** A counter whose value is a tally kept outside the bundle. */
function tallyCounter(registry: client.Registry, name: string, help: string, labelName: string, tallyName: string) {
  return new client.Counter({
    name,
    help,
    labelNames: [labelName],
    registers: [registry],
    collect() {
      this.reset();
      for (const [label, value] of counted(tallyName)) this.inc({ [labelName]: label }, value);
    },
  });
}

function create() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  // Three of prom-client's defaults are gauges named like counters (promtool refuses them);
  // nodejs_active_handles and nodejs_active_requests say the same by type.
  for (const misnamed of ["nodejs_active_handles_total", "nodejs_active_requests_total", "nodejs_active_resources_total"]) registry.removeSingleMetric(misnamed);
  const readers: Partial<Readers> = {};
  // The queue is read once per scrape, for both gauges that show it (each collects on its own).
  let queueRead: { at: number; value: ReturnType<Readers["applications"]> } | null = null;
  const queue = () => {
    if (!readers.applications) return null;
    if (!queueRead || Date.now() - queueRead.at > 500) queueRead = { at: Date.now(), value: readers.applications() };
    return queueRead.value;
  };
  const warn = (what: string, error: unknown) =>
    process.stderr.write(`${JSON.stringify({ level: "warn", time: new Date().toISOString(), service: "careers-site", module: "metrics", msg: `could not read ${what}`, err: error instanceof Error ? error.message : String(error) })}\n`);

  new client.Gauge({
    name: "careers_applications",
    help: "Applications in the outbox, by state (pending: on their way to Occupop; held: repeats kept for HR; failed: need HR; delivered: sent and kept until pruned).",
    labelNames: ["state"],
    registers: [registry],
    async collect() {
      try {
        const read = await queue();
        if (read) for (const [state, n] of Object.entries(read.byState)) this.set({ state }, n);
      } catch (error) {
        warn("the application queue", error);
      }
    },
  });
  new client.Gauge({
    name: "careers_application_oldest_pending_age_seconds",
    help: "How long the oldest application still on its way to Occupop has waited (0 when none waits).",
    registers: [registry],
    async collect() {
      try {
        const read = await queue();
        if (read) this.set(read.oldestPendingAt === null ? 0 : Math.max(0, (Date.now() - read.oldestPendingAt) / 1000));
      } catch {
        // Reported once, by careers_applications.
      }
    },
  });
  const deliveryDuration = new client.Histogram({
    name: "careers_application_delivery_duration_seconds",
    help: "Time from an application being stored to Occupop confirming it.",
    buckets: [0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600, 21600, 86400],
    registers: [registry],
  });
  const deliveryAttempts = new client.Histogram({
    name: "careers_application_delivery_attempts",
    help: "Attempts an application took to reach Occupop, counted when it arrived.",
    buckets: [1, 2, 3, 5, 8, 13, 21],
    registers: [registry],
  });
  const deliveries = new client.Counter({
    name: "careers_application_delivery_attempts_total",
    help: "Delivery attempts by outcome (delivered; retry: a temporary failure, tried again later; failed: needs HR).",
    labelNames: ["outcome"],
    registers: [registry],
  });
  const occupopRequests = new client.Counter({
    name: "careers_occupop_requests_total",
    help: "Calls to the Occupop API (and to its signed upload URLs), by operation and outcome.",
    labelNames: ["operation", "outcome"],
    registers: [registry],
  });
  const occupopDuration = new client.Histogram({
    name: "careers_occupop_request_duration_seconds",
    help: "How long a call to the Occupop API took, by operation (every outcome).",
    labelNames: ["operation"],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  tallyCounter(registry, "careers_page_cache_requests_total", "Requests for a cached page or feed, by result (hit: served from memory; miss: rendered).", "result", TALLY.pageCache);
  new client.Gauge({
    name: "careers_mail_messages",
    help: "Emails in the mail outbox, by state (pending: waiting to be sent).",
    labelNames: ["state"],
    registers: [registry],
    async collect() {
      if (!readers.mail) return;
      try {
        for (const [state, n] of Object.entries(await readers.mail())) this.set({ state }, n);
      } catch (error) {
        warn("the mail outbox", error);
      }
    },
  });
  const mailSends = new client.Counter({
    name: "careers_mail_sends_total",
    help: "Attempts to send an email, by outcome (sent; retry: a temporary failure; failed: refused for good or given up).",
    labelNames: ["outcome"],
    registers: [registry],
  });
  const searchNotifications = new client.Counter({
    name: "careers_search_notifications_total",
    help: "Job-page changes told to a search engine, by engine (google, indexnow) and outcome (sent; retry: a temporary failure or no quota left today; failed: refused for good or given up).",
    labelNames: ["engine", "outcome"],
    registers: [registry],
  });
  const alertDigests = new client.Counter({
    name: "careers_alert_digests_total",
    help: "Job alert digests queued for sending.",
    registers: [registry],
  });
  const signInFailures = new client.Counter({
    name: "careers_admin_sign_in_failures_total",
    help: "Failed sign-ins to the admin area, by reason (password, second_factor, throttled: refused before checking).",
    labelNames: ["reason"],
    registers: [registry],
  });
  const rateLimited = new client.Counter({
    name: "careers_rate_limit_refusals_total",
    help: "Requests refused by a rate limit, by limit.",
    labelNames: ["limit"],
    registers: [registry],
  });
  new client.Gauge({
    name: "careers_upload_bytes_in_flight",
    help: "Bytes of applications with a resume admitted and not yet answered (capped by UPLOADS_IN_FLIGHT_MAX_MB).",
    registers: [registry],
    collect() {
      this.set(readProbe(TALLY.uploadBytesInFlight) ?? 0);
    },
  });
  tallyCounter(registry, "careers_upload_refusals_total", "Uploads refused or cut off before the app saw them, by reason (busy, too_large, slow).", "reason", TALLY.uploadRefusals);
  const webhookEvents = new client.Counter({
    name: "careers_webhook_events_total",
    help: "Webhook calls received, by hook (revalidate, occupop) and outcome (accepted, refused: wrong secret, failed).",
    labelNames: ["hook", "outcome"],
    registers: [registry],
  });
  new client.Gauge({
    name: "careers_data_dir_free_bytes",
    help: "Free space on the disk holding the SQLite database (only with SQLite).",
    registers: [registry],
    async collect() {
      const dir = readers.dataDir?.();
      if (!dir) return;
      try {
        const stats = await statfs(dir);
        this.set(stats.bavail * stats.bsize);
        diskSize.set(stats.blocks * stats.bsize);
      } catch (error) {
        warn("the data directory's disk", error);
      }
    },
  });
  const diskSize = new client.Gauge({
    name: "careers_data_dir_size_bytes",
    help: "Size of the disk holding the SQLite database (only with SQLite).",
    registers: [registry],
  });
  return {
    registry,
    readers,
    deliveryDuration,
    deliveryAttempts,
    deliveries,
    occupopRequests,
    occupopDuration,
    mailSends,
    searchNotifications,
    alertDigests,
    signInFailures,
    rateLimited,
    webhookEvents,
  };
}

type Metrics = ReturnType<typeof create>;

/** The process's metrics, made on first use. */
export function metrics(): Metrics {
  return processSingleton("metrics", create);
}

/** Gives the scrape-time readers that need the database (lib/boot.ts sets them at start). */
export function setMetricReaders(readers: Readers): void {
  Object.assign(metrics().readers, readers);
}

/** The whole exposition, and its content type. */
export async function exposition(): Promise<{ body: string; contentType: string }> {
  const { registry } = metrics();
  return { body: await registry.metrics(), contentType: registry.contentType };
}

/** Times a call to Occupop: records its operation, outcome and duration. */
export function recordOccupopCall(operation: string, outcome: OccupopOutcome, seconds: number): void {
  const m = metrics();
  m.occupopRequests.inc({ operation, outcome });
  m.occupopDuration.observe({ operation }, seconds);
}

/** The limit a rate-limit key counts for: its prefix, from the fixed list of limits in the code. */
export function limitOf(key: string): string {
  const prefix = key.split(":", 1)[0] ?? "";
  return /^[a-z][a-z-]{0,30}$/.test(prefix) ? prefix : "other";
}
