// The client's address as scripts/server.mjs established it (the socket, or the trusted
// proxy's last hop). Without that server, the forwarded header is the best there is.
import "server-only";
import { headers } from "next/headers";

/** The address from a request's headers (route handlers have the request at hand). */
export function clientIpOf(h: Headers): string {
  return h.get("x-careers-client-ip") ?? h.get("x-forwarded-for")?.split(",")[0]?.trim() ?? "unknown";
}

export async function clientIp(): Promise<string> {
  return clientIpOf(await headers());
}
