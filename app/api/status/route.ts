import { readResumeChunks } from "@/lib/applications/resume-store";
import { clientIpOf } from "@/lib/client-ip";
import { formOf, readBody } from "@/lib/http/body";
import { prefixFor } from "@/lib/i18n/server";
import { hit } from "@/lib/rate-limit";
import { STATUS_ACTIONS_PER_MINUTE } from "@/lib/receipts/limits";
import { ErasureBusyError, eraseReceipt, exportForReceipt, heldResume } from "@/lib/receipts/rights";
import { findReceipt } from "@/lib/receipts/store";
import { withdrawApplication } from "@/lib/receipts/withdraw";

export const dynamic = "force-dynamic";

const PRIVATE = { "Cache-Control": "no-store", "Referrer-Policy": "same-origin", "X-Robots-Tag": "noindex" };

const back = (location: string) => new Response(null, { status: 303, headers: { ...PRIVATE, Location: location } });

// POST /api/status: the status page's buttons (lib/receipts), a plain form each, so they work
// without JavaScript. The form's token is the credential; an unknown one is sent to the page
// that shows nothing. Nothing happens on GET: link scanners open links.
export async function POST(request: Request): Promise<Response> {
  const read = await readBody(request);
  if (!read.ok) return read.response;
  const form = (await formOf(read, request.headers.get("content-type"))) ?? new URLSearchParams();
  const prefix = await prefixFor(form.get("locale"));
  const limit = await hit(`status-action:${clientIpOf(request.headers)}`, STATUS_ACTIONS_PER_MINUTE, 60_000);
  if (!limit.allowed) {
    return new Response("Too many requests: please try again in a minute.\n", {
      status: 429,
      headers: { ...PRIVATE, "Content-Type": "text/plain; charset=utf-8", "Retry-After": String(Math.ceil(limit.retryAfterMs / 1000)) },
    });
  }
  const token = form.get("token");
  const receipt = await findReceipt(token);
  if (!receipt || typeof token !== "string") return back(`${prefix}/status`);
  const page = `${prefix}/status?token=${encodeURIComponent(token)}`;

  switch (form.get("action")) {
    case "withdraw": {
      const outcome = await withdrawApplication(receipt);
      return back(outcome === "busy" ? `${page}&busy=1` : page);
    }
    case "erase": {
      try {
        await eraseReceipt(receipt);
      } catch (error) {
        if (error instanceof ErasureBusyError) return back(`${page}&busy=1`);
        throw error;
      }
      return back(`${prefix}/status?erased=1`);
    }
    case "export": {
      const body = JSON.stringify(await exportForReceipt(receipt), null, 2);
      return new Response(body, {
        headers: { ...PRIVATE, "Content-Type": "application/json; charset=utf-8", "Content-Disposition": 'attachment; filename="my-application.json"' },
      });
    }
    case "resume": {
      const resume = await heldResume(receipt);
      if (!resume) return back(page);
      const name = resume.name.replace(/[^\w.() -]+/g, "_");
      return new Response(readResumeChunks(receipt.application_id, resume.size), {
        headers: {
          ...PRIVATE,
          "Content-Type": resume.type,
          "Content-Length": String(resume.size),
          "Content-Disposition": `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(resume.name)}`,
        },
      });
    }
    default:
      return back(page);
  }
}

export function GET(): Response {
  return new Response("This address takes the status page's forms (POST).\n", {
    status: 405,
    headers: { Allow: "POST", "Content-Type": "text/plain; charset=utf-8" },
  });
}
