// The tus DataStore on SQLite and PostgreSQL, driven by the real tus-js-client over HTTP against
// @tus/server: an upload arrives whole and byte for byte; one broken off mid-way resumes from
// what was stored; a finished one becomes the form's file (on disk, not in memory), an
// unfinished or expired one does not; the check the form asks for refuses a file that is not
// what its name says, in the form's language, and reads a real CV's contact details.
import { createHash, randomBytes } from "node:crypto";
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "@tus/server";
import * as tus from "tus-js-client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { database } from "@/lib/db";
import { resetEnv } from "@/lib/env";
import { MAX_RESUME_BYTES } from "@/lib/applications/schema";
import { checkUpload } from "@/lib/uploads/check";
import { handleUpload } from "@/lib/uploads/server";
import { DatabaseStore, EXPIRY_MS, finishedUploadFile, uploadBytes } from "@/lib/uploads/store";
import { labelledCvs } from "../helpers/cvs";
import { DATABASES, freshDatabase } from "../helpers/databases";

let http: HttpServer;
let endpoint = "";

async function stored(id: string): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const part of uploadBytes(id)) parts.push(part);
  return Buffer.concat(parts);
}

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

function upload(file: Buffer, options: Partial<tus.UploadOptions> = {}): { done: Promise<string>; handle: tus.Upload } {
  let handle!: tus.Upload;
  const done = new Promise<string>((resolve, reject) => {
    handle = new tus.Upload(file, {
      endpoint,
      chunkSize: 512 * 1024,
      retryDelays: [],
      metadata: { filename: "cv.pdf", filetype: "application/pdf" },
      onSuccess: () => resolve(handle.url!.split("/").pop()!),
      onError: reject,
      ...options,
    });
    handle.start();
  });
  return { done, handle };
}

describe.each(DATABASES)("the upload store on %s", (kind) => {
  beforeEach(async () => {
    await freshDatabase(kind);
    const tusServer = new Server({ path: "/files", datastore: new DatabaseStore() });
    http = createServer((req, res) => void tusServer.handle(req, res));
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    endpoint = `http://127.0.0.1:${(http.address() as AddressInfo).port}/files`;
  });
  afterEach(async () => {
    await new Promise((resolve) => http.close(resolve));
  });

  it("stores a 3.5 MB file byte for byte, in rows of at most 1 MiB", async () => {
    const file = randomBytes(3.5 * 1024 * 1024);
    const id = await upload(file).done;
    expect(sha(await stored(id))).toBe(sha(file));
    const store = new DatabaseStore();
    expect((await store.getUpload(id)).offset).toBe(file.length);
  });

  it("resumes an upload broken off mid-way from what was stored", async () => {
    const file = randomBytes(3 * 1024 * 1024);
    let url = "";
    const first = upload(file, {
      onProgress(sent) {
        if (sent > file.length / 3 && !url) {
          url = first.handle.url!;
          void first.handle.abort();
        }
      },
    });
    await expect.poll(() => url, { timeout: 10_000 }).not.toBe("");
    const id = url.split("/").pop()!;
    const partway = (await new DatabaseStore().getUpload(id)).offset;
    expect(partway).toBeGreaterThan(0);
    expect(partway).toBeLessThan(file.length);
    const second = upload(file, { uploadUrl: url });
    expect(await second.done).toBe(id);
    expect(sha(await stored(id))).toBe(sha(file));
  });

  it("gives a finished upload to the form as a file on disk, byte for byte, and nothing for an unfinished or expired one", async () => {
    const file = randomBytes(2.5 * 1024 * 1024);
    const id = await upload(file).done;
    const finished = await finishedUploadFile(id);
    expect(finished?.file.name).toBe("cv.pdf");
    expect(sha(Buffer.from(await finished!.file.arrayBuffer()))).toBe(sha(file));
    await finished!.dispose();

    let url = "";
    const partial = upload(randomBytes(2 * 1024 * 1024), {
      onProgress(sent) {
        if (sent > 0 && !url) {
          url = partial.handle.url!;
          void partial.handle.abort();
        }
      },
    });
    await expect.poll(() => url, { timeout: 10_000 }).not.toBe("");
    expect(await finishedUploadFile(url.split("/").pop()!)).toBeNull();

    const db = await database();
    await db.updateTable("uploads").set({ expires_at: Date.now() - 1 }).where("id", "=", id).execute();
    expect(await finishedUploadFile(id)).toBeNull();
    expect(await new DatabaseStore().deleteExpired()).toBeGreaterThanOrEqual(1);
    expect(await stored(id)).toHaveLength(0);
    expect(await finishedUploadFile("not-an-id")).toBeNull();
  });

  it("keeps an upload an hour after its last bytes, not after its start", async () => {
    const id = await upload(randomBytes(1024)).done;
    const db = await database();
    const row = await db.selectFrom("uploads").select(["created_at", "expires_at"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(Number(row.expires_at) - Date.now()).toBeGreaterThan(EXPIRY_MS - 10_000);
  });

  it("checks a finished upload as a posted resume is checked, and reads a CV's contact details", async () => {
    const fake = await upload(Buffer.from("Not a PDF at all.\n".repeat(100))).done;
    expect(await checkUpload(fake, "de")).toEqual({ ok: false, problem: expect.stringContaining("kein echtes PDF") });
    const cv = (await labelledCvs()).find((c) => c.name === "fr labelled lines docx")!;
    const real = await upload(cv.bytes, { metadata: { filename: "cv.docx", filetype: "" } }).done;
    expect(await checkUpload(real, "fr")).toEqual({ ok: true, fields: cv.expected });
    expect(await checkUpload("0".repeat(32), "en")).toEqual({ ok: false, lost: true });
  });

  it("begins at most 12 uploads an hour per client, and no more than UPLOADS_STORED_MAX_MB of them in all", async () => {
    const begin = (client: string, size: number) =>
      handleUpload(
        new Request("http://localhost/api/uploads", {
          method: "POST",
          headers: { "Tus-Resumable": "1.0.0", "Upload-Length": String(size), "Upload-Metadata": `filename ${Buffer.from("cv.pdf").toString("base64")}`, "x-careers-client-ip": client },
        }),
      );
    for (let i = 0; i < 12; i++) expect((await begin("198.51.100.7", 1024)).status).toBe(201);
    const over = await begin("198.51.100.7", 1024);
    expect(over.status).toBe(429);
    expect(await over.text()).toContain("the file goes with the form instead");
    expect((await begin("198.51.100.8", 1024)).status).toBe(201);

    process.env.UPLOADS_STORED_MAX_MB = "100";
    resetEnv();
    try {
      // Declared, not yet sent: they hold their room all the same.
      expect((await begin("198.51.100.9", MAX_RESUME_BYTES)).status).toBe(201);
      expect((await begin("198.51.100.10", MAX_RESUME_BYTES - 64 * 1024)).status).toBe(201);
      const full = await begin("198.51.100.11", MAX_RESUME_BYTES);
      expect(full.status).toBe(503);
      expect(full.headers.get("cache-control")).toBe("no-store");
    } finally {
      delete process.env.UPLOADS_STORED_MAX_MB;
      resetEnv();
    }
  });
});
