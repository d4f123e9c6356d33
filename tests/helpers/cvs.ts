// A labelled set of CVs for the autofill (lib/autofill): English, German, French and Spanish;
// six layouts (the contact details in a header line, in labelled lines, in a left or right
// sidebar beside the main column, in the page's footer, beside the name in the header); each as
// a PDF (pdf-lib, text placed where a designer would put it) and as a DOCX (the docx package:
// paragraphs, a two-column table, or Word's own header and footer parts). Each comes with the
// fields a reader would fill in from it. The body holds what must not be taken for contact
// details: dates, another city and country, an employer's name.
import { AlignmentType, Document, Footer, Header, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";
import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from "pdf-lib";
import type { CvFields } from "@/lib/autofill/fields";

export const LAYOUTS = ["header line", "labelled lines", "left sidebar", "right sidebar", "footer", "beside the name"] as const;
export type Layout = (typeof LAYOUTS)[number];
export type Language = "en" | "de" | "fr" | "es";
export type LabelledCv = { name: string; language: Language; layout: Layout; format: "pdf" | "docx"; bytes: Buffer; expected: Required<CvFields> };

type Person = { first: string; last: string; phone: string; country: CountryCode; countryName: string; city: string; street: string; postcode: string };

const PEOPLE: Record<Language, Person[]> = {
  en: [
    { first: "Emily", last: "Carter", phone: "020 7946 0958", country: "GB", countryName: "United Kingdom", city: "London", street: "12 Baker Street", postcode: "" },
    { first: "James", last: "O'Neill", phone: "087 123 4567", country: "IE", countryName: "Ireland", city: "Dublin", street: "4 Grafton Street", postcode: "" },
    { first: "Olivia Grace", last: "Bennett", phone: "+1 617 253 1000", country: "US", countryName: "United States", city: "Boston", street: "77 Massachusetts Ave", postcode: "" },
  ],
  de: [
    { first: "Anna", last: "Schmidt", phone: "030 12345678", country: "DE", countryName: "Deutschland", city: "Berlin", street: "Invalidenstraße 43", postcode: "10115" },
    { first: "Jürgen", last: "Weiß", phone: "0151 23456789", country: "DE", countryName: "Deutschland", city: "München", street: "Leopoldstraße 8", postcode: "80802" },
    { first: "Lena", last: "von Bergen", phone: "0664 1234567", country: "AT", countryName: "Österreich", city: "Wien", street: "Ringstraße 1", postcode: "1010" },
  ],
  fr: [
    { first: "Camille", last: "Dubois", phone: "01 42 68 53 00", country: "FR", countryName: "France", city: "Paris", street: "8 rue de Rivoli", postcode: "75004" },
    { first: "Jean-Pierre", last: "Lefèvre", phone: "06 12 34 56 78", country: "FR", countryName: "France", city: "Lyon", street: "3 place Bellecour", postcode: "69002" },
    { first: "Chloé", last: "Martin", phone: "+41 44 668 18 00", country: "CH", countryName: "Suisse", city: "Genève", street: "5 rue du Rhône", postcode: "1204" },
  ],
  es: [
    { first: "Lucía", last: "Fernández Ruiz", phone: "612 345 678", country: "ES", countryName: "España", city: "Madrid", street: "Calle Mayor 5", postcode: "28013" },
    { first: "Javier", last: "García López", phone: "91 123 45 67", country: "ES", countryName: "España", city: "Madrid", street: "Gran Vía 12", postcode: "28013" },
    { first: "Marta", last: "Sánchez", phone: "933 12 34 56", country: "ES", countryName: "España", city: "Barcelona", street: "Carrer de Balmes 20", postcode: "08007" },
  ],
};

const WORDS: Record<Language, { title: string; email: string; phone: string; address: string; experience: string; education: string; job: string; period: string; school: string; skills: string }> = {
  en: { title: "Product Designer", email: "Email", phone: "Phone", address: "Address", experience: "Experience", education: "Education", job: "Senior Designer, Acme Ltd, Paris, France", period: "March 2019 – June 2023", school: "BA Design, University of Leeds, 2014 – 2018", skills: "Skills" },
  de: { title: "Softwareentwicklerin", email: "E-Mail", phone: "Telefon", address: "Anschrift", experience: "Berufserfahrung", education: "Ausbildung", job: "Entwicklerin, Beispiel GmbH, Zürich, Schweiz", period: "04/2018 – 09/2023", school: "B.Sc. Informatik, TU Dresden, 2013 – 2017", skills: "Kenntnisse" },
  fr: { title: "Cheffe de projet", email: "E-mail", phone: "Téléphone", address: "Adresse", experience: "Expérience", education: "Formation", job: "Chargée de projet, Exemple SA, Bruxelles, Belgique", period: "Janvier 2017 – Mai 2022", school: "Master, Université de Lille, 2012 – 2016", skills: "Compétences" },
  es: { title: "Analista de datos", email: "Correo", phone: "Teléfono", address: "Dirección", experience: "Experiencia", education: "Formación", job: "Analista, Ejemplo S.L., Lisboa, Portugal", period: "Septiembre 2016 – Julio 2021", school: "Grado en Estadística, Universidad de Sevilla, 2011 – 2015", skills: "Habilidades" },
};

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^a-z]+/g, "");

type Content = { name: string; title: string; email: string; phone: string; linkedin: string; place: string; address: string; words: (typeof WORDS)[Language] };

function contentOf(person: Person, language: Language): { content: Content; expected: Required<CvFields> } {
  const email = `${fold(person.first.split(" ")[0]!)}.${fold(person.last)}@example.${language === "en" ? "com" : language}`;
  const slug = `${fold(person.first)}-${fold(person.last)}-${person.phone.replace(/\D/g, "").slice(-3)}`;
  const place = `${person.city}, ${person.countryName}`;
  const address = `${person.street}, ${person.postcode ? `${person.postcode} ` : ""}${person.city}, ${person.countryName}`;
  const content = { name: `${person.first} ${person.last}`, title: WORDS[language].title, email, phone: person.phone, linkedin: `linkedin.com/in/${slug}`, place, address, words: WORDS[language] };
  const phone = parsePhoneNumberFromString(person.phone, person.country)!.formatInternational();
  return { content, expected: { firstName: person.first, lastName: person.last, email, phone, linkedin: `https://www.linkedin.com/in/${slug}`, city: person.city, country: person.country } };
}

const body = (c: Content) => [c.words.experience, c.words.job, c.words.period, c.words.education, c.words.school, c.words.skills, "Figma, SQL, Python, English, Deutsch, Français, Español"];

/** The contact lines of each layout, and where they go. */
function contactLines(c: Content, layout: Layout): string[] {
  switch (layout) {
    case "header line":
      return [`${c.email} · ${c.phone} · ${c.place}`, c.linkedin];
    case "labelled lines":
      return [`${c.words.email}: ${c.email}`, `${c.words.phone}: ${c.phone}`, `${c.words.address}: ${c.address}`, `LinkedIn: https://www.${c.linkedin}`];
    case "footer":
      return [`${c.email} | ${c.phone} | ${c.place} | ${c.linkedin}`];
    default:
      return [c.email, c.phone, c.place, c.linkedin];
  }
}

async function pdfOf(c: Content, layout: Layout): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595, 842]);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const write = (p: PDFPage, text: string, x: number, y: number, size = 10, font: PDFFont = regular) => p.drawText(text, { x, y, size, font });
  const contacts = contactLines(c, layout);
  const column = (lines: string[], x: number, top: number) => lines.forEach((line, i) => write(page, line, x, top - i * 16));
  if (layout === "left sidebar" || layout === "right sidebar") {
    const [side, main] = layout === "left sidebar" ? [40, 230] : [410, 40];
    write(page, c.name, main, 780, 24, bold);
    write(page, c.title, main, 755, 12);
    column(contacts, side, 780);
    column(body(c), main, 720);
  } else if (layout === "beside the name") {
    write(page, c.name, 40, 780, 22, bold);
    write(page, c.title, 40, 758, 12);
    column(contacts, 360, 790);
    column(body(c), 40, 700);
  } else {
    write(page, c.name, 40, 780, 24, bold);
    write(page, c.title, 40, 755, 12);
    if (layout === "footer") column(contacts, 40, 40);
    else column(contacts, 40, 735);
    column(body(c), 40, layout === "footer" ? 720 : 650);
  }
  return Buffer.from(await pdf.save());
}

async function docxOf(c: Content, layout: Layout): Promise<Buffer> {
  const para = (text: string, size?: number, bold = false) => new Paragraph({ children: [new TextRun({ text, bold, ...(size ? { size } : {}) })] });
  const contacts = contactLines(c, layout).map((line) => para(line));
  const heading = [para(c.name, 48, true), para(c.title, 24)];
  const main = body(c).map((line) => para(line));
  let children: Array<Paragraph | Table> = [...heading, ...contacts, ...main];
  let headers: { default: Header } | undefined;
  let footers: { default: Footer } | undefined;
  if (layout === "left sidebar" || layout === "right sidebar") {
    const side = new TableCell({ children: contactLines(c, layout).map((line) => para(line)), width: { size: 30, type: WidthType.PERCENTAGE } });
    const mainCell = new TableCell({ children: [...heading, ...main], width: { size: 70, type: WidthType.PERCENTAGE } });
    children = [new Table({ rows: [new TableRow({ children: layout === "left sidebar" ? [side, mainCell] : [mainCell, side] })] })];
  } else if (layout === "footer") {
    children = [...heading, ...main];
    footers = { default: new Footer({ children: contactLines(c, layout).map((line) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(line)] })) }) };
  } else if (layout === "beside the name") {
    children = [...heading, ...main];
    headers = { default: new Header({ children: contactLines(c, layout).map((line) => new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun(line)] })) }) };
  }
  const doc = new Document({ sections: [{ children, ...(headers ? { headers } : {}), ...(footers ? { footers } : {}) }] });
  return Buffer.from(await Packer.toBuffer(doc));
}

/** 48 CVs: 4 languages × 6 layouts × PDF and DOCX, each person a different one across layouts. */
export async function labelledCvs(): Promise<LabelledCv[]> {
  const cvs: LabelledCv[] = [];
  for (const language of ["en", "de", "fr", "es"] as const) {
    for (const [i, layout] of LAYOUTS.entries()) {
      for (const format of ["pdf", "docx"] as const) {
        const person = PEOPLE[language][(i + (format === "docx" ? 1 : 0)) % PEOPLE[language].length]!;
        const { content, expected } = contentOf(person, language);
        const bytes = format === "pdf" ? await pdfOf(content, layout) : await docxOf(content, layout);
        cvs.push({ name: `${language} ${layout} ${format}`, language, layout, format, bytes, expected });
      }
    }
  }
  return cvs;
}
