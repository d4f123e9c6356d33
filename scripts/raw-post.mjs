// @ts-check
// A POST written straight to a socket, so a body can be as large, as slow or as framed as an
// attacker likes: used by the bench (scripts/bench-attack.mjs) and the end-to-end tests.
import { connect } from "node:net";

/**
 * Sends a request whose body is `bytes` long (declared, or chunked), as fast as the socket
 * takes it, until the server answers or closes. Resolves with the status the server gave (0: none).
 * @param {number} port @param {string} path @param {{ bytes: number; chunked: boolean; type: string; headers?: Record<string, string>; bytesPerSecond?: number }} options
 * @returns {Promise<{ status: number; ms: number; sent: number }>}
 */
export function rawPost(port, path, { bytes, chunked, type, headers = {}, bytesPerSecond }) {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = connect(port, "127.0.0.1");
    let status = 0;
    let sent = 0;
    let done = false;
    let timer = /** @type {NodeJS.Timeout | undefined} */ (undefined);
    const finish = () => {
      if (done) return;
      done = true;
      clearInterval(timer);
      socket.destroy();
      resolve({ status, ms: performance.now() - started, sent });
    };
    socket.on("data", (data) => {
      const match = /^HTTP\/1\.1 (\d{3})/.exec(data.toString("latin1"));
      if (match && !status) status = Number(match[1]);
      finish();
    });
    socket.on("error", finish);
    socket.on("close", finish);
    const extra = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join("");
    const framing = chunked ? "Transfer-Encoding: chunked\r\n" : `Content-Length: ${bytes}\r\n`;
    socket.write(`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: ${type}\r\n${framing}${extra}\r\n`);
    if (bytesPerSecond) {
      // A trickle: one write a second.
      timer = setInterval(() => {
        if (done || sent >= bytes) return;
        socket.write(chunked ? `1\r\na\r\n` : "a");
        sent += bytesPerSecond;
      }, 1000);
      return;
    }
    const block = Buffer.alloc(64 * 1024, 0x61);
    const frame = chunked ? Buffer.concat([Buffer.from(`${block.length.toString(16)}\r\n`), block, Buffer.from("\r\n")]) : block;
    const pump = () => {
      while (!done && sent < bytes) {
        sent += block.length;
        if (!socket.write(frame)) return void socket.once("drain", pump);
      }
      if (!done && chunked) socket.write("0\r\n\r\n");
    };
    socket.once("connect", pump);
  });
}

