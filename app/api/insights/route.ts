import { beaconResponse } from "@/lib/insights/beacon";

// A view or an application start, sent by navigator.sendBeacon (lib/insights/client.ts).
export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return beaconResponse(request);
}
