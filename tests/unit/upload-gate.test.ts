// The HTTP front's upload gate (scripts/upload-gate.mjs): uploads in flight under a ceiling that
// no one can hold hostage: a share kept for ordinary applications, two uploads per client,
// a short wait for room instead of a refusal, and a watch that cuts off uploads too slow or too
// long, read from a real socket.
import { createServer, type IncomingMessage, type Server } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createUploadGate, SMALL_UPLOAD_BYTES, watchUpload } from "../../scripts/upload-gate.mjs";

const MiB = 1024 * 1024;
const LIMIT = 51 * MiB;
const pending = (promise: Promise<unknown>) => Promise.race([promise.then(() => "settled"), new Promise((r) => setTimeout(() => r("pending"), 30))]);

describe("the upload gate", () => {
  it("lets uploads in up to the ceiling, then holds the next until one leaves", async () => {
    const gate = createUploadGate({ ceilingBytes: 10 * MiB, waitMs: 5_000 });
    const a = await gate.admit(3 * MiB, "a", LIMIT);
    const b = await gate.admit(3 * MiB, "b", LIMIT);
    const c = await gate.admit(3 * MiB, "c", LIMIT);
    expect([a, b, c].map((x) => x.outcome)).toEqual(["pass", "pass", "pass"]);
    const d = gate.admit(3 * MiB, "d", LIMIT);
    expect(await pending(d)).toBe("pending");
    expect(gate.stats()).toMatchObject({ waiting: 1 });
    if (a.outcome === "pass") a.release();
    expect((await d).outcome).toBe("pass");
  });

  it("keeps a share for ordinary applications: large bodies never take all the room", async () => {
    const gate = createUploadGate({ ceilingBytes: 160 * MiB, waitMs: 5_000 });
    const large = [await gate.admit(50 * MiB, "x1", LIMIT), await gate.admit(50 * MiB, "x2", LIMIT)];
    expect(large.map((l) => l.outcome)).toEqual(["pass", "pass"]);
    const third = gate.admit(50 * MiB, "x3", LIMIT);
    expect(await pending(third)).toBe("pending");
    // Twenty ordinary applications from twenty people still go straight in.
    const small = await Promise.all(Array.from({ length: 20 }, (_, i) => gate.admit(SMALL_UPLOAD_BYTES / 2, `p${i}`, LIMIT)));
    expect(small.every((s) => s.outcome === "pass")).toBe(true);
  });

  it("gives one client a quarter of the room, or one upload of any size when it holds nothing else", async () => {
    const gate = createUploadGate({ ceilingBytes: 160 * MiB, waitMs: 5_000 });
    // An office behind one address: many ordinary applications at once.
    const office = await Promise.all(Array.from({ length: 30 }, () => gate.admit(MiB, "office", LIMIT)));
    expect(office.every((a) => a.outcome === "pass")).toBe(true);
    expect(await pending(gate.admit(20 * MiB, "office", LIMIT))).toBe("pending");
    // Someone else with one large resume: in at once.
    expect((await gate.admit(50 * MiB, "other", LIMIT)).outcome).toBe("pass");
    expect(await pending(gate.admit(MiB, "other", LIMIT))).toBe("pending");
  });

  it("answers busy when no room comes in time, and too large over the route's limit", async () => {
    const gate = createUploadGate({ ceilingBytes: 2 * MiB, waitMs: 50 });
    expect((await gate.admit(2 * MiB, "a", LIMIT)).outcome).toBe("pass");
    expect((await gate.admit(MiB, "b", LIMIT)).outcome).toBe("busy");
    expect((await gate.admit(LIMIT + 1, "c", LIMIT)).outcome).toBe("too-large");
    expect(gate.stats()).toMatchObject({ refused: 2, waiting: 0 });
  });

  it("always lets one upload through when nothing is in flight, whatever the ceiling", async () => {
    const gate = createUploadGate({ ceilingBytes: MiB, waitMs: 0 });
    expect((await gate.admit(20 * MiB, "a", LIMIT)).outcome).toBe("pass");
  });
});

describe("watching an upload", () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  /** A server that watches every request's body with `options`, and reports the first violation. */
  function watched(options: { maxBytes: number; minBytesPerSecond: number; graceMs: number }): Promise<{ port: number; violation: Promise<string> }> {
    let report: (why: string) => void = () => undefined;
    const violation = new Promise<string>((resolve) => (report = resolve));
    server = createServer((req: IncomingMessage) => {
      watchUpload(req, { ...options, everyMs: 50, onViolation: (why) => (report(why), req.socket.destroy()) });
      req.resume();
    });
    return new Promise((resolve) => server!.listen(0, "127.0.0.1", () => resolve({ port: (server!.address() as AddressInfo).port, violation })));
  }

  it("cuts off a body that trickles in slower than the minimum after its grace", async () => {
    const { port, violation } = await watched({ maxBytes: MiB, minBytesPerSecond: 10_000, graceMs: 300 });
    const socket = connect(port, "127.0.0.1");
    socket.on("error", () => undefined);
    socket.write("POST /jobs/x HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n");
    const drip = setInterval(() => socket.writable && socket.write("a"), 100);
    try {
      expect(await violation).toBe("slow");
    } finally {
      clearInterval(drip);
      socket.destroy();
    }
  });

  it("cuts off a chunked body that runs past its cap", async () => {
    const { port, violation } = await watched({ maxBytes: 256 * 1024, minBytesPerSecond: 0, graceMs: 0 });
    const socket = connect(port, "127.0.0.1");
    socket.on("error", () => undefined);
    socket.write("POST /api/insights HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const flood = setInterval(() => socket.writable && socket.write(`${chunk.length.toString(16)}\r\n${chunk.toString()}\r\n`), 5);
    try {
      expect(await violation).toBe("too-large");
    } finally {
      clearInterval(flood);
      socket.destroy();
    }
  });

  it("leaves a body that arrives in time alone", async () => {
    const { port, violation } = await watched({ maxBytes: MiB, minBytesPerSecond: 1_000, graceMs: 100 });
    const done = new Promise<number>((resolve) => {
      const socket = connect(port, "127.0.0.1", () => {
        socket.write(`POST /jobs/x HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\nConnection: close\r\n\r\n${"b".repeat(5000)}`);
      });
      socket.on("close", () => resolve(1));
      socket.on("error", () => resolve(0));
      setTimeout(() => socket.destroy(), 600);
    });
    expect(await Promise.race([violation, done.then(() => "no violation")])).toBe("no violation");
  });
});
