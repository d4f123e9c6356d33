"use client";

// The application form on a job page. The page is served from a cache, the same bytes for
// every visitor, so the form is not in it: its code and its per-visitor token (idempotency
// key, render time for the time trap) are fetched when the visitor comes near it, asks for it
// ("Apply now") or arrives at #apply. Until then the page carries a link to /jobs/<slug>/apply,
// where the form is rendered on the server: that is the way in without JavaScript.
import dynamic from "next/dynamic";
import { useEffect, useRef, useState } from "react";
import type { ApplicationFormDefinition } from "@/lib/applications/schema";
import type { Messages } from "@/lib/i18n/catalogs";
import type { Locale } from "@/lib/i18n/locales";

const ApplicationForm = dynamic(() => import("./localized-application-form").then((m) => m.LocalizedApplicationForm), { ssr: false });

type Props = {
  definition: ApplicationFormDefinition;
  privacyPolicyUrl: string | null;
  companyName: string;
  prefix: string;
  locale: Locale;
  /** The form's words (the catalog's "apply" namespace), handed to the form when it loads. */
  messages: Messages["apply"];
  /** Offer "Finish later" (the site can send email). */
  canFinishLater: boolean;
};

async function fetchFormToken(jobUuid: string): Promise<string> {
  try {
    const res = await fetch("/api/apply/token", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ job: jobUuid }),
      cache: "no-store",
    });
    const body: unknown = res.ok ? await res.json() : null;
    return body && typeof body === "object" && "token" in body && typeof body.token === "string" ? body.token : "";
  } catch {
    // Without a token the first submit is answered with a fresh one and a request to press
    // Submit again (lib/applications/submit.ts): nothing typed is lost.
    return "";
  }
}

export function ApplySection({ definition, privacyPolicyUrl, companyName, prefix, locale, messages, canFinishLater }: Props) {
  const t = (key: "placeholder" | "start" | "loading") => messages[key];
  const [wanted, setWanted] = useState<"near" | "asked" | null>(null);
  const [token, setToken] = useState<string | null>(null);
  const placeholder = useRef<HTMLDivElement>(null);
  const applyPage = `${prefix}/jobs/${definition.jobSlug}/apply`;

  useEffect(() => {
    const onHash = () => {
      if (window.location.hash === "#apply") setWanted((w) => w ?? "asked");
    };
    onHash();
    window.addEventListener("hashchange", onHash);
    const element = placeholder.current;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setWanted((w) => w ?? "near");
      },
      { rootMargin: "300px 0px" },
    );
    if (element) observer.observe(element);
    return () => {
      window.removeEventListener("hashchange", onHash);
      observer.disconnect();
    };
  }, []);

  useEffect(() => {
    if (!wanted) return;
    let current = true;
    void fetchFormToken(definition.jobUuid).then((t) => {
      if (current) setToken(t);
    });
    return () => {
      current = false;
    };
  }, [wanted, definition.jobUuid]);

  if (wanted && token !== null) {
    return (
      <ApplicationForm
        locale={locale}
        messages={messages}
        definition={definition}
        formToken={token}
        privacyPolicyUrl={privacyPolicyUrl}
        companyName={companyName}
        utmSource=""
        permalink={applyPage}
        focusFirstField={wanted === "asked"}
        prefix={prefix}
        canFinishLater={canFinishLater}
      />
    );
  }
  return (
    // data-runtime-*: on a cached page, public/boot.js brings the runtime in when this comes near
    // or the link is followed, and until then sends the link to #apply (lib/on-demand/boot.ts).
    <div ref={placeholder} className="mt-6 min-h-48 rounded-lg border border-slate-200 bg-slate-50 p-6" data-testid="apply-placeholder" data-runtime-near="">
      <p className="text-slate-800">{t("placeholder")}</p>
      <p className="mt-4">
        <a
          href={applyPage}
          data-runtime-hash="#apply"
          onClick={(event) => {
            event.preventDefault();
            setWanted("asked");
          }}
          className="inline-flex min-h-11 items-center rounded-md bg-brand px-6 font-semibold text-brand-contrast hover:opacity-90"
        >
          {t("start")}
        </a>
      </p>
      <p className="mt-3 text-sm text-slate-700" role="status">
        {wanted ? t("loading") : ""}
      </p>
    </div>
  );
}
