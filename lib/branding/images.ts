// Branding images live in the database (so every replica serves them), addressed by the
// sha256 of their bytes: a new image is a new URL, so they can be cached forever.
import "server-only";
import { createHash } from "node:crypto";
import { fileTypeFromBuffer } from "file-type";
import { imageSize } from "image-size";
import { database } from "@/lib/db";
import { IMAGE_LIMITS, type ImageField } from "./schema";

const ACCEPTED: Record<string, string> = { "image/png": "png", "image/jpeg": "jpg", "image/webp": "webp" };
/** Larger than any logo or hero needs; a small file claiming more is a decompression bomb for browsers. */
const MAX_SIDE = 8_000;
const MAX_PIXELS = 40_000_000;

export type ImageCheck = { ok: true; hash: string } | { ok: false; problem: string };

export function imageUrl(hash: string | null): string | null {
  return hash ? `/branding/images/${hash}` : null;
}

/** Checks an uploaded image by content and size, and stores it. */
export async function storeImage(field: ImageField, file: File): Promise<ImageCheck> {
  const { label, maxBytes } = IMAGE_LIMITS[field];
  if (file.size > maxBytes) {
    return { ok: false, problem: `${label} is ${(file.size / 1024 / 1024).toFixed(1)} MB: it can be at most ${maxBytes / 1024 >= 1024 ? `${maxBytes / 1024 / 1024} MB` : `${maxBytes / 1024} KB`}` };
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = await fileTypeFromBuffer(bytes);
  if (!type || !ACCEPTED[type.mime]) {
    const svg = /\.svg$/i.test(file.name) || file.type === "image/svg+xml";
    return { ok: false, problem: `${label} must be a PNG, JPEG or WebP image${svg ? " (SVG files are not accepted: they can carry scripts)" : ""}` };
  }
  // The header's dimensions, read without decoding the pixels (image-size).
  let size: { width?: number; height?: number };
  try {
    size = imageSize(bytes);
  } catch {
    return { ok: false, problem: `${label} could not be read as an image. Save it again as PNG, JPEG or WebP.` };
  }
  const width = size.width ?? 0;
  const height = size.height ?? 0;
  if (!width || !height || width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) {
    return { ok: false, problem: `${label} is ${width} × ${height} pixels: it can be at most ${MAX_SIDE} pixels on a side (${MAX_PIXELS / 1_000_000} megapixels in all)` };
  }
  const hash = createHash("sha256").update(bytes).digest("hex");
  const db = await database();
  await db
    .insertInto("images")
    .values({ hash, content_type: type.mime, size: bytes.length, bytes, created_at: Date.now() })
    .onConflict((oc) => oc.column("hash").doNothing())
    .execute();
  return { ok: true, hash };
}

/** The file extension for a stored image's type (for a safe Content-Disposition name). */
export function extensionFor(contentType: string): string {
  return ACCEPTED[contentType] ?? "bin";
}

export async function loadImage(hash: string): Promise<{ contentType: string; bytes: Uint8Array } | null> {
  if (!/^[a-f0-9]{64}$/.test(hash)) return null;
  const db = await database();
  const row = await db.selectFrom("images").select(["content_type", "bytes"]).where("hash", "=", hash).executeTakeFirst();
  return row ? { contentType: row.content_type, bytes: row.bytes } : null;
}
