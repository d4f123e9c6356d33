// The client's address as scripts/server.mjs established it (the socket, or the trusted
// proxy's last hop). Without that server, the forwarded header is the best there is.
import "server-only";
import { headers } from "next/headers";

export async function clientIp(): Promise<string> {
  const h = await headers();
  return h.get("x-careers-client-ip") ?? h.get("x-forwarded-for")?.split(",")[0]?.trim() ?? "unknown";
}
