// The form a job asks for, derived from the app's Job.
import type { Job } from "@/lib/jobs/types";
import { COUNTRY_CODES } from "./countries";
import type { ApplicationFormDefinition } from "./schema";

export function formDefinition(job: Job): ApplicationFormDefinition {
  const country = job.location?.countryCode ?? null;
  return {
    jobUuid: job.uuid,
    jobSlug: job.slug,
    jobTitle: job.title,
    requiresCv: job.requiresCv,
    optInJob: job.requiresOptInForJob,
    optInDatabase: job.requiresOptInForDatabase,
    questions: job.questions.map((q) => ({ text: q.text, kind: q.kind, options: q.options })),
    defaultCountry: country && (COUNTRY_CODES as readonly string[]).includes(country) ? country : null,
  };
}
