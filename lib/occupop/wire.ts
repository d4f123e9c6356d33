// Occupop's wire shapes, parsed leniently: the real API sends nulls, extra fields,
// camelCase in the job's location and snake_case elsewhere, and decimals as strings.
// Only this folder sees these types.
import { z } from "zod";

const text = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => (v === null || v === undefined ? null : String(v).trim() || null));

const flag = z
  .union([z.boolean(), z.literal(0), z.literal(1), z.enum(["0", "1", "true", "false"])])
  .nullish()
  .transform((v) => (v === null || v === undefined ? null : v === true || v === 1 || v === "1" || v === "true"));

const decimal = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => {
    if (v === null || v === undefined || v === "") return null;
    const n = typeof v === "number" ? v : Number(v.replace(/,/g, ""));
    return Number.isFinite(n) ? n : null;
  });

const list = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullish()
    .transform((v) => v ?? []);

export const wireLocationSchema = z.looseObject({
  city: text,
  state: text,
  country: text,
  countryShort: text,
  // Seen as camelCase on jobs; accept snake_case too in case it changes.
  country_short: text,
});

export const wireSectorSchema = z.looseObject({ uuid: text, name: text });

export const wireSalarySchema = z.looseObject({
  type: text,
  period: text,
  start: decimal,
  end: decimal,
  details: text,
});

export const wireQuestionSchema = z.looseObject({
  type: text,
  text: text,
  options: list(z.union([z.string(), z.number()]).transform(String)),
});

export const wireJobSchema = z.looseObject({
  uuid: z.string().trim().min(1),
  id_ref: text,
  title: z.string().trim().min(1),
  description: text,
  location: wireLocationSchema.nullish(),
  sectors: list(wireSectorSchema),
  subsectors: list(wireSectorSchema),
  contract: text,
  period: text,
  workplace: text,
  salary: wireSalarySchema.nullish(),
  published: flag,
  published_at: text,
  created_at: text,
  close_date: text,
  questions_form: list(wireQuestionSchema),
  closed_for_applicants: flag,
  /** Occupop's audience flags: a job with `external: false` is for the company's own staff only. */
  internal: flag,
  external: flag,
  require_cv: flag,
  require_opt_in_for_job: flag,
  require_opt_in_for_database: flag,
  apply_url: text,
  unique_slug: text,
  cv_upload_signed_url: text,
  company_name: text,
  company_logo: text,
});

export type WireJob = z.infer<typeof wireJobSchema>;

/** A listing page. Jobs stay unknown here so one malformed job can be skipped alone. */
export const wireJobPageSchema = z.looseObject({
  data: z.array(z.unknown()),
  meta: z
    .looseObject({
      current_page: z.coerce.number().int().positive().optional(),
      last_page: z.coerce.number().int().positive().optional(),
    })
    .optional(),
});

export type WireJobPage = z.infer<typeof wireJobPageSchema>;

export const wireCandidateSchema = z.looseObject({
  id: z.union([z.number(), z.string()]).optional(),
  uuid: text,
  job_uuid: text,
  email: text,
});

export const wireCandidateResponseSchema = z.looseObject({ data: wireCandidateSchema });

/** What we POST to /jobs/{uuid}/candidates: the documented fields, plus screening answers. */
export type WireCandidateRequest = {
  email: string;
  first_name: string;
  last_name: string;
  landline: string;
  linkedin: string;
  profile: string;
  location_city: string;
  location_state: string;
  location_country: string;
  source: string;
  file_name: string;
  file_url: string;
  /** Not documented: the consents the job asked for, named after the job's require_opt_in_* flags. */
  opt_in_for_job?: boolean;
  opt_in_for_database?: boolean;
  /** Not documented: the job's questions with `answer` filled (see the API notes). */
  questions_form?: Array<{ type: string; text: string; options: string[]; answer: string }>;
};
