import { extensionFor, loadImage } from "@/lib/branding/images";

// Content-addressed: the URL changes whenever the image does, so it may be cached forever.
// Only PNG, JPEG and WebP are ever stored (checked by content); they are sent with their own
// type, never sniffed, shown inline under a name of our making, and sandboxed if opened alone.
export async function GET(_request: Request, { params }: { params: Promise<{ hash: string }> }) {
  const { hash } = await params;
  const image = await loadImage(hash);
  if (!image) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(Buffer.from(image.bytes), {
    headers: {
      "Content-Type": image.contentType,
      "Content-Disposition": `inline; filename="${hash.slice(0, 16)}.${extensionFor(image.contentType)}"`,
      "Cache-Control": "public, max-age=31536000, immutable",
      ETag: `"${hash}"`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
