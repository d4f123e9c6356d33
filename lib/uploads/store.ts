// A tus DataStore (@tus/server) keeping uploads in the database every replica shares: the
// upload's facts in `uploads`, its bytes in `upload_chunks` rows of up to CHUNK_BYTES. A PATCH
// is read a chunk at a time and each full chunk is stored with the new offset in one
// transaction, conditional on the offset it started from, so memory stays flat whatever the
// file's size, a broken connection keeps every byte stored before it, and two replicas can
// never both append at one offset. Uploads expire EXPIRY_MS after their last bytes arrived
// (housekeeping deletes them; lib/boot.ts).
import "server-only";
import { createWriteStream, openAsBlob } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { DataStore, ERRORS, Upload } from "@tus/utils";
import { database } from "@/lib/db";

export const CHUNK_BYTES = 1024 * 1024;
export const EXPIRY_MS = 60 * 60 * 1000;

type Row = { id: string; size: number | null; offset: number; metadata: string; expires_at: number };

function toUpload(row: Row): Upload {
  return new Upload({
    id: row.id,
    size: row.size === null ? undefined : Number(row.size),
    offset: Number(row.offset),
    metadata: JSON.parse(row.metadata) as Record<string, string | null>,
    // @tus/server expires an upload EXPIRY_MS after its creation date; here an hour after the
    // last bytes arrived (each append moves expires_at on), so a slow upload never runs out.
    creation_date: new Date(Number(row.expires_at) - EXPIRY_MS).toISOString(),
  });
}

export class DatabaseStore extends DataStore {
  constructor() {
    super();
    this.extensions = ["creation", "creation-with-upload", "termination", "expiration"];
  }

  override async create(upload: Upload): Promise<Upload> {
    const db = await database();
    const now = Date.now();
    await db
      .insertInto("uploads")
      .values({ id: upload.id, size: upload.size ?? null, offset: 0, metadata: JSON.stringify(upload.metadata ?? {}), created_at: now, expires_at: now + EXPIRY_MS })
      .execute();
    upload.creation_date = new Date(now).toISOString();
    return upload;
  }

  override async getUpload(id: string): Promise<Upload> {
    const db = await database();
    const row = await db.selectFrom("uploads").select(["id", "size", "offset", "metadata", "expires_at"]).where("id", "=", id).executeTakeFirst();
    if (!row || Number(row.expires_at) < Date.now()) throw ERRORS.FILE_NOT_FOUND;
    return toUpload(row);
  }

  override async remove(id: string): Promise<void> {
    const db = await database();
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom("upload_chunks").where("upload_id", "=", id).execute();
      await trx.deleteFrom("uploads").where("id", "=", id).execute();
    });
  }

  override async write(stream: Readable, id: string, offset: number): Promise<number> {
    const db = await database();
    const seqRow = await db
      .selectFrom("upload_chunks")
      .select((eb) => eb.fn.count<number>("seq").as("n"))
      .where("upload_id", "=", id)
      .executeTakeFirstOrThrow();
    let seq = Number(seqRow.n);
    let at = offset;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = async () => {
      if (pendingBytes === 0) return;
      const data = Buffer.concat(pending, pendingBytes);
      pending = [];
      pendingBytes = 0;
      await db.transaction().execute(async (trx) => {
        const moved = await trx
          .updateTable("uploads")
          .set({ offset: at + data.length, expires_at: Date.now() + EXPIRY_MS })
          .where("id", "=", id)
          .where("offset", "=", at)
          .executeTakeFirst();
        // Another replica appended at this offset first: this request's bytes are not the upload's.
        if (Number(moved.numUpdatedRows) !== 1) throw ERRORS.INVALID_OFFSET;
        await trx.insertInto("upload_chunks").values({ upload_id: id, seq, data }).execute();
      });
      seq++;
      at += data.length;
    };
    try {
      for await (const piece of stream as AsyncIterable<Buffer>) {
        let rest = piece;
        while (rest.length) {
          const room = CHUNK_BYTES - pendingBytes;
          pending.push(rest.subarray(0, room));
          pendingBytes += Math.min(room, rest.length);
          rest = rest.subarray(room);
          if (pendingBytes === CHUNK_BYTES) await flush();
        }
      }
    } finally {
      // A connection cut mid-way keeps what arrived: the client resumes from there.
      await flush();
    }
    return at;
  }

  override getExpiration(): number {
    return EXPIRY_MS;
  }

  override async deleteExpired(): Promise<number> {
    const db = await database();
    const expired = await db.selectFrom("uploads").select("id").where("expires_at", "<", Date.now()).execute();
    for (const { id } of expired) await this.remove(id);
    return expired.length;
  }
}

/** The upload's bytes, in order, a stored row at a time (copied to disk by finishedUploadFile). */
export async function* uploadBytes(id: string): AsyncGenerator<Uint8Array> {
  const db = await database();
  for (let seq = 0; ; seq++) {
    const row = await db.selectFrom("upload_chunks").select("data").where("upload_id", "=", id).where("seq", "=", seq).executeTakeFirst();
    if (!row) return;
    yield row.data;
  }
}

/** The tus id a form refers to its uploaded resume by (hex, as @tus/server names uploads). */
export const isUploadId = (value: unknown): value is string => typeof value === "string" && /^[0-9a-f]{32}$/.test(value);

export type FinishedUpload = { file: File; dispose: () => Promise<void> };

/**
 * A finished upload as the file the form would have posted, or null when it is unknown, expired
 * or unfinished. Its bytes are copied, one stored row at a time, to a temporary file, and the
 * File is backed by that file on disk (node's openAsBlob): checking it, storing it with the
 * application and sending it to Occupop all read it in slices, so memory stays flat whatever
 * its size. `dispose` deletes the temporary file.
 */
export async function finishedUploadFile(id: string): Promise<FinishedUpload | null> {
  if (!isUploadId(id)) return null;
  let upload: Upload;
  try {
    upload = await new DatabaseStore().getUpload(id);
  } catch {
    return null;
  }
  if (upload.size === undefined || upload.offset !== upload.size) return null;
  const dir = await mkdtemp(join(tmpdir(), "careers-upload-"));
  const dispose = () => rm(dir, { recursive: true, force: true });
  try {
    const path = join(dir, "resume");
    await pipeline(Readable.from(uploadBytes(id)), createWriteStream(path));
    const blob = await openAsBlob(path);
    if (blob.size !== upload.size) throw new Error(`stored upload is ${blob.size} bytes, expected ${upload.size}`);
    const name = String(upload.metadata?.filename ?? "resume").slice(0, 200);
    return { file: new File([blob], name, { type: String(upload.metadata?.filetype ?? "") }), dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

/** The application holds its own copy now: the upload goes. */
export async function removeUpload(id: unknown): Promise<void> {
  if (isUploadId(id)) await new DatabaseStore().remove(id);
}
