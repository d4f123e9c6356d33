import { receiveOccupopWebhook } from "@/lib/occupop-events/webhook";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  return receiveOccupopWebhook(request);
}
