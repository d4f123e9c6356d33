// The client as rate limits and logs see it. The address comes from scripts/server.mjs (the
// socket's, or the one TRUST_PROXY_HOPS trusted proxies say they received it from). IPv6
// clients are counted by their /64 (one household or phone gets a whole /64, so counting
// single addresses would give each of them billions of buckets); an IPv4 address written as
// IPv6 (::ffff:1.2.3.4) is the IPv4 address. Parsed with ipaddr.js, not by hand.
import "server-only";
import ipaddr from "ipaddr.js";
import { headers } from "next/headers";

/** The key rate limits count an address under: IPv4 as it is, IPv6 by its /64, else "unknown". */
export function clientKey(address: string | null | undefined): string {
  const raw = (address ?? "").trim().replace(/^\[|\]$/g, "");
  if (!raw || !ipaddr.isValid(raw)) return "unknown";
  const parsed = ipaddr.process(raw);
  if (parsed.kind() === "ipv4") return parsed.toString();
  const prefix = ipaddr.IPv6.networkAddressFromCIDR(`${parsed.toString()}/64`);
  return `${prefix.toString()}/64`;
}

/** The client's key from a request's headers (route handlers have the request at hand). */
export function clientIpOf(h: Headers): string {
  return clientKey(h.get("x-careers-client-ip") ?? h.get("x-forwarded-for")?.split(",")[0]);
}

export async function clientIp(): Promise<string> {
  return clientIpOf(await headers());
}
