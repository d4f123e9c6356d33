// The resume: checked by content, not by name, and kept on disk until it is delivered.
// file-type reads the magic bytes; a .doc (an OLE compound file, like .xls or .msi) is
// accepted only when cfb finds a WordDocument stream inside it.
import "server-only";
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, open, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import CFB from "cfb";
import { fileTypeFromBlob } from "file-type";
import { dataDir } from "@/lib/db";

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
export const DOC_MIME = "application/msword";
export const PDF_MIME = "application/pdf";

export type SniffResult = { ok: true; mime: string } | { ok: false; problem: string };

const NOT_A_DOCUMENT = "This file is not a real PDF, DOC or DOCX document. Choose your resume in one of those formats.";

export async function sniffResume(file: Blob): Promise<SniffResult> {
  const type = await fileTypeFromBlob(file);
  if (type?.mime === PDF_MIME) return { ok: true, mime: PDF_MIME };
  if (type?.ext === "docx") return { ok: true, mime: DOCX_MIME };
  if (type?.ext === "cfb") {
    try {
      // Word 97-2003 files are small; reading one whole is fine.
      const container = CFB.read(new Uint8Array(await file.arrayBuffer()), { type: "array" });
      if (container.FileIndex.some((entry) => entry.name === "WordDocument")) return { ok: true, mime: DOC_MIME };
    } catch {
      // Not a readable compound file.
    }
  }
  return { ok: false, problem: NOT_A_DOCUMENT };
}

export function outboxDir(): string {
  return join(dataDir(), "outbox");
}

export function resumePath(applicationId: string): string {
  return join(outboxDir(), `${applicationId.replace(/[^a-zA-Z0-9-]/g, "")}.bin`);
}

/**
 * Writes the resume to disk atomically and durably: streamed to a temporary file, fsynced,
 * renamed into place, and the directory fsynced. Returns its size and sha256.
 */
export async function storeResume(applicationId: string, file: Blob): Promise<{ size: number; sha256: string }> {
  const dir = outboxDir();
  await mkdir(dir, { recursive: true });
  const final = resumePath(applicationId);
  const temp = `${final}.part`;
  const hash = createHash("sha256");
  let size = 0;
  try {
    await pipeline(
      Readable.fromWeb(file.stream() as NodeReadableStream<Uint8Array>),
      new Transform({
        transform(chunk: Buffer, _enc, done) {
          hash.update(chunk);
          size += chunk.length;
          done(null, chunk);
        },
      }),
      createWriteStream(temp),
    );
    const handle = await open(temp, "r");
    await handle.sync();
    await handle.close();
    await rename(temp, final);
    const dirHandle = await open(dir, "r");
    await dirHandle.sync();
    await dirHandle.close();
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return { size, sha256: hash.digest("hex") };
}

export async function deleteResume(applicationId: string): Promise<void> {
  await rm(resumePath(applicationId), { force: true });
}
