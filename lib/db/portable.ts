// The few DDL details where SQLite and PostgreSQL differ, so migrations stay one file each.
import { PostgresAdapter, type ColumnDefinitionBuilder, type Kysely } from "kysely";

export function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** An auto-incrementing integer primary key. */
export function autoId(db: Kysely<unknown>) {
  return (c: ColumnDefinitionBuilder) =>
    isPostgres(db) ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement();
}

/** The column type for binary data. */
export function binary(db: Kysely<unknown>): "bytea" | "blob" {
  return isPostgres(db) ? "bytea" : "blob";
}
