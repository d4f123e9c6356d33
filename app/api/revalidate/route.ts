import { revalidateFromWebhook } from "@/lib/jobs/revalidate";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  return revalidateFromWebhook(request);
}
