// Autofill from a CV (lib/autofill): the labelled set of 48 generated CVs (tests/helpers/cvs.ts)
// read through the real parsers (unpdf, mammoth), fields compared with what each CV holds.
import { beforeAll, describe, expect, it } from "vitest";
import { CV_FIELDS, fieldsFromText } from "@/lib/autofill/fields";
import { cvText } from "@/lib/autofill/text";
import { doc } from "../helpers/documents";
import { labelledCvs, type LabelledCv } from "../helpers/cvs";

let cvs: LabelledCv[] = [];
const read = async (cv: LabelledCv) => {
  const text = await cvText(new Blob([new Uint8Array(cv.bytes)]), cv.format);
  return text ? fieldsFromText(text) : {};
};

describe("autofill from a CV", () => {
  beforeAll(async () => {
    cvs = await labelledCvs();
  });

  it("reads at least 90% of the fields right across 48 CVs in four languages and six layouts", async () => {
    expect(cvs.length).toBe(48);
    let right = 0;
    const wrong: string[] = [];
    for (const cv of cvs) {
      const found = await read(cv);
      for (const field of CV_FIELDS) {
        if (found[field] === cv.expected[field]) right++;
        else wrong.push(`${cv.name} ${field}: ${JSON.stringify(found[field])} ≠ ${JSON.stringify(cv.expected[field])}`);
      }
    }
    const share = right / (cvs.length * CV_FIELDS.length);
    if (share < 1) console.log(wrong.join("\n"));
    expect(share).toBeGreaterThanOrEqual(0.9);
  });

  it("fills a German CV's fields exactly", async () => {
    const cv = cvs.find((c) => c.name === "de labelled lines pdf")!;
    expect(await read(cv)).toEqual(cv.expected);
  });

  it("reads text laid out as people write it, not only as the generator does", () => {
    // A name in capitals, a label on its own line, a phone with a country code and dots.
    expect(
      fieldsFromText({
        lines: ["MARIE CURIE", "Physicist", "Contact", "Phone", "+33 6.12.34.56.78", "marie.curie@example.fr", "Paris, France", "Experience", "Sorbonne, Paris, France, 1906 – 1934"],
        largest: ["MARIE CURIE"],
      }),
    ).toEqual({ firstName: "Marie", lastName: "Curie", email: "marie.curie@example.fr", phone: "+33 6 12 34 56 78", city: "Paris", country: "FR" });
    // No country named: no city guessed, and the phone read as written (international).
    expect(fieldsFromText({ lines: ["Sam Lee", "sam@example.com", "+44 7911 123456"], largest: [] })).toEqual({ firstName: "Sam", lastName: "Lee", email: "sam@example.com", phone: "+44 7911 123456" });
    // A heading is never a name, and years are never a phone number.
    const found = fieldsFromText({ lines: ["Curriculum Vitae", "Work Experience", "2015 – 2019 Analyst", "jo@example.com"], largest: ["Curriculum Vitae"] });
    expect(found.firstName).toBeUndefined();
    expect(found.phone).toBeUndefined();
  });

  it("gives nothing for a file it cannot read, a .doc or a PDF that is not one", async () => {
    expect(await cvText(new Blob([new Uint8Array(doc())]), "doc")).toBeNull();
    expect(await cvText(new Blob(["%PDF-1.7 not really"]), "pdf")).toBeNull();
    // A real CV cut short (no cross-reference at its end): not rebuilt object by object.
    const real = cvs.find((c) => c.name === "en header line pdf")!.bytes;
    const cut = Buffer.concat([real.subarray(0, real.length - 200), Buffer.alloc(300 * 1024, 0x20)]);
    expect(await cvText(new Blob([new Uint8Array(cut)]), "pdf")).toBeNull();
    expect(fieldsFromText({ lines: ["Experience", "2019 – 2023"], largest: [] })).toEqual({});
  });
});
