// The tus endpoint at /api/uploads (app/api/uploads/[[...id]]/route.ts): one @tus/server per
// process over the shared-database store (./store.ts), so any replica continues an upload
// another began. A resume is at most MAX_RESUME_BYTES (the form's own limit); each PATCH body
// is capped, and counted against the uploads in flight, by the front (lib/routes.ts,
// scripts/body-admission.mjs). New uploads are limited per client and in total (creationRefused).
// No cross-origin use: the site's own form is the only client, so no CORS header is ever sent.
import "server-only";
import { Server } from "@tus/server";
import { processSingleton } from "@/lib/process-state.mjs";
import { MAX_RESUME_BYTES } from "@/lib/applications/schema";
import { clientIpOf } from "@/lib/client-ip";
import { database } from "@/lib/db";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { hit } from "@/lib/rate-limit";
import { DatabaseStore } from "./store";

export const UPLOADS_PATH = "/api/uploads";
const HOUR = 60 * 60 * 1000;

const NO_STORE = { "Cache-Control": "no-store", "X-Robots-Tag": "noindex" } as const;

function tusServer(): Server {
  return processSingleton("tus-server", () => {
    const server = new Server({
      path: UPLOADS_PATH,
      datastore: new DatabaseStore(),
      maxSize: MAX_RESUME_BYTES,
      relativeLocation: true,
      allowedOrigins: () => false,
      async onUploadCreate(_request, upload) {
        const name = upload.metadata?.filename ?? "";
        if (!name || name.length > 200 || (upload.metadata?.filetype ?? "").length > 200) {
          throw { status_code: 400, body: "An upload needs its file's name (at most 200 characters) in Upload-Metadata.\n" };
        }
        if (upload.size === undefined) throw { status_code: 400, body: "An upload declares its length (Upload-Length).\n" };
        return {};
      },
    });
    return server;
  });
}

const plain = (status: number, text: string, retryAfterSeconds: number) =>
  new Response(`${text}\n`, { status, headers: { ...NO_STORE, "Content-Type": "text/plain; charset=utf-8", "Retry-After": String(retryAfterSeconds) } });

/**
 * Why a new upload is not begun: the client's uploads this hour, or the room all uploads take
 * together (what they declared), would be exceeded. The form then sends the file itself.
 */
async function creationRefused(request: Request): Promise<Response | null> {
  const declared = Number(request.headers.get("upload-length") ?? 0);
  const db = await database();
  const row = await db.selectFrom("uploads").select((eb) => eb.fn.sum<number>("size").as("bytes")).executeTakeFirst();
  if (Number(row?.bytes ?? 0) + (Number.isFinite(declared) ? declared : 0) > env().UPLOADS_STORED_MAX_MB * 1024 * 1024) {
    log("uploads").warn({ storedMiB: Math.round(Number(row?.bytes ?? 0) / 1024 / 1024) }, "upload refused: the uploads waiting are at UPLOADS_STORED_MAX_MB");
    return plain(503, "Uploads are full right now: the file goes with the form instead.", 60);
  }
  // Per client (UPLOADS_PER_CLIENT_PER_HOUR) and in all (UPLOADS_STORED_MAX_MB): nobody can use
  // the endpoint as free storage.
  const limit = await hit(`upload:${clientIpOf(request.headers)}`, env().UPLOADS_PER_CLIENT_PER_HOUR, HOUR);
  if (!limit.allowed) return plain(429, "Too many uploads from your connection this hour: the file goes with the form instead.", Math.ceil(limit.retryAfterMs / 1000));
  return null;
}

/** One request to the endpoint: a new upload counts against the client's and the site's limits. */
export async function handleUpload(request: Request): Promise<Response> {
  if (request.method === "POST") {
    const refused = await creationRefused(request);
    if (refused) return refused;
  }
  const answer = await tusServer().handleWeb(request);
  for (const [name, value] of Object.entries(NO_STORE)) answer.headers.set(name, value);
  return answer;
}
