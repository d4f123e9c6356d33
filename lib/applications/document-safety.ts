// What a Word document must not carry to be passed on to HR: macros (a DOCX with a
// vbaProject.bin part or a macro-enabled content type; a .doc with a Macros or _VBA_PROJECT
// storage), and, for a DOCX, the shape of a zip bomb. A DOCX is read through its central
// directory only (yauzl over slices of the upload: nothing is unpacked but [Content_Types].xml,
// whose declared size is checked first), so an archive that would unpack to gigabytes is
// refused from its table of contents.
import "server-only";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import type CFB from "cfb";
import yauzl from "yauzl";

/** More parts than any real résumé has; an archive's table of contents may say otherwise. */
const MAX_ENTRIES = 2_000;
/** What a résumé may unpack to, all parts together. */
const MAX_UNPACKED_BYTES = 300 * 1024 * 1024;
/** A part that claims to grow more than this many times when unpacked, and is big, is a bomb. */
const MAX_RATIO = 200;
const RATIO_APPLIES_FROM = 10 * 1024 * 1024;
const MAX_CONTENT_TYPES_BYTES = 1024 * 1024;

/** Why a Word file is refused: keys of the form's error messages (lib/i18n/messages, apply.errors). */
export type DocumentProblem = "resumeMacros" | "resumeUnusual";
const MACROS: DocumentProblem = "resumeMacros";
const NOT_A_NORMAL_DOCUMENT: DocumentProblem = "resumeUnusual";

/** Reads the upload in ranges, so the archive's directory can be read without loading the file. */
class BlobReader extends yauzl.RandomAccessReader {
  constructor(private readonly blob: Blob) {
    super();
  }
  override _readStreamForRange(start: number, end: number): Readable {
    return Readable.fromWeb(this.blob.slice(start, end).stream() as NodeReadableStream<Uint8Array>);
  }
}

async function readAll(stream: Readable, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      stream.destroy();
      throw new Error("part larger than declared");
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** null when the DOCX is acceptable; else the sentence to show beside the field. */
export async function docxProblem(file: Blob): Promise<DocumentProblem | null> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromRandomAccessReaderPromise(new BlobReader(file), file.size, { lazyEntries: true, autoClose: false, validateEntrySizes: true });
  } catch {
    return NOT_A_NORMAL_DOCUMENT;
  }
  try {
    if (zip.entryCount > MAX_ENTRIES) return NOT_A_NORMAL_DOCUMENT;
    let unpacked = 0;
    let contentTypes: yauzl.Entry | null = null;
    for await (const entry of zip.eachEntry()) {
      const name = entry.fileName.toLowerCase();
      if (name.endsWith("vbaproject.bin") || name.endsWith("vbadata.xml")) return MACROS;
      unpacked += entry.uncompressedSize;
      if (unpacked > MAX_UNPACKED_BYTES) return NOT_A_NORMAL_DOCUMENT;
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (entry.uncompressedSize > RATIO_APPLIES_FROM && ratio > MAX_RATIO) return NOT_A_NORMAL_DOCUMENT;
      if (name === "[content_types].xml") contentTypes = entry;
    }
    if (contentTypes) {
      if (contentTypes.uncompressedSize > MAX_CONTENT_TYPES_BYTES) return NOT_A_NORMAL_DOCUMENT;
      const xml = await readAll(await zip.openReadStreamPromise(contentTypes), MAX_CONTENT_TYPES_BYTES);
      if (/macroEnabled|vbaProject/i.test(xml)) return MACROS;
    }
    return null;
  } catch {
    return NOT_A_NORMAL_DOCUMENT;
  } finally {
    zip.close();
  }
}

/** null when the .doc (an OLE compound file, read already) carries no macro storage. */
export function docProblem(container: CFB.CFB$Container): DocumentProblem | null {
  const macro = container.FileIndex.some((entry) => /^(macros|_vba_project|vba)$/i.test(entry.name));
  return macro ? MACROS : null;
}
