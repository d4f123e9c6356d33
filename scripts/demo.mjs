// @ts-check
// `npm run demo`: builds if needed, starts the bundled Occupop emulator and the production
// server against it, and prints the URL. `npm run dev` does the same with `next dev`.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

const dev = process.argv.includes("--dev");
const root = resolve(import.meta.dirname ?? ".", "..");
const port = process.env.PORT || "3000";
const emulatorPort = process.env.EMULATOR_PORT || "4010";
const smtpPort = process.env.EMULATOR_SMTP_PORT || "2525";
const token = process.env.EMULATOR_TOKEN || "emulator-demo-token";
const dataDir = resolve(process.env.DATA_DIR || join(root, "data"));
// A demo administrator, so /admin can be tried at once (real deployments set their own).
const adminEmail = process.env.ADMIN_EMAIL || "admin@example.com";
const adminPassword = process.env.ADMIN_PASSWORD || "careers-demo-admin";

/** Newest modification time under the given paths (skipping dependencies and builds). */
/** @param {string[]} paths */
function newest(paths) {
  let latest = 0;
  /** @param {string} p */
  const walk = (p) => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) {
      for (const entry of readdirSync(p)) if (entry !== "node_modules" && !entry.startsWith(".")) walk(join(p, entry));
    } else latest = Math.max(latest, s.mtimeMs);
  };
  paths.forEach((p) => walk(join(root, p)));
  return latest;
}

if (!dev) {
  const buildId = join(root, ".next", "standalone", ".next", "BUILD_ID");
  const sources = ["app", "components", "lib", "public", "next.config.ts", "tailwind.config.ts", "package-lock.json", "instrumentation.ts"];
  if (!existsSync(buildId) || newest(sources) > statSync(buildId).mtimeMs) {
    console.log("Building the site (first run, or sources changed)…");
    const build = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
}

/** @type {import("node:child_process").ChildProcess[]} */
const children = [];
function stopAll(code = 0) {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  setTimeout(() => process.exit(code), 500).unref();
}
process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));

/**
 * @param {string} name
 * @param {string} command
 * @param {string[]} args
 * @param {Record<string, string>} env
 */
function start(name, command, args, env) {
  const child = spawn(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  child.on("exit", (code) => {
    console.error(`${name} stopped (exit ${code}).`);
    stopAll(code ?? 1);
  });
  children.push(child);
  return child;
}

/** @param {string} url @param {number} timeoutMs */
async function waitFor(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up within ${timeoutMs / 1000}s`);
}

// Occupop's webhooks, as the emulator sends them, reach the site: a job changed at
// /_emulator/jobs shows at once, a candidate's status as HR moves them on is kept.
const webhookSecret = process.env.OCCUPOP_WEBHOOK_SECRET || "emulator-demo-webhook-secret";
start("The Occupop emulator", process.execPath, [join(root, "node_modules", "tsx", "dist", "cli.mjs"), "emulator/main.ts"], {
  EMULATOR_PORT: emulatorPort,
  EMULATOR_SMTP_PORT: smtpPort,
  EMULATOR_TOKEN: token,
  EMULATOR_DATA_DIR: join(dataDir, "emulator"),
  EMULATOR_WEBHOOK_URL: `http://127.0.0.1:${port}/api/occupop/webhook`,
  EMULATOR_WEBHOOK_SECRET: webhookSecret,
});
await waitFor(`http://127.0.0.1:${emulatorPort}/_emulator`, 15_000);

start("The site", process.execPath, [join(root, "scripts", "server.mjs"), ...(dev ? ["--dev"] : [])], {
  PORT: port,
  OCCUPOP_API_URL: `http://127.0.0.1:${emulatorPort}/rest`,
  OCCUPOP_API_TOKEN: token,
  SITE_URL: process.env.SITE_URL || `http://localhost:${port}`,
  DATA_DIR: dataDir,
  ADMIN_EMAIL: adminEmail,
  ADMIN_PASSWORD: adminPassword,
  OCCUPOP_WEBHOOK_SECRET: webhookSecret,
  // Job alerts' email goes to the emulator's SMTP server, listed at /_emulator/mailbox.
  SMTP_URL: process.env.SMTP_URL || `smtp://127.0.0.1:${smtpPort}`,
  MAIL_FROM: process.env.MAIL_FROM || "Careers demo <careers@example.com>",
  NEXT_TELEMETRY_DISABLED: "1",
});
await waitFor(`http://127.0.0.1:${port}/api/health`, 120_000);
console.log(`
  Careers site:      http://localhost:${port}
  Admin (branding):  http://localhost:${port}/admin  (${adminEmail} / ${adminPassword})
  Occupop emulator:  http://127.0.0.1:${emulatorPort}/rest  (what HR would receive: http://127.0.0.1:${emulatorPort}/_emulator/candidates)
  Mail sent:         http://127.0.0.1:${emulatorPort}/_emulator/mailbox  (job alerts, via smtp://127.0.0.1:${smtpPort})

Press Ctrl+C to stop.`);
