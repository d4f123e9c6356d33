// Runs once when the Node.js server starts (from instrumentation.ts).
import "server-only";
import type { Instrumentation } from "next";
import { pruneSessions } from "@/lib/admin/session";
import { pruneThrottle } from "@/lib/admin/throttle";
import { startAlerts } from "@/lib/alerts/worker";
import { ensureConfiguredAdmin } from "@/lib/admin/users";
import { pruneReceipts } from "@/lib/receipts/store";
import { startConsents } from "@/lib/open-application/worker";
import { pruneDrafts } from "@/lib/applications/drafts";
import { queueStats } from "@/lib/applications/outbox";
import { importLegacyResumes } from "@/lib/applications/resume-store";
import { startOutboxWorker } from "@/lib/applications/worker";
import { dataDir, dbKind, describeDatabaseError, migrate } from "@/lib/db";
import { ConfigError, env } from "@/lib/env";
import { FALLBACK_POLICY } from "@/lib/csp.mjs";
import { admitBody } from "@/lib/front/admission";
import { bodyProblem } from "@/lib/front/body-checks";
import { frontHooks } from "@/lib/front/hooks";
import { registerHousekeeping, startHousekeeping } from "@/lib/housekeeping";
import { flushInsights, pruneInsights, startInsights } from "@/lib/insights/collector";
import { decide } from "@/lib/site/front-door";
import { log } from "@/lib/log";
import { mailByState } from "@/lib/mail/outbox";
import { mailConfigured, resetTransport } from "@/lib/mail/transport";
import { setMetricReaders } from "@/lib/metrics";
import { startMailWorker } from "@/lib/mail/worker";
import { pruneRateLimits } from "@/lib/rate-limit";
import { serverId } from "@/lib/server-id";
import { onShutdown } from "@/lib/shutdown";
import { startEventsWorker } from "@/lib/occupop-events/worker";
import { startSearchNotifications } from "@/lib/search-engines/worker";
import { startSync } from "@/lib/sync";
import { DatabaseStore } from "@/lib/uploads/store";

const logger = log("server");

export async function startServer(): Promise<void> {
  try {
    const config = env();
    logger.info(
      { occupop: config.OCCUPOP_API_URL, site: config.SITE_URL, database: dbKind(), dataDir: config.DATA_DIR, server: serverId() },
      "careers site starting",
    );
  } catch (error) {
    if (error instanceof ConfigError) {
      // One clear message naming every bad variable, then stop: serving half-configured helps no one.
      process.stderr.write(`${error.message}\n`);
      logger.fatal({ problems: error.problems }, "invalid configuration");
      process.exit(1);
    }
    throw error;
  }
  try {
    await migrate();
    await importLegacyResumes();
    const config = env();
    await ensureConfiguredAdmin(config.ADMIN_EMAIL, config.ADMIN_PASSWORD);
  } catch (error) {
    // One sentence, no stack trace: where the database was looked for and why it failed.
    const line = describeDatabaseError(error, env().DATABASE_URL);
    process.stderr.write(`${line}\n`);
    logger.fatal({ database: dbKind() }, line);
    process.exit(1);
  }
  // What the HTTP front asks of the app (lib/front/hooks.ts), from the route table.
  Object.assign(frontHooks(), { decide, admitBody, bodyProblem, fallbackPolicy: FALLBACK_POLICY });
  await startOutboxWorker();
  startSync();
  registerHousekeeping({ name: "rate limits", run: () => pruneRateLimits(24 * 60 * 60 * 1000) });
  registerHousekeeping({ name: "admin sessions", run: () => pruneSessions() });
  registerHousekeeping({ name: "sign-in throttle", run: () => pruneThrottle() });
  registerHousekeeping({ name: "insights older than 13 months", run: () => pruneInsights() });
  registerHousekeeping({ name: "drafts kept to finish later, past 30 days", run: () => pruneDrafts() });
  registerHousekeeping({ name: "status links past STATUS_LINK_DAYS", run: () => pruneReceipts() });
  registerHousekeeping({ name: "resume uploads an hour after their last bytes", run: () => new DatabaseStore().deleteExpired() });
  startInsights();
  onShutdown(() => flushInsights());
  if (mailConfigured()) {
    startMailWorker();
    startAlerts();
    onShutdown(async () => resetTransport());
  } else logger.info("job alerts are off: no SMTP_URL");
  startSearchNotifications();
  startEventsWorker();
  startConsents();
  startHousekeeping();
  // What /metrics reads from the database when it is scraped (lib/metrics).
  setMetricReaders({
    applications: async () => {
      const { pending, held, failed, delivered, discarded, oldestPendingAt } = await queueStats();
      return { byState: { pending, held, failed, delivered, discarded }, oldestPendingAt };
    },
    mail: mailByState,
    dataDir: () => (dbKind() === "sqlite" ? dataDir() : null),
  });
  frontHooks().startedAt = Date.now();
}

export function reportRequestError(
  error: unknown,
  request: Parameters<Instrumentation.onRequestError>[1],
  context: Parameters<Instrumentation.onRequestError>[2],
): void {
  const err = error instanceof Error ? error : new Error(String(error));
  logger.error(
    {
      err: { name: err.name, message: err.message, stack: err.stack, digest: (err as { digest?: string }).digest },
      method: request.method,
      path: request.path.split("?")[0],
      routePath: context.routePath,
      routeType: context.routeType,
    },
    "request failed",
  );
}
