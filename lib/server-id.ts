// This server process's name among the replicas: host, process id and a random suffix (a
// restarted process on the same host with a recycled pid is still someone else).
import "server-only";
import { processSingleton } from "@/lib/process-state.mjs";
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";



export function serverId(): string {
  return processSingleton("server-id", () => `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`);
}
