import type { CSSProperties } from "react";
import { textOn } from "@/lib/branding/colors";

type Props = {
  companyName: string;
  heroHeadline: string;
  heroIntro: string;
  primaryColor: string;
  accentColor: string;
  logoUrl: string | null;
  heroImageUrl: string | null;
  footerText: string;
};

/** A small copy of the public site's header, hero, a job card and a button, in the chosen look. */
export function BrandingPreview(props: Props) {
  const style = {
    "--brand-primary": props.primaryColor,
    "--brand-primary-contrast": textOn(props.primaryColor),
    "--brand-accent": props.accentColor,
  } as CSSProperties;
  return (
    <div style={style} className="mt-3 overflow-hidden rounded-lg border border-slate-300 shadow-sm" data-testid="branding-preview" aria-label="Preview of the public site" role="img">
      <div className="flex items-center gap-2 border-b border-slate-200 bg-white px-3 py-2">
        {props.logoUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- a local preview of the chosen file
          <img src={props.logoUrl} alt="" className="h-6 w-auto max-w-24 object-contain" />
        ) : null}
        <span className="text-sm font-semibold text-slate-900" data-testid="preview-company">
          {props.companyName}
        </span>
      </div>
      <div className="bg-brand px-4 py-5 text-brand-contrast" data-testid="preview-hero">
        <p className="text-lg font-bold">{props.heroHeadline}</p>
        <p className="mt-1 text-sm opacity-95">{props.heroIntro}</p>
        {props.heroImageUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- a local preview of the chosen file
          <img src={props.heroImageUrl} alt="" className="mt-2 h-16 w-auto rounded object-cover" />
        ) : null}
      </div>
      <div className="space-y-3 bg-white p-4">
        <div className="rounded-md border border-slate-200 p-3">
          <p className="font-semibold text-brand underline">Store Manager</p>
          <p className="text-xs text-slate-700">Dublin, Ireland · On-site · Full-time</p>
        </div>
        <span className="inline-flex min-h-9 items-center rounded-md bg-brand px-4 text-sm font-semibold text-brand-contrast outline outline-3 outline-offset-2 outline-[var(--brand-accent)]">
          Apply now
        </span>
        <p className="border-t border-slate-200 pt-2 text-xs text-slate-700">{props.footerText || `© ${props.companyName}`}</p>
      </div>
    </div>
  );
}
