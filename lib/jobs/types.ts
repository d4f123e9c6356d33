// The app's own job model. Nothing outside lib/occupop sees Occupop's wire shapes.

export type Workplace = "on-site" | "hybrid" | "remote";
export type Schedule = "full-time" | "part-time";
export type ContractKind = "permanent" | "temporary" | "contract" | "other";
export type SalaryPeriod = "year" | "month" | "week" | "day" | "hour";

export type JobLocation = {
  city: string | null;
  region: string | null;
  country: string | null;
  /** ISO 3166-1 alpha-2, upper case. */
  countryCode: string | null;
};

export type Salary = {
  kind: "range" | "competitive" | "other";
  /** Occupop's own label, e.g. "Competitive". */
  label: string;
  min: number | null;
  max: number | null;
  period: SalaryPeriod | null;
  details: string | null;
};

export type QuestionKind = "yes-no" | "options" | "text";

export type ScreeningQuestion = {
  /** Occupop's type string, sent back unchanged with the answer. */
  type: string;
  kind: QuestionKind;
  text: string;
  options: string[];
};

export type Job = {
  uuid: string;
  /** URL slug: Occupop's unique_slug, else the uuid. */
  slug: string;
  reference: string | null;
  title: string;
  /** Occupop editor HTML. Untrusted: sanitize before rendering. */
  rawDescriptionHtml: string;
  isOpen: boolean;
  location: JobLocation | null;
  departments: string[];
  schedule: Schedule | null;
  contract: { kind: ContractKind; label: string } | null;
  workplace: Workplace | null;
  salary: Salary | null;
  questions: ScreeningQuestion[];
  requiresCv: boolean;
  requiresOptInForJob: boolean;
  requiresOptInForDatabase: boolean;
  /** ISO 8601. */
  postedAt: string;
  createdAt: string;
  closesAt: string | null;
  companyName: string | null;
  companyLogoUrl: string | null;
  occupopApplyUrl: string | null;
};
