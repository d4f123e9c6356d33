// Resume bytes waiting for delivery, kept in the database in 1 MiB rows (resume_chunks), so
// every replica can deliver every application and nothing lives on one server's disk. They
// are written in the same transaction as their application, read back one chunk at a time
// while they stream to Occupop, and deleted once Occupop has the candidate.
import "server-only";
import { createHash } from "node:crypto";
import { existsSync, openAsBlob } from "node:fs";
import { readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import type { Kysely, Transaction } from "kysely";
import { dataDir, database, type Database } from "@/lib/db";
import { log } from "@/lib/log";

export const CHUNK_BYTES = 1024 * 1024;

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Streams a file into chunk rows. Holds at most one chunk in memory beyond what the caller
 * already holds. Returns the byte count and sha256 of what was stored.
 */
export async function writeResumeChunks(db: Db, applicationId: string, file: Blob): Promise<{ size: number; sha256: string }> {
  const hash = createHash("sha256");
  let size = 0;
  let seq = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const flush = async (all: boolean) => {
    while (pendingBytes >= CHUNK_BYTES || (all && pendingBytes > 0)) {
      const joined = Buffer.concat(pending, pendingBytes);
      const chunk = joined.subarray(0, Math.min(CHUNK_BYTES, joined.length));
      const rest = joined.subarray(chunk.length);
      await db.insertInto("resume_chunks").values({ application_id: applicationId, seq: seq++, bytes: chunk }).execute();
      pending = rest.length ? [rest] : [];
      pendingBytes = rest.length;
    }
  };
  for await (const piece of file.stream() as unknown as AsyncIterable<Uint8Array>) {
    const buffer = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    hash.update(buffer);
    size += buffer.length;
    pending.push(buffer);
    pendingBytes += buffer.length;
    await flush(false);
  }
  await flush(true);
  return { size, sha256: hash.digest("hex") };
}

/**
 * The stored resume as a stream that reads one chunk per pull, for an upload whose
 * Content-Length is `size`. Fails the stream when the stored bytes do not add up to `size`.
 */
export function readResumeChunks(applicationId: string, size: number): ReadableStream<Uint8Array> {
  let seq = 0;
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const db = await database();
      const row = await db
        .selectFrom("resume_chunks")
        .select("bytes")
        .where("application_id", "=", applicationId)
        .where("seq", "=", seq)
        .executeTakeFirst();
      if (!row) {
        if (sent !== size) controller.error(new Error(`stored resume is ${sent} bytes, expected ${size}`));
        else controller.close();
        return;
      }
      seq++;
      sent += row.bytes.byteLength;
      controller.enqueue(new Uint8Array(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength));
    },
  });
}

export async function deleteResumeChunks(db: Db, applicationId: string): Promise<void> {
  await db.deleteFrom("resume_chunks").where("application_id", "=", applicationId).execute();
}

/**
 * Before resumes lived in the database they were files in DATA_DIR/outbox. Applications a
 * previous version left waiting keep their resume: each file is moved into the database
 * (then deleted) before the worker starts.
 */
export async function importLegacyResumes(): Promise<number> {
  const dir = join(dataDir(), "outbox");
  if (!existsSync(dir)) return 0;
  const db = await database();
  let imported = 0;
  for (const name of await readdir(dir)) {
    const path = join(dir, name);
    const id = /^([a-zA-Z0-9-]+)\.bin$/.exec(name)?.[1];
    if (!id) {
      if (name.endsWith(".part")) await rm(path, { force: true });
      continue;
    }
    const record = await db.selectFrom("applications").select(["status", "resume_stored"]).where("id", "=", id).executeTakeFirst();
    if (record?.status === "pending" && record.resume_stored) {
      await db.transaction().execute(async (trx) => {
        await deleteResumeChunks(trx, id);
        await writeResumeChunks(trx, id, await openAsBlob(path));
      });
      imported++;
    }
    await rm(path, { force: true });
  }
  if (imported) log("outbox").info({ imported }, "moved waiting resumes from DATA_DIR/outbox into the database");
  return imported;
}
