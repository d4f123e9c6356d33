"use client";

// The branding editor: the form on one side, a live preview on the other that follows
// every keystroke before anything is saved, and a contrast check next to each colour.
import { zodResolver } from "@hookform/resolvers/zod";
import { useActionState, useEffect, useMemo, useState, useTransition, type FormEvent } from "react";
import { useForm, useWatch } from "react-hook-form";
import { saveBrandingAction } from "@/app/admin/(protected)/branding/actions";
import { contrastProblems } from "@/lib/branding/colors";
import { socialField, type BrandingFormState } from "@/lib/branding/editor";
import { brandingFieldsSchema, IMAGE_LIMITS, SOCIAL_SLOTS, type BrandingFields, type ImageField } from "@/lib/branding/schema";
import { BrandingPreview } from "./branding-preview";
import { describedBy, EditorField } from "./editor-field";

type Props = {
  initial: BrandingFields;
  images: Record<ImageField, string | null>;
  baseVersion: number;
  fallbackCompany: string;
};

const input = "mt-1 block min-h-11 w-full rounded-md border border-slate-400 bg-white px-3 py-2 aria-[invalid=true]:border-red-700";

const LABELS: Record<string, string> = {
  companyName: "Company name",
  siteTitle: "Site title",
  heroHeadline: "Headline",
  heroIntro: "Introduction",
  about: "About us",
  primaryColor: "Primary colour",
  accentColor: "Accent colour",
  privacyPolicyUrl: "Privacy policy address",
  accessibilityContact: "Accessibility contact",
  sourceName: "Source name sent with candidates",
  footerText: "Footer text",
  logo: "Logo",
  favicon: "Favicon",
  heroImage: "Hero image",
};

function useObjectUrl(file: unknown): string | null {
  const chosen = typeof FileList !== "undefined" && file instanceof FileList ? file[0] : undefined;
  const url = useMemo(() => (chosen ? URL.createObjectURL(chosen) : null), [chosen]);
  useEffect(() => () => {
    if (url) URL.revokeObjectURL(url);
  }, [url]);
  return url;
}

export function BrandingEditor({ initial, images, baseVersion, fallbackCompany }: Props) {
  const [serverState, formAction] = useActionState(saveBrandingAction, { status: "idle", baseVersion }, "/admin/branding");
  const [clientState, setClientState] = useState<BrandingFormState | null>(null);
  const state = clientState ?? serverState;
  const [saving, startTransition] = useTransition();
  const socialDefaults = Array.from({ length: SOCIAL_SLOTS }, (_, i) => initial.socialLinks[i] ?? { label: "", url: "" });
  const { register, control, handleSubmit, setValue, setError, formState } = useForm<BrandingFields & Record<string, unknown>>({
    resolver: zodResolver(brandingFieldsSchema) as never,
    // The inputs carry their values in the markup; react-hook-form reads them on registration
    // (defaults here would overwrite anything typed before hydration).
    mode: "onChange",
  });
  const values = useWatch({ control }) as Partial<BrandingFields> & Record<string, unknown>;
  const logoFile = useObjectUrl(values.logo);
  const heroFile = useObjectUrl(values.heroImage);
  const [removed, setRemoved] = useState<Record<ImageField, boolean>>({ logo: false, favicon: false, heroImage: false });

  useEffect(() => {
    for (const [name, message] of Object.entries(state.fieldErrors ?? {})) setError(name, { type: "server", message });
  }, [state.fieldErrors, setError]);

  const primary = String(values.primaryColor ?? initial.primaryColor);
  const accent = String(values.accentColor ?? initial.accentColor);
  const contrast = /^#[0-9a-f]{6}$/i.test(primary) && /^#[0-9a-f]{6}$/i.test(accent) ? contrastProblems(primary, accent) : [];

  const errorOf = (name: string): string | undefined => {
    const parts = name.split(".");
    let node: unknown = formState.errors;
    for (const part of parts) node = node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined;
    const message = node && typeof node === "object" ? (node as { message?: unknown }).message : undefined;
    return typeof message === "string" ? message : state.fieldErrors?.[name];
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    void handleSubmit(() => {
      const data = new FormData(form);
      data.set("baseVersion", String(state.baseVersion));
      startTransition(async () => {
        try {
          setClientState(await saveBrandingAction(state, data));
        } catch {
          setClientState({ ...state, status: "error", message: "The save did not reach the server. Nothing was lost here: try again." });
        }
      });
    }, () => setClientState({ ...state, status: "invalid", message: "Nothing was saved: some fields need another look.", fieldErrors: {} }))();
  };

  const text = (name: keyof BrandingFields, opts: { multiline?: boolean; hint?: string; max: number }) => {
    const error = errorOf(name);
    const id = `brand-${name}`;
    const control = {
      id,
      maxLength: opts.max,
      className: input,
      defaultValue: String(initial[name]),
      "aria-invalid": Boolean(error),
      "aria-describedby": describedBy(id, { hint: Boolean(opts.hint), error: Boolean(error) }),
      ...register(name),
    };
    return (
      <EditorField id={id} label={LABELS[name] ?? name} hint={opts.hint} error={error}>
        {opts.multiline ? <textarea rows={4} {...control} /> : <input {...control} />}
      </EditorField>
    );
  };

  const colour = (name: "primaryColor" | "accentColor", hint: string) => {
    const problem = contrast.find((p) => p.field === name);
    const error = errorOf(name) && !problem ? errorOf(name) : undefined;
    const id = `brand-${name}`;
    return (
      <EditorField id={id} label={LABELS[name] ?? name} hint={hint} error={error}>
        <div className="mt-1 flex items-center gap-3">
          <input
            id={id}
            type="color"
            defaultValue={initial[name]}
            className="h-11 w-16 cursor-pointer rounded border border-slate-400"
            aria-invalid={Boolean(problem || error)}
            aria-describedby={describedBy(id, { hint: true, error: Boolean(error), extra: problem ? [`${id}-contrast`] : [] })}
            {...register(name)}
          />
          <code className="text-sm">{String(values[name] ?? initial[name])}</code>
        </div>
        {problem ? (
          <div id={`${id}-contrast`} role="alert" className="mt-2 rounded-md border border-amber-600 bg-amber-50 p-3 text-sm text-slate-900" data-testid={`${name}-contrast`}>
            <p>{problem.message}</p>
            <button
              type="button"
              className="mt-2 min-h-11 rounded-md border border-slate-500 bg-white px-3 font-medium"
              onClick={() => setValue(name, problem.suggestion, { shouldValidate: true, shouldDirty: true })}
            >
              Use {problem.suggestion}
            </button>
          </div>
        ) : null}
      </EditorField>
    );
  };

  const image = (field: ImageField, current: string | null) => {
    const id = `brand-${field}`;
    const error = errorOf(field);
    const limit = IMAGE_LIMITS[field].maxBytes;
    const label = LABELS[field] ?? field;
    return (
      <EditorField id={id} label={label} hint={`PNG, JPEG or WebP, up to ${limit >= 1024 * 1024 ? `${limit / 1024 / 1024} MB` : `${limit / 1024} KB`}.`} error={error}>
        {current && !removed[field] ? (
          // eslint-disable-next-line @next/next/no-img-element -- the stored image, shown as it is
          <img src={current} alt={`Current ${label.toLowerCase()}`} className="mt-1 h-12 w-auto rounded border border-slate-200 object-contain" />
        ) : null}
        <input
          id={id}
          type="file"
          accept="image/png,image/jpeg,image/webp"
          className="mt-1 block min-h-11 w-full rounded-md border border-slate-400 bg-white px-3 py-2"
          aria-invalid={Boolean(error)}
          aria-describedby={describedBy(id, { hint: true, error: Boolean(error) })}
          {...register(field)}
        />
        {current ? (
          <label className="mt-1 inline-flex min-h-11 items-center gap-2 text-sm">
            <input type="checkbox" name={`${field}Remove`} className="h-5 w-5" onChange={(e) => setRemoved((r) => ({ ...r, [field]: e.target.checked }))} />
            Remove the current {label.toLowerCase()}
          </label>
        ) : null}
      </EditorField>
    );
  };

  const preview = {
    companyName: String((values.companyName ?? initial.companyName) || fallbackCompany),
    heroHeadline: String(values.heroHeadline ?? initial.heroHeadline),
    heroIntro: String(values.heroIntro ?? initial.heroIntro),
    primaryColor: /^#[0-9a-f]{6}$/i.test(primary) ? primary : initial.primaryColor,
    accentColor: /^#[0-9a-f]{6}$/i.test(accent) ? accent : initial.accentColor,
    logoUrl: logoFile ?? (removed.logo ? null : images.logo),
    heroImageUrl: heroFile ?? (removed.heroImage ? null : images.heroImage),
    footerText: String(values.footerText ?? initial.footerText),
  };

  const banner =
    state.status === "idle" ? null : (
      <div
        role={state.status === "saved" ? "status" : "alert"}
        className={`rounded-md border-2 p-4 ${state.status === "saved" ? "border-green-700 bg-green-50" : "border-red-700 bg-red-50"}`}
        data-testid="branding-status"
      >
        <p className="font-medium text-slate-900">{state.message}</p>
        {state.status === "stale" || state.status === "refused" ? (
          <a href={state.status === "stale" ? "/admin/branding" : "/admin/login"} className="mt-2 inline-flex min-h-11 items-center font-medium text-brand underline">
            {state.status === "stale" ? "Load the latest version" : "Log in again"}
          </a>
        ) : null}
      </div>
    );

  return (
    <div className="mt-6 grid gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,26rem)]">
      <form action={formAction} onSubmit={onSubmit} encType="multipart/form-data" className="space-y-6" noValidate>
        {banner}
        <input type="hidden" name="baseVersion" value={state.baseVersion} />
        <fieldset className="space-y-4">
          <legend className="text-lg font-semibold">Words</legend>
          {text("companyName", { max: 80, hint: `Leave empty to use the name Occupop gives: ${fallbackCompany}.` })}
          {text("siteTitle", { max: 80, hint: "Shown in browser tabs and search results. Leave empty for “Careers at <company>”." })}
          {text("heroHeadline", { max: 120 })}
          {text("heroIntro", { max: 400, multiline: true })}
          {text("about", { max: 2000, multiline: true, hint: "An “About us” section on the home page. Leave empty to hide it." })}
          {text("footerText", { max: 300 })}
          {text("sourceName", { max: 80, hint: "How candidates from this site are labelled in Occupop." })}
          {text("privacyPolicyUrl", { max: 500, hint: "Linked from the application form and the footer." })}
          {text("accessibilityContact", {
            max: 320,
            hint: "An email address or web page where candidates ask for an adjustment or another way to apply. Shown in the accessibility statement.",
          })}
        </fieldset>
        <fieldset className="space-y-4">
          <legend className="text-lg font-semibold">Colours</legend>
          {colour("primaryColor", "The header band, buttons and links.")}
          {colour("accentColor", "Keyboard focus outlines.")}
        </fieldset>
        <fieldset className="space-y-4">
          <legend className="text-lg font-semibold">Images</legend>
          {image("logo", images.logo)}
          {image("favicon", images.favicon)}
          {image("heroImage", images.heroImage)}
        </fieldset>
        <fieldset className="space-y-3">
          <legend className="text-lg font-semibold">Social links</legend>
          {Array.from({ length: SOCIAL_SLOTS }, (_, i) => (
            <div key={i} className="grid gap-3 sm:grid-cols-[12rem_1fr]">
              {(["label", "url"] as const).map((part) => {
                const name = socialField(i, part);
                const error = errorOf(name);
                const id = `brand-social-${i}-${part}`;
                return (
                  <EditorField key={part} id={id} label={part === "label" ? `Link ${i + 1} label` : `Link ${i + 1} address`} error={error}>
                    <input
                      id={id}
                      className={input}
                      defaultValue={socialDefaults[i]?.[part] ?? ""}
                      aria-invalid={Boolean(error)}
                      aria-describedby={describedBy(id, { error: Boolean(error) })}
                      {...register(name)}
                    />
                  </EditorField>
                );
              })}
            </div>
          ))}
        </fieldset>
        <div className="flex items-center gap-3 border-t border-slate-200 pt-4">
          <button type="submit" disabled={saving} className="min-h-11 rounded-md bg-brand px-6 font-semibold text-brand-contrast disabled:opacity-60">
            {saving ? "Saving…" : "Save and publish"}
          </button>
          <p role="status" className="text-sm text-slate-700">
            {saving ? "Saving your changes…" : ""}
          </p>
        </div>
      </form>
      <aside aria-labelledby="preview-heading" className="lg:sticky lg:top-4 lg:self-start">
        <h2 id="preview-heading" className="text-lg font-semibold">
          Preview
        </h2>
        <p className="text-sm text-slate-700">Follows your changes as you type. Nothing is public until you save.</p>
        <BrandingPreview {...preview} />
      </aside>
    </div>
  );
}
