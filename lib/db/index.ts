// The site's database: SQLite (better-sqlite3) in DATA_DIR by default, behind Kysely so the
// same queries can run on PostgreSQL when several replicas share one database.
// Migrations are applied at start (lib/boot.ts).
import "server-only";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, SqliteDialect, type Migration, type MigrationProvider } from "kysely";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import * as m001 from "./migrations/001-initial";
import * as m002 from "./migrations/002-admin-and-branding";
import * as m003 from "./migrations/003-failure-kind";
import type { Database } from "./schema";

export type { Database } from "./schema";

const MIGRATIONS: Record<string, Migration> = {
  "001-initial": m001,
  "002-admin-and-branding": m002,
  "003-failure-kind": m003,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

type Holder = { db?: Kysely<Database>; sqlite?: SQLite.Database; migrated?: Promise<void> };
const KEY = Symbol.for("careers.db");

function holder(): Holder {
  const g = globalThis as { [KEY]?: Holder };
  g[KEY] ??= {};
  return g[KEY];
}

export function dataDir(): string {
  return resolve(env().DATA_DIR);
}

/** The database (opened on first use). */
export function db(): Kysely<Database> {
  const h = holder();
  if (!h.db) {
    const dir = dataDir();
    mkdirSync(dir, { recursive: true });
    const sqlite = new SQLite(join(dir, "careers.sqlite"));
    sqlite.pragma("journal_mode = WAL");
    // FULL: a committed application survives a crash or power loss, not only a killed process.
    sqlite.pragma("synchronous = FULL");
    sqlite.pragma("busy_timeout = 5000");
    sqlite.pragma("foreign_keys = ON");
    h.sqlite = sqlite;
    h.db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  }
  return h.db;
}

/** Applies pending migrations once per process; safe to call from anywhere. */
export function migrate(): Promise<void> {
  const h = holder();
  h.migrated ??= (async () => {
    const { error, results } = await new Migrator({ db: db(), provider }).migrateToLatest();
    for (const r of results ?? []) {
      if (r.status === "Success") log("db").info({ migration: r.migrationName }, "migration applied");
    }
    if (error) throw error instanceof Error ? error : new Error(String(error));
  })();
  return h.migrated;
}

/** The database, migrated. Every capability reaches the database through this. */
export async function database(): Promise<Kysely<Database>> {
  await migrate();
  return db();
}

/** Closes the database (tests, shutdown). */
export async function closeDb(): Promise<void> {
  const h = holder();
  await h.db?.destroy();
  h.db = undefined;
  h.sqlite = undefined;
  h.migrated = undefined;
}
