// Real-format test documents: a minimal DOCX (a stored ZIP with the parts Word writes) and
// a Word 97 .doc (an OLE compound file with a WordDocument stream), built in memory.
import { crc32 } from "node:zlib";
import CFB from "cfb";

type ZipEntry = [name: string, text: string, claimedSize?: number];

/** A stored (uncompressed) ZIP; `claimedSize` makes the central directory lie about a part's unpacked size. */
function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text, claimedSize] of entries) {
    const data = Buffer.from(text);
    const nameBytes = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    locals.push(local, nameBytes, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(claimedSize ?? data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

const CONTENT_TYPES = (main: string) =>
  `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="${main}"/></Types>`;
const DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
const DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml";

function docxParts(contentTypes: string, extra: ZipEntry[] = []): Buffer {
  return zip([
    ["[Content_Types].xml", contentTypes],
    ["_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>'],
    ["word/document.xml", '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>'],
    ...extra,
  ]);
}

export const docx = () => docxParts(CONTENT_TYPES(DOCX_MAIN));
/** A Word document with a VBA project inside (what .docm files carry), renamed .docx. */
export const docxWithMacros = () => docxParts(CONTENT_TYPES(DOCM_MAIN), [["word/vbaProject.bin", "\u00d0\u00cf\u0011\u00e0 vba"]]);
/** Macro-enabled by its content type alone. */
export const docxMacroContentType = () => docxParts(CONTENT_TYPES(DOCM_MAIN));
/** A DOCX whose table of contents says a part unpacks to nearly 4 GiB. */
export const docxBomb = () => docxParts(CONTENT_TYPES(DOCX_MAIN), [["word/media/image1.png", "tiny", 0xfffffff0]]);
/** A DOCX with more parts than any résumé. */
export const docxManyParts = () => docxParts(CONTENT_TYPES(DOCX_MAIN), Array.from({ length: 2_500 }, (_, i): ZipEntry => [`word/media/p${i}.xml`, "x"]));

function compoundFile(...streams: string[]): Buffer {
  const container = CFB.utils.cfb_new();
  for (const stream of streams) CFB.utils.cfb_add(container, `/${stream}`, Buffer.from("word 97 body"));
  return Buffer.from(CFB.write(container, { type: "buffer" }) as Uint8Array);
}

/** A Word 97-2003 document. */
export const doc = () => compoundFile("WordDocument");
/** A Word 97-2003 document with a macro project (a Macros storage holding VBA). */
export const docWithMacros = () => compoundFile("WordDocument", "Macros/VBA/dir", "Macros/PROJECT");
/** An OLE compound file that is not a Word document (as .xls and .msi files are). */
export const otherCompoundFile = () => compoundFile("Workbook");
