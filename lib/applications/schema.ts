// The application form's one schema, built per job and imported by both the client form
// (zodResolver) and the server action. The server never trusts the browser's checks.
import { z } from "zod";
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
};

/** Form field names, shared by the markup, the client and the server. */
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
} as const;

export const answerField = (index: number) => `answer_${index}`;

const MiB = 1024 * 1024;

const text = (max: number, label: string) =>
  z.preprocess(
    lines,
    z
      .string()
      .trim()
      .max(max, { error: `${label} can be at most ${max} characters` }),
  );

const required = (max: number, missing: string, label: string) =>
  z.preprocess(
    lines,
    z
      .string()
      .trim()
      .min(1, { error: missing })
      .max(max, { error: `${label} can be at most ${max} characters` }),
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
export function resumeProblem(file: File): string | null {
  if (!(RESUME_EXTENSIONS as readonly string[]).includes(extensionOf(file.name))) {
    return "Choose a PDF, DOC or DOCX file";
  }
  // Browsers give Word files odd or empty types; an empty type is judged by the name and,
  // on the server, by the content.
  if (file.type && !(RESUME_MIME_TYPES as readonly string[]).includes(file.type) && file.type !== "application/octet-stream") {
    return "Choose a PDF, DOC or DOCX file";
  }
  if (file.size === 0) return "That file is empty: choose your resume again";
  if (file.size > MAX_RESUME_BYTES) {
    return `That file is ${(file.size / MiB).toFixed(1)} MB: the resume can be at most 50 MB`;
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

export function applicationSchema(def: ApplicationFormDefinition) {
  const answers = Object.fromEntries(
    def.questions.map((q, i) => {
      const base = required(2000, "Answer this question", "The answer");
      const field =
        q.kind === "text"
          ? base
          : base.refine((v) => q.options.includes(v), { error: "Choose one of the options" });
      return [answerField(i), field];
    }),
  );

  return z.object({
    [FIELDS.firstName]: required(100, "Enter your first name", "First name"),
    [FIELDS.lastName]: required(100, "Enter your last name", "Last name"),
    [FIELDS.email]: required(254, "Enter your email address", "Email").pipe(
      z.email({ error: "Enter an email address like name@example.com" }),
    ),
    [FIELDS.phone]: text(40, "Phone").refine((v) => v === "" || /^[+()\d][\d\s().\-/]{5,38}$/.test(v), {
      error: "Enter a phone number using digits, spaces and + ( ) -",
    }),
    [FIELDS.linkedin]: text(300, "LinkedIn profile")
      .refine((v) => v === "" || linkedinUrl(v) !== null, { error: "Enter a linkedin.com profile address, like linkedin.com/in/your-name" })
      .transform((v) => (v === "" ? "" : (linkedinUrl(v) ?? v))),
    [FIELDS.city]: text(100, "City"),
    [FIELDS.region]: text(100, "State or region"),
    [FIELDS.country]: z.preprocess(
      (v) => (typeof v === "string" ? v.trim().toUpperCase() : ""),
      z.union([z.literal(""), z.enum(COUNTRY_CODES, { error: "Choose a country from the list" })]),
    ),
    [FIELDS.coverLetter]: text(MAX_COVER_LETTER, "The cover letter"),
    [FIELDS.resume]: z.preprocess(
      fileOf,
      z
        .custom<File | undefined>()
        .superRefine((file, ctx) => {
          if (!file) {
            if (def.requiresCv) ctx.addIssue({ code: "custom", message: "Attach your resume (PDF, DOC or DOCX, up to 50 MB)" });
            return;
          }
          const problem = resumeProblem(file);
          if (problem) ctx.addIssue({ code: "custom", message: problem });
        }),
    ),
    [FIELDS.consentJob]: def.optInJob
      ? checked.refine((v) => v, { error: "Tick this box so we can consider you for this job" })
      : checked.optional(),
    [FIELDS.consentDatabase]: def.optInDatabase
      ? checked.refine((v) => v, { error: "Tick this box to let us keep your details for future jobs" })
      : checked.optional(),
    ...answers,
  });
}

/** What the server answers; a failed submit never clears what the person typed. */
export type ApplyState = {
  status: "idle" | "sent" | "invalid" | "error" | "closed" | "busy" | "rate-limited" | "too-fast";
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
