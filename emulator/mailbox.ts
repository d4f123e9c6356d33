// The emulator's mailbox: the control endpoints for the SMTP server (emulator/smtp.ts) and a
// page listing the mail it received, so a demo shows every email the site sends.
import escapeHtml from "escape-html";
import { z } from "zod";
import type { MailEmulator, ReceivedMail } from "./smtp";

export const mailFaultsSchema = z.object({
  down: z.boolean().optional(),
  tempfail: z.boolean().optional(),
  reject: z.array(z.string().max(320)).max(100).optional(),
});

function messageHtml(m: ReceivedMail): string {
  const headers = ["list-unsubscribe", "list-unsubscribe-post"].filter((h) => m.headers[h]).map((h) => `<dt>${escapeHtml(h)}</dt><dd><code>${escapeHtml(m.headers[h] ?? "")}</code></dd>`);
  return `<article>
  <h2>${escapeHtml(m.subject)}</h2>
  <dl><dt>From</dt><dd>${escapeHtml(m.from)}</dd><dt>To</dt><dd>${escapeHtml(m.to)}</dd><dt>Received</dt><dd>${escapeHtml(m.receivedAt)}</dd>${headers.join("")}</dl>
  <details open><summary>HTML part</summary><iframe sandbox="" title="${escapeHtml(m.subject)}" srcdoc="${escapeHtml(m.html)}"></iframe></details>
  <details><summary>Plain-text part</summary><pre>${escapeHtml(m.text)}</pre></details>
</article>`;
}

/** The mailbox page: newest first, each message's HTML in a sandboxed frame (no scripts). */
export function mailboxPage(mail: ReceivedMail[], smtpPort: number | null): string {
  const items = [...mail].reverse().map(messageHtml).join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Emulator mailbox (${mail.length})</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#0f172a}
article{border:1px solid #cbd5e1;border-radius:.5rem;padding:1rem;margin:1rem 0}dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}iframe{width:100%;height:28rem;border:1px solid #e2e8f0}pre{white-space:pre-wrap}</style></head>
<body><main><h1>Emulator mailbox</h1>
<p>Mail the site sent to the emulator's SMTP server${smtpPort ? ` (port ${smtpPort})` : ""}, newest first. Reload to see new mail.</p>
${items || "<p>No mail yet.</p>"}
</main></body></html>`;
}

type Respond = (status: number, body: unknown, headers?: Record<string, string>) => void;

/** Answers /_emulator/mail…; false when the path is not a mail endpoint. */
export async function mailControl(mail: MailEmulator, path: string, method: string, url: URL, body: () => Promise<unknown>, respond: Respond, smtpPort: number | null): Promise<boolean> {
  if (path === "/mail" && method === "GET") {
    if (url.searchParams.has("count")) {
      respond(200, { count: mail.list().length });
      return true;
    }
    const to = url.searchParams.get("to")?.toLowerCase();
    respond(200, { data: mail.list().filter((m) => !to || m.envelope.to.some((a) => a.toLowerCase() === to)) });
    return true;
  }
  if (path === "/mail" && method === "DELETE") {
    mail.clear();
    respond(204, "");
    return true;
  }
  if (path === "/mail/faults") {
    if (method === "POST") {
      const parsed = mailFaultsSchema.safeParse(await body());
      if (!parsed.success) {
        respond(400, { message: z.prettifyError(parsed.error) });
        return true;
      }
      await mail.setFaults(parsed.data);
    }
    respond(200, { data: mail.faults() });
    return true;
  }
  if (path === "/mailbox" && method === "GET") {
    respond(200, mailboxPage(mail.list(), smtpPort), { "content-type": "text/html; charset=utf-8" });
    return true;
  }
  return false;
}
