// The database-facing unit tests run once on SQLite and once on PostgreSQL (a real server,
// started by tests/unit/global-setup.ts). Each test gets a fresh, empty database.
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { closeDb } from "@/lib/db";
import { resetEnv } from "@/lib/env";

export const DATABASES = ["sqlite", "postgres"] as const;
export type DatabaseKind = (typeof DATABASES)[number];

async function createPostgresDatabase(): Promise<string> {
  const admin = inject("pgAdminUrl");
  const name = `t_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Points lib/db (and DATA_DIR) at a new empty database of `kind`; returns DATA_DIR. */
export async function freshDatabase(kind: DatabaseKind): Promise<string> {
  await closeDb();
  const dir = mkdtempSync(join(tmpdir(), `careers-unit-${kind}-`));
  process.env.DATA_DIR = dir;
  if (kind === "postgres") process.env.DATABASE_URL = await createPostgresDatabase();
  else delete process.env.DATABASE_URL;
  resetEnv();
  // A background pass (a worker's timer) may have opened the old database while the new one
  // was being made: closed again, the next query opens the new one.
  await closeDb();
  return dir;
}
