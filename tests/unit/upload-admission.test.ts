// A resumable upload's parts (PATCH /api/uploads/<id>) at the HTTP front: the app's rule admits
// them as a stream for their route handler, capped and typed, with the client's key; the front
// (scripts/body-admission.mjs) counts each in flight through the real upload gate, so one client's
// parts share its quarter of the room with its posted resumes, and the room is given back when
// the part ends.
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { admitBody } from "@/lib/front/admission";
import type { FrontHooks } from "@/lib/front/hooks";
import { MiB } from "@/lib/routes";
import { createBodyAdmission } from "../../scripts/body-admission.mjs";
import { createUploadGate } from "../../scripts/upload-gate.mjs";

const PART = "/api/uploads/0123456789abcdef0123456789abcdef";
const front = (method: string, headers: Record<string, string>) => ({ method, pathname: PART, search: "", headers, client: "203.0.113.9" });

describe("a resumable upload's parts at the front", () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  it("are streamed to their handler, capped and typed, with the client's key", async () => {
    const type = { "content-type": "application/offset+octet-stream" };
    expect(await admitBody(front("PATCH", { ...type, "content-length": String(4 * MiB) }))).toEqual({ kind: "stream", maxBytes: 8 * MiB, clientKey: "203.0.113.9" });
    expect(await admitBody(front("PATCH", { ...type, "content-length": String(9 * MiB) }))).toMatchObject({ kind: "refuse", answer: { status: 413 } });
    expect(await admitBody(front("PATCH", { "content-type": "text/plain", "content-length": "10" }))).toMatchObject({ kind: "refuse", answer: { status: 415 } });
  });

  it("are counted in flight by the upload gate until they end", async () => {
    const gate = createUploadGate({ ceilingBytes: 16 * MiB, waitMs: 200 });
    const hooks = (): FrontHooks => ({ shutdown: [], admitBody });
    const admit = createBodyAdmission({ gate, hooks, log: () => {}, minBytesPerSecond: 0, graceMs: 60_000 });
    const received: number[] = [];
    server = createServer((req, res) => {
      const request_ = { method: req.method ?? "GET", pathname: req.url ?? "/", search: "", headers: req.headers, client: "203.0.113.9" };
      void admit(req, res, request_, () => {
        let size = 0;
        req.on("data", (chunk: Buffer) => (size += chunk.length));
        req.on("end", () => {
          received.push(size);
          res.writeHead(204).end();
        });
      });
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    const part = (bytes: number) =>
      request({ host: "127.0.0.1", port, method: "PATCH", path: PART, headers: { "content-type": "application/offset+octet-stream", "content-length": String(bytes) } });

    // A part under way holds its bytes in the gate.
    const first = part(3 * MiB);
    const firstDone = new Promise<number>((resolve) => first.on("response", (res) => resolve(res.statusCode ?? 0)));
    first.write(Buffer.alloc(MiB));
    await expect.poll(() => gate.stats().inFlight).toBe(3 * MiB);
    // The same client's next part does not fit its share beside it: it waits, then is told busy.
    const second = part(3 * MiB);
    const secondDone = new Promise<{ status: number; body: string }>((resolve) =>
      second.on("response", (res) => {
        let body = "";
        res.on("data", (d: Buffer) => (body += d.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      }),
    );
    second.on("error", () => {});
    second.write(Buffer.alloc(1024));
    expect((await secondDone).status).toBe(503);
    first.end(Buffer.alloc(2 * MiB));
    expect(await firstDone).toBe(204);
    expect(received).toEqual([3 * MiB]);
    await expect.poll(() => gate.stats().inFlight).toBe(0);
  });
});
