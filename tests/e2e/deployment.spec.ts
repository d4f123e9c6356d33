// The container image, tested without a Docker engine: the runtime stage of the Dockerfile
// is replayed into a directory outside the repository (the same files it copies, nothing
// else), and that copy must run as the image would, from environment variables alone.
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { expect, test } from "@playwright/test";
import { E2E } from "../../playwright.config";
import { EMULATOR, freePort, newPostgresDatabase, target, healthDetails } from "./support";

/** The COPY --from=build lines of the Dockerfile's last stage: [sources…, destination]. */
function runtimeCopies(): string[][] {
  const stages = readFileSync("Dockerfile", "utf8").split(/^FROM /m);
  const runtime = stages.at(-1) ?? "";
  return [...runtime.matchAll(/^COPY --from=build(?: --chown=\S+)? (.+)$/gm)].map((m) => m[1]!.trim().split(/\s+/));
}

test("the image's files run from a copy outside the repository, configured by environment variables only", async () => {
  const copies = runtimeCopies();
  expect(copies.length).toBeGreaterThan(0);
  const root = mkdtempSync(join(tmpdir(), "careers-image-"));
  const app = join(root, "app");
  for (const parts of copies) {
    const destination = join(app, parts.at(-1)!);
    const sources = parts.slice(0, -1).map((s) => s.replace(/^\/app\//, ""));
    for (const source of sources) {
      if (destination.endsWith("/")) {
        mkdirSync(destination, { recursive: true });
        cpSync(source, join(destination, basename(source)), { recursive: true });
      } else {
        cpSync(source, destination, { recursive: true });
      }
    }
  }
  const port = await freePort();
  const databaseUrl = target().kind === "postgres" ? await newPostgresDatabase() : undefined;
  const child = spawn(process.execPath, ["scripts/server.mjs"], {
    cwd: app,
    // What the image sets, plus what an operator passes: no .env file, no repository.
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      DATA_DIR: join(root, "data"),
      OCCUPOP_API_URL: `${EMULATOR}/rest`,
      OCCUPOP_API_TOKEN: E2E.token,
      SITE_URL: `http://127.0.0.1:${port}`,
      HEALTH_TOKEN: E2E.healthToken,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  try {
    await expect
      .poll(async () => (await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null))?.status ?? 0, { timeout: 30_000, message: output })
      .toBe(200);
    const health = (await healthDetails<{ database: { kind: string } }>(`http://127.0.0.1:${port}`)).report;
    expect(health.database.kind).toBe(target().kind);
    const home = await fetch(`http://127.0.0.1:${port}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("Open positions");
    const asset = (await (await fetch(`http://127.0.0.1:${port}/`)).text()).match(/\/_next\/static\/[^"]+\.js/)?.[0];
    expect(asset).toBeTruthy();
    expect((await fetch(`http://127.0.0.1:${port}${asset}`)).status).toBe(200);
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
});
