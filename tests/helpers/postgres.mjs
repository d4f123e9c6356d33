// @ts-check
// A real, throwaway PostgreSQL server for the tests: its own data directory and port, started
// from the machine's PostgreSQL binaries (Debian's `postgresql` package, installed here when
// missing and running as root, as the e2e tests do with Chromium). With TEST_DATABASE_URL set,
// that server is used instead. Never skipped: when neither can be had, it fails in one line.
//
//   startPostgres()                  → { adminUrl, createDatabase(name), stop() }  (Vitest, bench)
//   node tests/helpers/postgres.mjs  → runs in the foreground for Playwright's webServer:
//                                      PG_PORT, PG_DATABASE; answers http://127.0.0.1:PG_READY_PORT
//                                      once the database exists; stops on SIGTERM/SIGINT.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { createServer as createNetServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";

export const NO_POSTGRES =
  "PostgreSQL is needed for the tests and none was found: install it (Debian: apt-get install -y postgresql) or set TEST_DATABASE_URL.";

/** The directory holding initdb and postgres, or null. */
function findBinaries() {
  const wanted = process.env.PG_BINDIR;
  if (wanted) return existsSync(join(wanted, "initdb")) ? wanted : null;
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => existsSync(join(debian, v, "bin", "initdb")))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(debian, versions[0], "bin");
  }
  const config = spawnSync("pg_config", ["--bindir"], { encoding: "utf8" });
  const bindir = config.status === 0 ? config.stdout.trim() : "";
  return bindir && existsSync(join(bindir, "initdb")) ? bindir : null;
}

function installDebianPackage() {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot || !existsSync("/usr/bin/apt-get")) return false;
  process.stderr.write("PostgreSQL is missing: installing Debian's postgresql package for the tests…\n");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const run = (/** @type {string[]} */ args) => spawnSync("apt-get", args, { stdio: ["ignore", "ignore", "inherit"], env }).status === 0;
  return run(["update", "-qq"]) && run(["install", "-y", "-qq", "postgresql"]);
}

/** @returns {Promise<number>} a free TCP port on 127.0.0.1 */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** @param {string} url @param {number} timeoutMs */
async function waitUntilAccepting(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      last = error;
      await client.end().catch(() => undefined);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`PostgreSQL did not accept connections in time: ${last instanceof Error ? last.message : String(last)}`);
}

/** @param {string} adminUrl @param {string} name */
async function createDatabaseOn(adminUrl, name) {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name: ${name}`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists ${name} with (force)`);
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Starts a PostgreSQL server (or uses TEST_DATABASE_URL).
 * @param {{ port?: number }} [options]
 */
export async function startPostgres(options = {}) {
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    return {
      adminUrl: given,
      createDatabase: (/** @type {string} */ name) => createDatabaseOn(given, name),
      stop: async () => undefined,
    };
  }
  let bindir = findBinaries();
  if (!bindir && installDebianPackage()) bindir = findBinaries();
  if (!bindir) throw new Error(NO_POSTGRES);

  // PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres user.
  const asRoot = userInfo().uid === 0;
  const runAs = asRoot ? ["runuser", "-u", "postgres", "--"] : [];
  const dir = mkdtempSync(join(tmpdir(), "careers-pg-"));
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  const data = join(dir, "data");
  const init = spawnSync(runAs[0] ?? join(bindir, "initdb"), [...runAs.slice(1), ...(asRoot ? [join(bindir, "initdb")] : []), "-D", data, "-U", "careers", "-A", "trust", "-E", "UTF8", "--no-sync"], {
    encoding: "utf8",
  });
  if (init.status !== 0) throw new Error(`initdb failed: ${(init.stderr || init.stdout).trim().split("\n").pop()}`);

  const port = options.port ?? (await freePort());
  const args = [
    "-D", data, "-p", String(port), "-k", dir, "-c", "listen_addresses=127.0.0.1",
    // A test server: speed over crash safety (the tests kill the site, never the database).
    "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
    "-c", "max_connections=300", "-c", "shared_buffers=64MB",
  ];
  const server = spawn(runAs[0] ?? join(bindir, "postgres"), [...runAs.slice(1), ...(asRoot ? [join(bindir, "postgres")] : []), ...args], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let log = "";
  server.stderr?.on("data", (d) => (log = (log + d.toString()).slice(-4000)));
  const exited = new Promise((resolve) => server.once("exit", resolve));
  const adminUrl = `postgres://careers@127.0.0.1:${port}/postgres`;
  try {
    await Promise.race([
      waitUntilAccepting(adminUrl, 30_000),
      exited.then(() => {
        throw new Error(`PostgreSQL exited at start: ${log.trim().split("\n").pop()}`);
      }),
    ]);
  } catch (error) {
    server.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    adminUrl,
    port,
    createDatabase: (/** @type {string} */ name) => createDatabaseOn(adminUrl, name),
    async stop() {
      if (server.exitCode === null) {
        // SIGINT: PostgreSQL's fast shutdown, sent to the postmaster itself (runuser, in
        // between as root, does not pass signals on).
        const pid = Number(readFileSync(join(data, "postmaster.pid"), "utf8").split("\n")[0]);
        if (pid > 0) process.kill(pid, "SIGINT");
        else server.kill("SIGINT");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (server.exitCode === null) server.kill("SIGKILL");
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// As a foreground process (Playwright's webServer).
async function main() {
  const port = Number(process.env.PG_PORT) || undefined;
  const name = process.env.PG_DATABASE ?? "careers_e2e";
  const readyPort = Number(process.env.PG_READY_PORT);
  try {
    const pgServer = await startPostgres({ port });
    const url = await pgServer.createDatabase(name);
    process.stdout.write(`PostgreSQL ready: ${url}\n`);
    const ready = createServer((_req, res) => res.end(url));
    if (readyPort) ready.listen(readyPort, "127.0.0.1");
    let stopping = false;
    // Once, whatever comes (a signal may come twice: to the process group and passed on).
    const stop = () => {
      if (stopping) return;
      stopping = true;
      ready.close();
      void pgServer.stop().then(() => process.exit(0));
    };
    process.on("SIGTERM", stop);
    process.on("SIGINT", stop);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) void main();
