// The resume, checked by content, not by name (storage: ./resume-store.ts). file-type reads
// the magic bytes; a .doc (an OLE compound file, like .xls or .msi) is accepted only when
// cfb finds a WordDocument stream inside it.
import "server-only";
import CFB from "cfb";
import { fileTypeFromBlob } from "file-type";

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
