// A standalone HTTP server that behaves like the Occupop REST API (../shared/occupop-api.md)
// plus a signed-URL file store, with control endpoints for inspection and fault injection.
// The app never imports this: it reaches it over HTTP through OCCUPOP_API_URL. Three parts:
// the REST surface (./rest.ts), the control endpoints (./control.ts), and what both work on
// (./state.ts, with ./store.ts on disk); this file only routes between them.
import type { WebhookTarget } from "./webhooks";
import { createReadStream } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { control } from "./control";
import { send, type Respond } from "./http";
import { applyFault, authorized, createCandidate, listJobs, receiveUpload, UNAUTHORIZED } from "./rest";
import type { MailEmulator } from "./smtp";
import { EmulatorState, type Target } from "./state";

export { MAX_UPLOAD_BYTES, PER_PAGE } from "./rest";
export type { Defect, RequestRecord } from "./state";

export type EmulatorOptions = {
  token: string;
  dataDir: string;
  signedUrlTtlSeconds?: number;
  now?: () => Date;
  /** The SMTP server beside it, when one runs (emulator/smtp.ts), and its port. */
  mail?: { server: MailEmulator; port: number };
  /** Where to send Occupop's webhooks (./webhooks.ts); also set through /_emulator/webhooks. */
  webhook?: WebhookTarget;
};

export type Emulator = {
  server: Server;
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
};

const LOGO_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="#14532d"/>' +
  '<path d="M10 44 L26 22 L34 32 L40 24 L54 44 Z" fill="#fef3c7"/></svg>';

export function createEmulator(options: EmulatorOptions): Emulator {
  const world = new EmulatorState(options.dataDir, (options.signedUrlTtlSeconds ?? 900) * 1000, options.now ?? (() => new Date()));
  if (options.webhook) world.webhooks.target = options.webhook;
  const sockets = new Set<Socket>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://emulator.invalid");
    const origin = `http://${req.headers.host ?? "localhost"}`;
    const method = req.method ?? "GET";
    let target: Target = "other";
    const respond: Respond = (status, body, headers = {}) => {
      world.record(req, target, url, status);
      if (status === 204) {
        res.writeHead(204, headers);
        res.end();
      } else {
        send(res, status, body, headers);
      }
    };

    if (url.pathname.startsWith("/_emulator")) {
      const file = await control({ world, req, url, respond, mail: options.mail });
      if (file) {
        res.writeHead(200, {
          "content-type": file.upload.contentType ?? "application/octet-stream",
          "content-length": String(file.upload.size),
          "x-sha256": file.upload.sha256,
        });
        createReadStream(file.stream).pipe(res);
      }
      return;
    }
    if (url.pathname === "/assets/company-logo.svg" && method === "GET") {
      res.writeHead(200, { "content-type": "image/svg+xml", "cache-control": "public, max-age=86400" });
      res.end(LOGO_SVG);
      return;
    }

    const storage = /^\/storage\/resumes\/([a-f0-9]{32})$/.exec(url.pathname);
    if (storage?.[1]) {
      if (method !== "PUT") {
        return respond(403, '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>');
      }
      target = "upload";
      if (await applyFault(world.faults.take("upload"), req, res, respond)) {
        if (!res.headersSent) world.record(req, target, url, 0);
        return;
      }
      return receiveUpload(world, options.token, req, url, storage[1], respond);
    }

    const candidates = /^\/rest\/jobs\/([^/]+)\/candidates\/?$/.exec(url.pathname);
    if (url.pathname.replace(/\/$/, "") === "/rest/jobs" && method === "GET") target = "list";
    else if (candidates && method === "POST") target = "create";

    if (url.pathname.startsWith("/rest/")) {
      if (target !== "other" && (await applyFault(world.faults.take(target), req, res, respond))) {
        if (!res.headersSent) world.record(req, target, url, 0);
        return;
      }
      if (!authorized(req, options.token)) {
        req.resume();
        return respond(403, { message: UNAUTHORIZED });
      }
      if (target === "list") return listJobs(world, url, origin, respond);
      if (target === "create" && candidates?.[1]) return createCandidate(world, req, decodeURIComponent(candidates[1]), origin, respond);
    }
    req.resume();
    respond(404, { message: "Not Found" });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      process.stderr.write(`emulator: ${error instanceof Error ? error.stack : String(error)}\n`);
      if (!res.headersSent) send(res, 500, { message: "Server Error" });
      else res.destroy();
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  return {
    server,
    listen(port, host = "127.0.0.1") {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          const address = server.address() as AddressInfo;
          resolve(`http://${host}:${address.port}`);
        });
      });
    },
    close() {
      return new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      });
    },
  };
}
