// Body admission: asked by the HTTP front for every request that carries a body, before a byte
// of it is read. The route's rule (lib/routes.ts) caps its size (413, by Content-Length at once,
// and the front stops reading a chunked body past it) and its media types (415). An upload to
// a job page is admitted only while the sender is under the applications' rate limit (429), so
// no resume is parsed for a flood, then counted in flight by the front's upload gate.
import "server-only";
import { APPLY_WINDOW_MS, applyRateKey } from "@/lib/applications/limits";
import { clientKey } from "@/lib/client-ip";
import { env } from "@/lib/env";
import { ALL_LANGUAGES, splitLocale } from "@/lib/i18n/locales";
import { offeredLanguages } from "@/lib/i18n/offered";
import { translator } from "@/lib/i18n/translator";
import { peek } from "@/lib/rate-limit";
import { bodyRuleFor, mediaTypeOf, MiB } from "@/lib/routes";
import type { BodyAdmission, FrontRequest, PlainAnswer } from "./hooks";
import { refusalPage } from "@/lib/site/pages";

function refuse(request: FrontRequest, status: number, title: string, text: string, extra: Record<string, string> = {}): BodyAdmission {
  // React's action calls (the next-action header) get the sentence alone, as text/plain (Next
  // hands such an answer's text to the page's script as the error's message, and the form shows
  // it when it is one of its own: components/apply/application-form.tsx); a form posted without
  // JavaScript gets a page.
  const fromScript = Boolean(request.headers["next-action"]);
  const answer: PlainAnswer = fromScript
    ? { status, headers: { "content-type": "text/plain", "cache-control": "no-store", ...extra }, body: text }
    : { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", ...extra }, body: refusalPage(title, text) };
  return { kind: "refuse", reason: title, answer };
}

const declaredLength = (request: FrontRequest) => {
  const value = Number.parseInt(String(request.headers["content-length"] ?? ""), 10);
  return Number.isFinite(value) && value >= 0 ? value : null;
};

export async function admitBody(request: FrontRequest): Promise<BodyAdmission> {
  const rule = bodyRuleFor(request.method, request.pathname);
  const declared = declaredLength(request);
  if (declared !== null && declared > rule.maxBytes) {
    const limit = rule.maxBytes >= MiB ? `${Math.floor(rule.maxBytes / MiB) - (rule.upload ? 1 : 0)} MB` : `${Math.round(rule.maxBytes / 1024)} KB`;
    return refuse(
      request,
      413,
      "That upload is too large",
      rule.upload
        ? `The form you sent was larger than we accept (the resume may be at most ${limit}). Please choose a smaller file and send it again.`
        : `This address takes at most ${limit}, and what was sent is larger. Nothing was read or saved.`,
    );
  }
  const type = mediaTypeOf(String(request.headers["content-type"] ?? ""));
  if (rule.types !== "*" && type && !rule.types.includes(type)) {
    return refuse(request, 415, "That kind of request is not taken here", `This address takes ${rule.types.join(", ")}, not ${type}. Nothing was read or saved.`, {
      accept: rule.types.join(", "),
    });
  }
  const client = clientKey(request.client);
  if (rule.handler) return { kind: "stream", maxBytes: rule.maxBytes, ...(rule.upload ? { clientKey: client } : {}) };
  if (!rule.upload) return { kind: "read", maxBytes: rule.maxBytes, clientKey: client };
  // Over the applications' limit already: refused before the body (and its resume) is read.
  const config = env();
  // With the database away the count is unknown: the action itself then says nothing was saved.
  const used = await peek(applyRateKey(client), APPLY_WINDOW_MS).catch(() => 0);
  if (used >= config.APPLY_RATE_LIMIT_PER_MINUTE) {
    const { locale } = splitLocale(request.pathname);
    const t = translator(locale ?? (offeredLanguages() ?? ALL_LANGUAGES).defaultLocale);
    return refuse(request, 429, t("apply.status.rateLimitedTitle"), t("apply.status.rateLimited", { seconds: 60 }), { "retry-after": "60" });
  }
  return { kind: "upload", maxBytes: rule.maxBytes, clientKey: client };
}
