// The site's database, behind Kysely: SQLite (better-sqlite3) in DATA_DIR by default, for one
// server; PostgreSQL (node-postgres) when DATABASE_URL is set, shared by every replica. One set
// of queries and migrations serves both (lib/db/portable.ts holds the few differences).
// Migrations are applied at start (lib/boot.ts); on PostgreSQL, Kysely's Migrator takes an
// advisory lock, so replicas starting together apply each migration once.
import "server-only";
import { processSingleton } from "@/lib/process-state.mjs";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type KyselyConfig, type Migration, type MigrationProvider } from "kysely";
import pg from "pg";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { recordQuerySpan } from "@/lib/telemetry/spans";
import { tracingOn } from "@/lib/telemetry/state";
import * as m001 from "./migrations/001-initial";
import * as m002 from "./migrations/002-admin-and-branding";
import * as m003 from "./migrations/003-failure-kind";
import * as m004 from "./migrations/004-shared-state";
import * as m005 from "./migrations/005-sliding-rate-limits";
import * as m006 from "./migrations/006-admin-hardening";
import * as m007 from "./migrations/007-insights";
import * as m008 from "./migrations/008-alerts";
import * as m009 from "./migrations/009-alert-language";
import * as m010 from "./migrations/010-authorization-and-limits";
import * as m011 from "./migrations/011-application-drafts";
import * as m012 from "./migrations/012-job-ledger";
import * as m013 from "./migrations/013-referral-links";
import * as m014 from "./migrations/014-search-notifications";
import * as m015 from "./migrations/015-occupop-events";
import * as m016 from "./migrations/016-application-receipts";
import * as m017 from "./migrations/017-talent-consents";
import * as m018 from "./migrations/018-uploads";
import type { Database } from "./schema";

export type { Database } from "./schema";
export { describeDatabaseError } from "./errors";

const MIGRATIONS: Record<string, Migration> = {
  "001-initial": m001,
  "002-admin-and-branding": m002,
  "003-failure-kind": m003,
  "004-shared-state": m004,
  "005-sliding-rate-limits": m005,
  "006-admin-hardening": m006,
  "007-insights": m007,
  "008-alerts": m008,
  "009-alert-language": m009,
  "010-authorization-and-limits": m010,
  "011-application-drafts": m011,
  "012-job-ledger": m012,
  "013-referral-links": m013,
  "014-search-notifications": m014,
  "015-occupop-events": m015,
  "016-application-receipts": m016,
  "017-talent-consents": m017,
  "018-uploads": m018,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export type DbKind = "sqlite" | "postgres";

type Holder = { db?: Kysely<Database>; pool?: pg.Pool; migrated?: Promise<void> };


function holder(): Holder {
  return processSingleton<Holder>("db", () => ({}));
}

export function dataDir(): string {
  return resolve(env().DATA_DIR);
}

/** Which database this server uses. */
export function dbKind(): DbKind {
  return env().DATABASE_URL ? "postgres" : "sqlite";
}

// Timestamps and sizes are bigint columns and counts are bigint results; node-postgres hands
// both back as strings by default. Every one of ours fits a JavaScript number (epoch
// milliseconds, byte counts), so they come back as numbers, as they do from SQLite.
const INT8 = 20;
const NUMERIC = 1700;
const pgTypes = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if (oid === INT8 || oid === NUMERIC) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  }) as typeof pg.types.getTypeParser,
};

/** With tracing on, each query becomes a span (its kind and table: never its values). */
function queryLog(system: "sqlite" | "postgresql"): Pick<KyselyConfig, "log"> {
  if (!tracingOn()) return {};
  return { log: (event) => recordQuerySpan(system, event.query.sql, event.queryDurationMillis, event.level === "error") };
}

function openPostgres(h: Holder, url: string): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: env().DATABASE_POOL_MAX,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    // A query stuck on a dead connection must not hold a request forever.
    query_timeout: 60_000,
    application_name: "careers-site",
    types: pgTypes,
  });
  // An idle client losing its connection (a database restart) is reported here; without a
  // listener it would crash the process. The pool replaces the client on next use.
  pool.on("error", (error) => log("db").warn({ err: error.message }, "idle database connection lost"));
  h.pool = pool;
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }), ...queryLog("postgresql") });
}

function openSqlite(): Kysely<Database> {
  const dir = dataDir();
  mkdirSync(dir, { recursive: true });
  const sqlite = new SQLite(join(dir, "careers.sqlite"));
  sqlite.pragma("journal_mode = WAL");
  // FULL: a committed application survives a crash or power loss, not only a killed process.
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), ...queryLog("sqlite") });
}

/** The database (opened on first use). */
export function db(): Kysely<Database> {
  const h = holder();
  if (!h.db) {
    const url = env().DATABASE_URL;
    h.db = url ? openPostgres(h, url) : openSqlite();
  }
  return h.db;
}

/** Brings a database's schema up to date (under Kysely's migration lock). */
export async function migrateToLatest(target: Kysely<Database>): Promise<string[]> {
  const { error, results } = await new Migrator({ db: target, provider }).migrateToLatest();
  const applied = (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
  for (const name of applied) log("db").info({ migration: name }, "migration applied");
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return applied;
}

/** Applies pending migrations once per process; safe to call from anywhere. */
export function migrate(): Promise<void> {
  const h = holder();
  h.migrated ??= migrateToLatest(db()).then(() => undefined).catch((error: unknown) => {
    // A database that was down at the first try is tried again by the next caller.
    h.migrated = undefined;
    throw error;
  });
  return h.migrated;
}

/** The database, migrated. Every capability reaches the database through this. */
export async function database(): Promise<Kysely<Database>> {
  await migrate();
  return db();
}

/** One round trip: throws when the database cannot be reached. */
export async function ping(): Promise<void> {
  await sql`select 1`.execute(db());
}

/** Closes the database (tests, shutdown). */
export async function closeDb(): Promise<void> {
  const h = holder();
  const open = h.db;
  h.db = undefined;
  h.pool = undefined;
  h.migrated = undefined;
  await open?.destroy();
}
