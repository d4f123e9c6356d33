// This server process's name among the replicas: host, process id and a random suffix (a
// restarted process on the same host with a recycled pid is still someone else).
import "server-only";
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";

const KEY = Symbol.for("careers.server-id");

export function serverId(): string {
  const g = globalThis as { [KEY]?: string };
  g[KEY] ??= `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  return g[KEY];
}
