// The tus endpoint at /api/uploads (app/api/uploads/[[...id]]/route.ts): one @tus/server per
// process over the shared-database store (./store.ts), so any replica continues an upload
// another began. A resume is at most MAX_RESUME_BYTES (the form's own limit); each PATCH body is capped, and counted
// against the uploads in flight, by the front (lib/routes.ts, scripts/body-admission.mjs).
// No cross-origin use: the site's own form is the only client, so no CORS header is ever sent.
import "server-only";
import { Server } from "@tus/server";
import { processSingleton } from "@/lib/process-state.mjs";
import { MAX_RESUME_BYTES } from "@/lib/applications/schema";
import { clientIpOf } from "@/lib/client-ip";
import { hit } from "@/lib/rate-limit";
import { DatabaseStore } from "./store";

export const UPLOADS_PATH = "/api/uploads";
/** Uploads one client may begin in a minute: a candidate replaces a file a few times at most. */
export const UPLOADS_PER_MINUTE = 20;

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

/** One request to the endpoint: a new upload counts against the client's limit. */
export async function handleUpload(request: Request): Promise<Response> {
  if (request.method === "POST") {
    const limit = await hit(`upload:${clientIpOf(request.headers)}`, UPLOADS_PER_MINUTE, 60_000);
    if (!limit.allowed) {
      return new Response("Too many uploads from your connection: please try again in a minute.\n", {
        status: 429,
        headers: { ...NO_STORE, "Content-Type": "text/plain; charset=utf-8", "Retry-After": String(Math.ceil(limit.retryAfterMs / 1000)) },
      });
    }
  }
  const answer = await tusServer().handleWeb(request);
  for (const [name, value] of Object.entries(NO_STORE)) answer.headers.set(name, value);
  return answer;
}
