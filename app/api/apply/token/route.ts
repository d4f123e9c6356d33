import { formTokenResponse } from "@/lib/applications/form-token";

export const dynamic = "force-dynamic";

export function POST(request: Request) {
  return formTokenResponse(request);
}
