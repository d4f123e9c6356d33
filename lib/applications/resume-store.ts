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
 * Writes a file as chunk rows, one slice at a time: a Blob slice costs nothing, and each
 * chunk's bytes are copied once, for the insert. Returns the byte count and sha256 stored.
 */
export async function writeResumeChunks(db: Db, applicationId: string, file: Blob): Promise<{ size: number; sha256: string }> {
  const hash = createHash("sha256");
  let seq = 0;
  for (let offset = 0; offset < file.size; offset += CHUNK_BYTES) {
    // A Buffer (not a bare Uint8Array): node-postgres sends Buffers as binary bytea.
    const bytes = Buffer.from(await file.slice(offset, offset + CHUNK_BYTES).arrayBuffer());
    hash.update(bytes);
    await db.insertInto("resume_chunks").values({ application_id: applicationId, seq: seq++, bytes }).execute();
  }
  return { size: file.size, sha256: hash.digest("hex") };
}

async function readChunk(applicationId: string, seq: number): Promise<Uint8Array | undefined> {
  const db = await database();
  const row = await db.selectFrom("resume_chunks").select("bytes").where("application_id", "=", applicationId).where("seq", "=", seq).executeTakeFirst();
  return row?.bytes;
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
      const bytes = await readChunk(applicationId, seq);
      if (!bytes) {
        if (sent !== size) controller.error(new Error(`stored resume is ${sent} bytes, expected ${size}`));
        else controller.close();
        return;
      }
      seq++;
      sent += bytes.byteLength;
      controller.enqueue(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
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
