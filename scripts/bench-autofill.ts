// `npm run bench`, section 12 (its autofill half; run by scripts/bench-uploads.mjs through tsx):
// the labelled set of 48 generated CVs (tests/helpers/cvs.ts) read through lib/autofill, with
// the share of fields right per field, per layout, per format and per language; and the parse
// time per CV, for the CVs as generated and padded to 1 and 5 MB with an attached file (a
// photo's or a portfolio's weight), p50 and p95.
import { PDFDocument } from "pdf-lib";
import { randomBytes } from "node:crypto";
import { CV_FIELDS, fieldsFromText } from "@/lib/autofill/fields";
import { cvText } from "@/lib/autofill/text";
import { labelledCvs, type LabelledCv } from "../tests/helpers/cvs";

const pct = (right: number, all: number) => `${((100 * right) / all).toFixed(0)}%`;
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))] ?? 0;

async function padded(cv: LabelledCv, bytes: number): Promise<Buffer> {
  const pdf = await PDFDocument.load(cv.bytes);
  await pdf.attach(randomBytes(bytes), "portfolio.bin", { mimeType: "application/octet-stream" });
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}

async function read(bytes: Buffer, format: "pdf" | "docx") {
  const t = performance.now();
  const text = await cvText(new Blob([new Uint8Array(bytes)]), format);
  const fields = text ? fieldsFromText(text) : {};
  return { fields, ms: performance.now() - t };
}

async function main(): Promise<void> {
  const cvs = await labelledCvs();
  const tally = new Map<string, { right: number; all: number }>();
  const count = (key: string, ok: boolean) => {
    const entry = tally.get(key) ?? { right: 0, all: 0 };
    entry.all++;
    if (ok) entry.right++;
    tally.set(key, entry);
  };
  const times: number[] = [];
  for (const cv of cvs) {
    const { fields, ms } = await read(cv.bytes, cv.format);
    times.push(ms);
    for (const field of CV_FIELDS) {
      const ok = fields[field] === cv.expected[field];
      for (const key of ["all", `field ${field}`, `layout ${cv.layout}`, `format ${cv.format}`, `language ${cv.language}`]) count(key, ok);
    }
  }
  const line = (prefix: string) =>
    [...tally.entries()]
      .filter(([key]) => key.startsWith(prefix))
      .map(([key, { right, all }]) => `${key.slice(prefix.length)} ${pct(right, all)}`)
      .join(", ");
  const all = tally.get("all")!;
  console.log(`   autofill on ${cvs.length} generated CVs (4 languages × 6 layouts × PDF and DOCX): ${pct(all.right, all.all)} of ${all.all} fields right`);
  console.log(`     per field: ${line("field ")}`);
  console.log(`     per layout: ${line("layout ")}`);
  console.log(`     per format: ${line("format ")}; per language: ${line("language ")}`);
  const kb = percentile(cvs.map((c) => c.bytes.length / 1024), 50);
  console.log(`     parse time as generated (median ${kb.toFixed(0)} KB): p50 ${percentile(times, 50).toFixed(0)} ms, p95 ${percentile(times, 95).toFixed(0)} ms`);
  for (const size of [1, 5]) {
    const heavy: number[] = [];
    for (const cv of cvs.filter((c) => c.format === "pdf")) {
      const bytes = await padded(cv, size * 1_000_000 - cv.bytes.length - 4096);
      const { fields, ms } = await read(bytes, "pdf");
      if (fields.email !== cv.expected.email) console.log(`     (${cv.name} at ${size} MB: email not read)`);
      heavy.push(ms);
    }
    console.log(`     parse time, ${heavy.length} PDFs of ${size} MB: p50 ${percentile(heavy, 50).toFixed(0)} ms, p95 ${percentile(heavy, 95).toFixed(0)} ms`);
  }
}

void main();
