import { readResumeChunks } from "@/lib/applications/resume-store";
import { postOnly, PRIVATE_HEADERS as PRIVATE, readPrivateForm, seeOther as back } from "@/lib/http/private-form";
import { ErasureBusyError, eraseReceipt, exportForReceipt, heldResume } from "@/lib/receipts/rights";
import { findReceipt } from "@/lib/receipts/store";
import { withdrawApplication } from "@/lib/receipts/withdraw";

export const dynamic = "force-dynamic";

// POST /api/status: the status page's buttons (lib/receipts), a plain form each, so they work
// without JavaScript. The form's token is the credential; an unknown one is sent to the page
// that shows nothing. Nothing happens on GET: link scanners open links.
export async function POST(request: Request): Promise<Response> {
  const read = await readPrivateForm(request);
  if (read instanceof Response) return read;
  const { form, prefix } = read;
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

export const GET = postOnly("the status page's forms");
