// The application form's one schema, built per job and imported by both the client form
// (zodResolver) and the server action. The server never trusts the browser's checks.
import { createTranslator } from "next-intl";
import { z } from "zod";
import en from "@/lib/i18n/messages/en.json";
import { COUNTRY_CODES } from "./countries";

export const MAX_RESUME_BYTES = 50 * 1024 * 1024;
export const MAX_COVER_LETTER = 5000;
export const RESUME_EXTENSIONS = [".pdf", ".doc", ".docx"] as const;
export const RESUME_MIME_TYPES = [
  "application/pdf",
  "application/msword",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
] as const;
export const RESUME_ACCEPT = [...RESUME_EXTENSIONS, ...RESUME_MIME_TYPES].join(",");

export type QuestionDefinition = { text: string; kind: "yes-no" | "options" | "text"; options: string[] };

/** What the form needs to know about a job; serializable, so the client gets the same. */
export type ApplicationFormDefinition = {
  jobUuid: string;
  jobSlug: string;
  jobTitle: string;
  requiresCv: boolean;
  optInJob: boolean;
  optInDatabase: boolean;
  questions: QuestionDefinition[];
  defaultCountry: string | null;
  /**
   * The open application at /join (lib/open-application): the talent-database consent is asked
   * (with how long it lasts, until the date shown), and a job alert may be asked for with it.
   */
  openApplication?: { consentUntil: string; alertsOffered: boolean };
};

/** Form field names, shared by the markup, the client and the server. */
/** The tus upload holding the resume, when the form's script uploaded it while the form was filled in (lib/uploads). */
export const UPLOAD_FIELD = "resumeUpload";

export const FIELDS = {
  firstName: "firstName",
  lastName: "lastName",
  email: "email",
  phone: "phone",
  linkedin: "linkedin",
  city: "city",
  region: "region",
  country: "country",
  coverLetter: "coverLetter",
  resume: "resume",
  consentJob: "consentJob",
  consentDatabase: "consentDatabase",
  /** The open application's "also email me new jobs" (a job alert, confirmed by email). */
  alerts: "alerts",
  /** Marks a form sent from /join. */
  openApplication: "openApplication",
} as const;

export const answerField = (index: number) => `answer_${index}`;

/** The hidden field carrying a "finish later" draft's token, so sending the application ends it (./drafts.ts). */
export const DRAFT_FIELD = "draft";
/** The form's second submit button: its name, and the value that means "Finish later". */
export const INTENT_FIELD = "intent";
export const LATER_INTENT = "later";

/**
 * The fields of a form with `questions` questions that are kept for later (in the browser,
 * components/apply/kept-typing.ts; on the server, ./drafts.ts): what was typed and chosen,
 * never the resume (a browser cannot keep a chosen file) nor the consents (given each time).
 */
export function keptFields(questions: number): string[] {
  const own = [FIELDS.firstName, FIELDS.lastName, FIELDS.email, FIELDS.phone, FIELDS.linkedin, FIELDS.city, FIELDS.region, FIELDS.country, FIELDS.coverLetter];
  return [...own, ...Array.from({ length: questions }, (_, i) => answerField(i))];
}

/** How each field is named (the form's labels, the error summary's and the length messages'). */
export const ENGLISH_LABELS: Record<string, string> = en.apply.labels;

const MiB = 1024 * 1024;

type ErrorKey = keyof (typeof en)["apply"]["errors"];
/**
 * The form's error messages in the visitor's language: the browser passes next-intl's
 * useTranslations("apply.errors"), the server lib/i18n's translator for the form's language.
 */
export type ErrorText = (key: ErrorKey, values?: Record<string, string | number>) => string;

const english = createTranslator({ locale: "en", messages: en, namespace: "apply.errors" });
/** English: the default, for code that has no visitor (tests, scripts). */
export const ENGLISH_ERRORS: ErrorText = (key, values) => english(key, values);

const text = (max: number, field: string, t: ErrorText) =>
  z.preprocess(
    lines,
    z
      .string()
      .trim()
      .max(max, { error: t("tooLong", { field, max }) }),
  );

const required = (max: number, missing: string, field: string, t: ErrorText) =>
  z.preprocess(
    lines,
    z
      .string()
      .trim()
      .min(1, { error: missing })
      .max(max, { error: t("tooLong", { field, max }) }),
  );

const checked = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "yes", z.boolean());

/**
 * Names an empty file input arrives with: browsers send it as a nameless empty part, and on
 * the way through a server action it becomes "blob" (React's encoding) or "undefined"
 * (Next's multipart parsing, seen with Next 16.4).
 */
const NO_FILE_NAMES = new Set(["", "blob", "undefined"]);

/** The chosen file, or undefined for an empty file input. */
export function fileOf(value: unknown): File | undefined {
  if (typeof FileList !== "undefined" && value instanceof FileList) value = value[0];
  if (typeof File === "undefined" || !(value instanceof File)) return undefined;
  if (value.size === 0 && NO_FILE_NAMES.has(value.name)) return undefined;
  return value;
}

// Browsers send textarea line breaks as CRLF; store what the person typed.
const lines = (v: unknown) => (typeof v === "string" ? v.replace(/\r\n?/g, "\n") : "");

function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot >= 0 ? name.slice(dot).toLowerCase() : "";
}

/** Name, type and size checks; the server also checks the content (lib/applications/resume.ts). */
export function resumeProblem(file: File, t: ErrorText = ENGLISH_ERRORS): string | null {
  if (!(RESUME_EXTENSIONS as readonly string[]).includes(extensionOf(file.name))) {
    return t("resumeType");
  }
  // Browsers give Word files odd or empty types; an empty type is judged by the name and,
  // on the server, by the content.
  if (file.type && !(RESUME_MIME_TYPES as readonly string[]).includes(file.type) && file.type !== "application/octet-stream") {
    return t("resumeType");
  }
  if (file.size === 0) return t("resumeEmpty");
  if (file.size > MAX_RESUME_BYTES) {
    return t("resumeTooBig", { size: (file.size / MiB).toFixed(1) });
  }
  return null;
}

function linkedinUrl(value: string): string | null {
  const candidate = /^https?:\/\//i.test(value) ? value : `https://${value}`;
  try {
    const url = new URL(candidate);
    const host = url.hostname.toLowerCase();
    if (!/^https?:$/.test(url.protocol) || !(host === "linkedin.com" || host.endsWith(".linkedin.com"))) return null;
    return url.toString();
  } catch {
    return null;
  }
}

/**
 * The form's schema for one job, with its messages in one language (`t` and `labels`: the
 * field names as the form shows them, for "First name can be at most 100 characters").
 */
export function applicationSchema(def: ApplicationFormDefinition, t: ErrorText = ENGLISH_ERRORS, labels: Record<string, string> = ENGLISH_LABELS) {
  const answers = Object.fromEntries(
    def.questions.map((q, i) => {
      const base = required(2000, t("answer"), t("theAnswer"), t);
      const field =
        q.kind === "text"
          ? base
          : base.refine((v) => q.options.includes(v), { error: t("answerOption") });
      return [answerField(i), field];
    }),
  );
  const label = (name: keyof typeof FIELDS) => labels[name] ?? name;

  return z.object({
    [FIELDS.firstName]: required(100, t("firstName"), label("firstName"), t),
    [FIELDS.lastName]: required(100, t("lastName"), label("lastName"), t),
    [FIELDS.email]: required(254, t("email"), label("email"), t).pipe(z.email({ error: t("emailFormat") })),
    [FIELDS.phone]: text(40, label("phone"), t).refine((v) => v === "" || /^[+()\d][\d\s().\-/]{5,38}$/.test(v), {
      error: t("phone"),
    }),
    [FIELDS.linkedin]: text(300, label("linkedin"), t)
      .refine((v) => v === "" || linkedinUrl(v) !== null, { error: t("linkedin") })
      .transform((v) => (v === "" ? "" : (linkedinUrl(v) ?? v))),
    [FIELDS.city]: text(100, label("city"), t),
    [FIELDS.region]: text(100, label("region"), t),
    [FIELDS.country]: z.preprocess(
      (v) => (typeof v === "string" ? v.trim().toUpperCase() : ""),
      z.union([z.literal(""), z.enum(COUNTRY_CODES, { error: t("country") })]),
    ),
    [FIELDS.coverLetter]: text(MAX_COVER_LETTER, t("theCoverLetter"), t),
    [FIELDS.resume]: z.preprocess(
      fileOf,
      z
        .custom<File | undefined>()
        .superRefine((file, ctx) => {
          if (!file) {
            if (def.requiresCv) ctx.addIssue({ code: "custom", message: t("resumeMissing") });
            return;
          }
          const problem = resumeProblem(file, t);
          if (problem) ctx.addIssue({ code: "custom", message: problem });
        }),
    ),
    [FIELDS.consentJob]: def.optInJob
      ? checked.refine((v) => v, { error: t("consentJob") })
      : checked.optional(),
    [FIELDS.consentDatabase]: def.optInDatabase || def.openApplication
      ? checked.refine((v) => v, { error: t("consentDatabase") })
      : checked.optional(),
    [FIELDS.alerts]: checked.optional(),
    ...answers,
  });
}

/** What the server answers; a failed submit never clears what the person typed. */
export type ApplyState = {
  /** "saved": kept to finish later, and the link emailed (./drafts.ts); nothing was sent to HR. */
  status: "idle" | "sent" | "saved" | "invalid" | "error" | "closed" | "busy" | "rate-limited" | "too-fast";
  /** With "sent": the thank-you page to go to. */
  redirectTo?: string;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** The typed values, so a form rendered without JavaScript can show them again. */
  values?: Record<string, string>;
  /** A resume was sent but must be chosen again (browsers cannot refill file inputs). */
  resumeNeedsReselect?: boolean;
  /** The form's idempotency token, to send again with the next attempt. */
  formToken: string;
};
