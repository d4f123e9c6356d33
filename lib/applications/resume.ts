// The resume, checked by content, not by name (storage: ./resume-store.ts). file-type reads
// the magic bytes; a .doc (an OLE compound file, like .xls or .msi) is accepted only when
// cfb finds a WordDocument stream inside it; Word files with macros, and DOCX archives shaped
// like zip bombs, are refused (./document-safety.ts).
import "server-only";
import CFB from "cfb";
import { fileTypeFromBlob } from "file-type";
import { docProblem, docxProblem } from "./document-safety";
import { ENGLISH_ERRORS, type ErrorText } from "./schema";

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
export const DOC_MIME = "application/msword";
export const PDF_MIME = "application/pdf";

export type SniffResult = { ok: true; mime: string } | { ok: false; problem: string };

const NOT_A_DOCUMENT = "resumeNotDocument" as const;

/** The resume's type by its content, or why it is refused (in the form's language). */
export async function sniffResume(file: Blob, t: ErrorText = ENGLISH_ERRORS): Promise<SniffResult> {
  const type = await fileTypeFromBlob(file);
  if (type?.mime === PDF_MIME) return { ok: true, mime: PDF_MIME };
  if (type?.ext === "docx" || type?.ext === "docm") {
    const problem = await docxProblem(file);
    return problem ? { ok: false, problem: t(problem) } : { ok: true, mime: DOCX_MIME };
  }
  if (type?.ext === "cfb") {
    let container: CFB.CFB$Container;
    try {
      // Word 97-2003 files are small; reading one whole is fine.
      container = CFB.read(new Uint8Array(await file.arrayBuffer()), { type: "array" });
    } catch {
      return { ok: false, problem: t(NOT_A_DOCUMENT) };
    }
    if (!container.FileIndex.some((entry) => entry.name === "WordDocument")) return { ok: false, problem: t(NOT_A_DOCUMENT) };
    const problem = docProblem(container);
    return problem ? { ok: false, problem: t(problem) } : { ok: true, mime: DOC_MIME };
  }
  return { ok: false, problem: t(NOT_A_DOCUMENT) };
}
