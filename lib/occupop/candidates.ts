// Creating a candidate. Never retried here: whether a repeated POST makes a duplicate is
// unknown, so repeating is the durable outbox's decision, not this call's.
import "server-only";
import type { ScreeningQuestion } from "@/lib/jobs/types";
import { occupopRequest } from "./client";
import { wireCandidateResponseSchema, type WireCandidateRequest } from "./wire";

export type NewCandidate = {
  email: string;
  firstName: string;
  lastName: string;
  phone: string;
  linkedin: string;
  coverLetter: string;
  city: string;
  region: string;
  /** ISO 3166-1 alpha-2. */
  countryCode: string;
  source: string;
  file: { name: string; url: string } | null;
  answers: Array<{ question: ScreeningQuestion; answer: string }>;
  /** The consents the job asked for (null: not asked). */
  consents: { job: boolean | null; database: boolean | null };
};

export type CreatedCandidate = { id: string | null; uuid: string | null };

/** The wire body: every documented field, plus the undocumented questions_form answers. */
export function candidateRequestBody(c: NewCandidate): WireCandidateRequest {
  return {
    email: c.email,
    first_name: c.firstName,
    last_name: c.lastName,
    landline: c.phone,
    linkedin: c.linkedin,
    profile: c.coverLetter,
    location_city: c.city,
    location_state: c.region,
    location_country: c.countryCode,
    source: c.source,
    file_name: c.file?.name ?? "",
    file_url: c.file?.url ?? "",
    ...(c.consents.job === null ? {} : { opt_in_for_job: c.consents.job }),
    ...(c.consents.database === null ? {} : { opt_in_for_database: c.consents.database }),
    ...(c.answers.length
      ? {
          questions_form: c.answers.map(({ question, answer }) => ({
            type: question.type,
            text: question.text,
            options: question.options,
            answer,
          })),
        }
      : {}),
  };
}

export async function createCandidate(jobUuid: string, candidate: NewCandidate): Promise<CreatedCandidate> {
  const response = await occupopRequest({
    operation: "createCandidate",
    method: "POST",
    path: `/jobs/${encodeURIComponent(jobUuid)}/candidates`,
    body: candidateRequestBody(candidate),
    schema: wireCandidateResponseSchema,
    retry: false,
  });
  const id = response.data.id;
  return { id: id === undefined ? null : String(id), uuid: response.data.uuid };
}
