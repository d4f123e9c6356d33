// Runs once when the Node.js server starts (from instrumentation.ts).
import "server-only";
import type { Instrumentation } from "next";
import { ensureConfiguredAdmin } from "@/lib/admin/users";
import { startOutboxWorker } from "@/lib/applications/worker";
import { migrate } from "@/lib/db";
import { ConfigError, env } from "@/lib/env";
import { log } from "@/lib/log";

const logger = log("server");

export async function startServer(): Promise<void> {
  try {
    const config = env();
    logger.info({ occupop: config.OCCUPOP_API_URL, site: config.SITE_URL, dataDir: config.DATA_DIR }, "careers site starting");
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
    const config = env();
    await ensureConfiguredAdmin(config.ADMIN_EMAIL, config.ADMIN_PASSWORD);
    await startOutboxWorker();
  } catch (error) {
    process.stderr.write(`The database could not be opened or migrated: ${error instanceof Error ? error.message : String(error)}\n`);
    logger.fatal({ err: error instanceof Error ? error.message : String(error) }, "database unavailable at start");
    process.exit(1);
  }
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
