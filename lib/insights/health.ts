// Job health: what, in a job as Occupop holds it, costs it candidates or its place in Google
// for Jobs, each with the one-line fix HR makes in Occupop. Read from the job list the site
// already has; nothing is stored.
import "server-only";
import { describeJob } from "@/lib/jobs/description";
import type { Job } from "@/lib/jobs/types";

export type HealthRule = "salary" | "closing-date" | "location" | "short-description" | "long-description" | "salary-history";
export type Finding = { rule: HealthRule; problem: string; fix: string };

/** Fewer words than this and a candidate cannot tell what the job is. */
export const MIN_WORDS = 120;
/** More than this and few read to the end. */
export const MAX_WORDS = 1500;

/** Questions about what someone earns or earned: banned in many places, and off-putting everywhere. */
const PAY_HISTORY =
  /\b(current|present|previous|last|past|prior|existing)\s+(annual\s+)?(salary|pay|wage|wages|compensation|earnings|remuneration|package)\b|\bsalary\s+history\b|\bhow\s+much\s+(do|did)\s+you\s+(currently\s+)?(earn|make|get\s+paid)\b/i;

export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

export function jobHealth(job: Job): Finding[] {
  const findings: Finding[] = [];
  const salary = job.salary;
  if (!salary || salary.kind !== "range" || salary.min === null || salary.max === null) {
    findings.push({
      rule: "salary",
      problem: salary?.label ? `No pay range: the salary says "${salary.label}".` : "No pay range.",
      fix: "In Occupop, give the salary a from and a to amount: the EU Pay Transparency Directive expects a pay range before interview, and Google for Jobs shows it.",
    });
  }
  if (!job.closesAt) {
    findings.push({
      rule: "closing-date",
      problem: "No closing date.",
      fix: "In Occupop, set a closing date: candidates see how long they have, and Google for Jobs drops the job when it closes.",
    });
  }
  const located = job.location && (job.location.city || job.location.country || job.location.countryCode);
  if (!located && job.workplace !== "remote") {
    findings.push({
      rule: "location",
      problem: "No location, and the job is not marked remote.",
      fix: "In Occupop, add the job's city and country (or mark it remote): Google for Jobs leaves out jobs it cannot place.",
    });
  }
  const words = wordCount(describeJob(job).text);
  if (words < MIN_WORDS) {
    findings.push({
      rule: "short-description",
      problem: `The description is short: ${words} words.`,
      fix: `In Occupop, describe the work, the team and what you offer in at least ${MIN_WORDS} words, so candidates can tell whether the job is for them.`,
    });
  } else if (words > MAX_WORDS) {
    findings.push({
      rule: "long-description",
      problem: `The description is very long: ${words.toLocaleString("en")} words.`,
      fix: `In Occupop, cut the description below ${MAX_WORDS.toLocaleString("en")} words: lead with the work and the pay, and link to the rest.`,
    });
  }
  for (const question of job.questions) {
    if (PAY_HISTORY.test(question.text)) {
      findings.push({
        rule: "salary-history",
        problem: `A screening question asks about pay history: "${question.text}"`,
        fix: "In Occupop, remove this question or ask for the pay the candidate expects instead: asking about pay history is banned in many places (the EU Pay Transparency Directive, many US states).",
      });
    }
  }
  return findings;
}
