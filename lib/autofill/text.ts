// A CV's text as lines, for ./fields.ts. PDF through unpdf (pdf.js, kept for server runtimes):
// its text items are grouped into lines by their height on the page and split where a gap
// parts two columns, and the lines set in the first page's largest type are noted (the name,
// most often). DOCX through mammoth (the body's paragraphs, tables included) plus the
// document's headers and footers, which mammoth leaves out, read with @xmldom/xmldom from the
// archive's parts through yauzl. A .doc, or a file that cannot be read, gives null: the form is
// then simply not filled in.
import "server-only";
import { DOMParser } from "@xmldom/xmldom";
import mammoth from "mammoth";
import { extractTextItems, getDocumentProxy } from "unpdf";
import yauzl from "yauzl";
import type { CvText } from "./fields";

/** What the file is, by its content (lib/applications/resume.ts sniffs it first). */
export type CvFormat = "pdf" | "docx" | "doc";

/** Larger files are not read for autofill (a CV of a few pages is far smaller). */
export const AUTOFILL_MAX_BYTES = 5 * 1024 * 1024;

type Item = { str: string; x: number; y: number; width: number; fontSize: number };

function pdfLines(pages: Item[][]): CvText {
  const lines: string[] = [];
  let largest: string[] = [];
  pages.forEach((items, page) => {
    const rows: Item[][] = [];
    for (const item of [...items].filter((i) => i.str.trim()).sort((a, b) => b.y - a.y || a.x - b.x)) {
      const row = rows.at(-1);
      if (row && Math.abs(row[0]!.y - item.y) <= Math.max(2, item.fontSize * 0.4)) row.push(item);
      else rows.push([item]);
    }
    const segments: Item[][] = [];
    for (const row of rows) {
      row.sort((a, b) => a.x - b.x);
      let segment: Item[] = [];
      for (const item of row) {
        const last = segment.at(-1);
        if (last && item.x - (last.x + last.width) > Math.max(24, 2 * Math.min(item.fontSize, last.fontSize))) {
          segments.push(segment);
          segment = [];
        }
        segment.push(item);
      }
      if (segment.length) segments.push(segment);
    }
    const text = (segment: Item[]) =>
      segment.reduce((line, item, i) => {
        const previous = segment[i - 1];
        const gap = previous ? item.x - (previous.x + previous.width) : 0;
        return line + (previous && gap > item.fontSize * 0.15 && !line.endsWith(" ") && !item.str.startsWith(" ") ? " " : "") + item.str;
      }, "");
    lines.push(...segments.map(text));
    if (page === 0) {
      const size = Math.max(0, ...segments.flat().filter((i) => /\p{L}/u.test(i.str)).map((i) => i.fontSize));
      largest = segments.filter((s) => s.some((i) => i.fontSize === size)).map(text);
    }
  });
  return { lines, largest };
}

/**
 * Whether the PDF ends as a whole one does (its cross-reference's "startxref" near the end).
 * pdf.js rebuilds a PDF without one by reading every object, which is slow and blocks the
 * server; such a file is simply not read for autofill.
 */
function endsWhole(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(Math.max(0, bytes.byteLength - 64 * 1024)).toString("latin1").trimEnd();
  return tail.slice(-2048).includes("startxref");
}

async function pdfText(bytes: Uint8Array): Promise<CvText | null> {
  if (!endsWhole(bytes)) return null;
  const pdf = await getDocumentProxy(bytes);
  try {
    const { items } = await extractTextItems(pdf);
    return pdfLines(items);
  } finally {
    await pdf.destroy();
  }
}

/** The paragraphs of a DOCX's headers and footers. */
async function headerFooterLines(bytes: Buffer): Promise<string[]> {
  const zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true });
  const lines: string[] = [];
  try {
    for await (const entry of zip.eachEntry()) {
      if (!/^word\/(header|footer)\d*\.xml$/.test(entry.fileName) || entry.uncompressedSize > 1024 * 1024) continue;
      const chunks: Buffer[] = [];
      for await (const chunk of (await zip.openReadStreamPromise(entry)) as AsyncIterable<Buffer>) chunks.push(chunk);
      const doc = new DOMParser().parseFromString(Buffer.concat(chunks).toString("utf8"), "text/xml");
      const paragraphs = doc.getElementsByTagName("w:p");
      for (let i = 0; i < paragraphs.length; i++) {
        const runs = paragraphs[i]!.getElementsByTagName("w:t");
        let text = "";
        for (let j = 0; j < runs.length; j++) text += runs[j]!.textContent ?? "";
        if (text.trim()) lines.push(text);
      }
    }
  } finally {
    zip.close();
  }
  return lines;
}

async function docxText(bytes: Buffer): Promise<CvText> {
  const [{ value }, around] = await Promise.all([mammoth.extractRawText({ buffer: bytes }), headerFooterLines(bytes)]);
  return { lines: [...around, ...value.split(/\n+/)], largest: [] };
}

/** The CV's text, or null when it is not a PDF or DOCX that can be read. */
export async function cvText(file: Blob, format: CvFormat): Promise<CvText | null> {
  if (file.size > AUTOFILL_MAX_BYTES || format === "doc") return null;
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    return format === "pdf" ? await pdfText(bytes) : await docxText(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    return null;
  }
}
