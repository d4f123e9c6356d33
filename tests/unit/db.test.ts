import { readdirSync } from "node:fs";
import { join } from "node:path";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { beforeEach, describe, expect, inject, it } from "vitest";
import { db, describeDatabaseError, migrateToLatest, ping, type Database } from "@/lib/db";
import { clearHits, hit, peek } from "@/lib/rate-limit";
import { DATABASES, freshDatabase } from "../helpers/databases";
import { freePort } from "../helpers/postgres.mjs";

describe.each(DATABASES)("rate limits on %s", (kind) => {
  beforeEach(async () => {
    await freshDatabase(kind);
  });

  it("counts concurrent hits exactly: the limit is the site's, however many servers share it", async () => {
    const results = await Promise.all(Array.from({ length: 40 }, () => hit("apply:203.0.113.9", 5, 60_000)));
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
    expect(await peek("apply:203.0.113.9", 60_000)).toBe(40);
  });

  it("slides: hits just before and just after a window boundary count together", async () => {
    const start = 1_700_000_000_000 - (1_700_000_000_000 % 60_000);
    expect((await hit("k", 1, 60_000, start + 59_000)).allowed).toBe(true);
    // One second later, in the next fixed window: a fixed window would allow it.
    const next = await hit("k", 1, 60_000, start + 61_000);
    expect(next.allowed).toBe(false);
    expect(next.retryAfterMs).toBeGreaterThan(0);
    expect(next.retryAfterMs).toBeLessThanOrEqual(59_000);
    expect(await peek("k", 60_000, start + 61_000)).toBe(2);
    // Two windows on, the old hits no longer count.
    expect((await hit("k", 1, 60_000, start + 180_000)).allowed).toBe(true);
    await clearHits("k");
    expect(await peek("k", 60_000, start + 180_000)).toBe(0);
  });
});

describe("PostgreSQL", () => {
  it("applies each migration once when several servers start together", async () => {
    await freshDatabase("postgres");
    const url = process.env.DATABASE_URL!;
    const servers = Array.from({ length: 4 }, () => new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 2 }) }) }));
    try {
      const applied = await Promise.all(servers.map((s) => migrateToLatest(s)));
      // Every migration in lib/db/migrations, each applied by exactly one of the four.
      const files = readdirSync(join(process.cwd(), "lib/db/migrations")).filter((f) => f.endsWith(".ts")).map((f) => f.slice(0, -3)).sort();
      expect(files.length).toBeGreaterThanOrEqual(14);
      expect(applied.flat().sort()).toEqual(files);
      const tables = await sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_name = 'applications'`.execute(servers[0]!);
      expect(tables.rows[0]?.n).toBe(1);
    } finally {
      await Promise.all(servers.map((s) => s.destroy()));
    }
  });

  it("names an unreachable or wrong database in one sentence, without its password", async () => {
    const port = await freePort();
    const nowhere = `postgres://careers:hunter2-secret@127.0.0.1:${port}/careers`;
    const client = new pg.Client({ connectionString: nowhere });
    const refused = await client.connect().then(() => null, (e: unknown) => e);
    expect(describeDatabaseError(refused, nowhere)).toBe(`The database (PostgreSQL at 127.0.0.1:${port}/careers) cannot be used: nothing is listening there.`);

    const admin = new URL(inject("pgAdminUrl"));
    admin.pathname = "/no_such_database";
    admin.password = "hunter2-secret";
    const missing = new pg.Client({ connectionString: admin.toString() });
    const error = await missing.connect().then(() => null, (e: unknown) => e);
    const line = describeDatabaseError(error, admin.toString());
    expect(line).toMatch(/cannot be used: that database does not exist\.$/);
    expect(line).not.toContain("hunter2");
  });

  it("pings the database it is configured for", async () => {
    await freshDatabase("postgres");
    await expect(ping()).resolves.toBeUndefined();
    expect(db().getExecutor().adapter.constructor.name).toBe("PostgresAdapter");
  });
});
