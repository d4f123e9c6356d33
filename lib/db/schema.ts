// The database's tables, as Kysely sees them. Timestamps are epoch milliseconds (integers),
// booleans are 0/1 and JSON is text, so the same queries run on SQLite and PostgreSQL.
import type { Generated } from "kysely";

/** "held": kept but not sent until HR says so (a second application to a job with the same email). */
export type ApplicationStatus = "pending" | "held" | "delivered" | "failed" | "discarded";
export type DeliveryStep = "stored" | "uploaded" | "created";
export type FailureKind = "rejected" | "closed" | "auth" | "unreachable";

export interface ApplicationsTable {
  id: string;
  idempotency_key: string;
  job_uuid: string;
  job_slug: string;
  job_title: string;
  /** Fingerprint of (job, email) for spotting a resubmission with a new key. */
  dedupe_key: string;
  /** The applicant's fields, answers and consents (JSON). Deleted with the record. */
  payload: string;
  resume_name: string | null;
  resume_type: string | null;
  resume_size: number | null;
  resume_sha256: string | null;
  /** True while the resume bytes are kept (in resume_chunks, until delivery). */
  resume_stored: number;
  status: ApplicationStatus;
  step: DeliveryStep;
  file_url: string | null;
  candidate_id: string | null;
  attempts: number;
  next_attempt_at: number;
  lease_until: number | null;
  /** The server holding the lease (see lib/applications/lease.ts). */
  lease_owner: string | null;
  last_error: string | null;
  failure_reason: string | null;
  failure_kind: FailureKind | null;
  /** Create calls whose answer never came: Occupop may have made the candidate. */
  uncertain_creates: number;
  created_at: number;
  updated_at: number;
  delivered_at: number | null;
  /** The earlier application to the same job with the same email, when this one repeats it. */
  duplicate_of: string | null;
}

export interface RateLimitsTable {
  key: string;
  window_start: number;
  count: number;
  /** Hits in the window just before `window_start` (0 when it was not the one before). */
  previous_count: Generated<number>;
}

export interface LoginThrottleTable {
  /** What is throttled: an address, an account at an address, or a trusted device. */
  key: string;
  /** Attempts that did not end in a sign-in, within the window. */
  failures: number;
  /** The next attempt is refused before this time (growing with failures). */
  next_at: number;
  updated_at: number;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface AdminUsersTable {
  id: Generated<number>;
  email: string;
  password_hash: string;
  created_at: number;
  created_by: string | null;
  /** Base32 TOTP secret, set while two-factor is being set up or is on. */
  totp_secret: string | null;
  /** When two-factor was turned on; null: off (or set up but not confirmed). */
  totp_enabled_at: number | null;
  /** The last 30-second step a code was accepted for: a code is good once. */
  totp_last_step: number | null;
  /** A new TOTP secret being set up; the one in force (totp_secret) stays until it is confirmed. */
  totp_pending_secret: string | null;
}

export type SessionStage = "full" | "second-factor";

export interface AdminSessionsTable {
  /** sha256 of the session token; the token itself lives only in the cookie. */
  token_hash: string;
  user_id: number;
  created_at: number;
  /** The absolute end of the session. */
  expires_at: number;
  stage: Generated<SessionStage>;
  /** Last request seen, for the idle timeout. */
  last_seen_at: number | null;
}

export interface AdminRecoveryCodesTable {
  id: Generated<number>;
  user_id: number;
  /** sha256 of the code (codes are random, so a fast hash is enough). */
  code_hash: string;
  used_at: number | null;
}

export interface BrandingVersionsTable {
  id: Generated<number>;
  data: string;
  created_by: string;
  created_at: number;
  /** JSON list of the fields that changed from the previous version. */
  changes: string;
  note: string | null;
}

export interface ImagesTable {
  hash: string;
  content_type: string;
  size: number;
  bytes: Uint8Array;
  created_at: number;
}

export interface ResumeChunksTable {
  application_id: string;
  seq: number;
  bytes: Uint8Array;
}

export interface JobSnapshotTable {
  /** Always "current": one row. */
  id: string;
  /** Goes up by one each time the job list's content changes. */
  version: number;
  /** sha256 of `data`. */
  hash: string;
  /** The app's Job[] as JSON. */
  data: string;
  fetched_at: number;
}

export type InsightMetric = "view" | "start" | "submit" | "deliver";

export interface InsightCountsTable {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  /** The job, or "" for the listing. */
  job_uuid: string;
  /** A channel: a utm_source, or a referrer's site grouped (LinkedIn, Google, direct…). */
  source: string;
  metric: InsightMetric;
  count: number;
}

export interface TrackingLinksTable {
  code: string;
  job_uuid: string;
  channel: string;
  created_at: number;
  created_by: string;
  /** The person who refers candidates through this link (a referral link), or null. */
  referrer: string | null;
}

export type AlertStatus = "pending" | "confirmed";

export interface AlertSubscriptionsTable {
  id: string;
  /** Lower case, trimmed. */
  email: string;
  /** JSON: the listing filters the alert matches (lib/alerts/filters). */
  filters: string;
  status: AlertStatus;
  created_at: number;
  confirmed_at: number | null;
  last_digest_at: number | null;
  jobs_sent: Generated<number>;
  /** The language it was signed up in (lib/i18n/locales), for its emails. */
  locale: Generated<string>;
}

export interface AlertJobsSeenTable {
  job_uuid: string;
  first_seen_at: number;
}

export interface AlertSentTable {
  subscription_id: string;
  job_uuid: string;
  sent_at: number;
}

export type MailKind = "confirm" | "already-subscribed" | "digest" | "draft" | "receipt" | "withdrawal" | "consent-renewal";
export type MailStatus = "pending" | "sent" | "failed";

export interface MailOutboxTable {
  id: string;
  kind: MailKind;
  subscription_id: string | null;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  /** JSON: extra headers (List-Unsubscribe and its one-click POST). */
  headers: string;
  status: MailStatus;
  attempts: Generated<number>;
  next_attempt_at: number;
  lease_until: number | null;
  lease_owner: string | null;
  last_error: string | null;
  created_at: number;
  sent_at: number | null;
}

export interface MailSuppressionsTable {
  email: string;
  reason: string;
  created_at: number;
}

/** An application saved to finish later (lib/applications/drafts.ts). */
export interface ApplicationDraftsTable {
  /** SHA-256 (hex) of the token in the emailed link. */
  token_hash: string;
  job_uuid: string;
  job_slug: string;
  locale: string;
  email: string;
  /** The typed values (JSON): never the resume, never the consents. */
  payload: string;
  created_at: number;
  expires_at: number;
}

/** Every job ever listed, by slug (lib/jobs/ledger.ts). */
export interface JobLedgerTable {
  slug: string;
  job_uuid: string;
  title: string;
  /** SHA-256 of the job as listed: a new one is a change. */
  fingerprint: string;
  first_listed_at: number;
  changed_at: number;
  /** When it left the list; null while listed. */
  gone_at: number | null;
}

export type SearchEngine = "google" | "indexnow";
/** Google's Indexing API's two notifications; IndexNow is told the address either way. */
export type SearchNotificationType = "URL_UPDATED" | "URL_DELETED";
export type SearchNotificationStatus = "pending" | "sent" | "failed";

/** A job page's change, to tell one search engine (lib/search-engines). */
export interface SearchNotificationsTable {
  id: string;
  engine: SearchEngine;
  url: string;
  type: SearchNotificationType;
  status: SearchNotificationStatus;
  attempts: number;
  next_attempt_at: number;
  lease_until: number | null;
  lease_owner: string | null;
  last_error: string | null;
  /** The engine's last HTTP answer. */
  http_status: number | null;
  created_at: number;
  sent_at: number | null;
}

/** Calls spent per engine and quota day. */
export interface SearchQuotaTable {
  engine: SearchEngine;
  day: string;
  used: number;
}

export type OccupopEventStatus = "pending" | "done" | "failed";

/** An Occupop webhook event, kept once (lib/occupop-events). */
export interface OccupopEventsTable {
  /** SHA-256 of the event's content. */
  id: string;
  event_name: string;
  resource_type: string;
  resource_uuid: string;
  resource_status: string | null;
  resource_step: string | null;
  /** When Occupop says it happened (the resource's updated_at), else when it arrived. */
  occurred_at: number;
  received_at: number;
  status: OccupopEventStatus;
  attempts: number;
  next_attempt_at: number;
  lease_until: number | null;
  lease_owner: string | null;
  last_error: string | null;
}

/** A candidate's latest status in Occupop, by the time Occupop gave it. */
export interface CandidateStatusesTable {
  candidate_uuid: string;
  status: string | null;
  step: string | null;
  status_at: number;
  updated_at: number;
}

/** "cancelled": withdrawn before it reached Occupop; "withdrawn": after, and the hiring team was told. */
export type Withdrawal = "cancelled" | "withdrawn";

/** An application's receipt, for the candidate's private status link (lib/receipts). */
export interface ApplicationReceiptsTable {
  id: string;
  token_hash: string;
  application_id: string;
  job_uuid: string;
  job_slug: string;
  job_title: string;
  locale: string;
  first_name: string;
  last_name: string;
  email: string;
  /** The candidate Occupop made of it, once delivered. */
  candidate_uuid: string | null;
  received_at: number;
  sent_at: number | null;
  withdrawn_at: number | null;
  withdrawal: Withdrawal | null;
  expires_at: number;
}

/** That an erasure happened: where it was asked for and how many rows of each kind went. Never whose. */
export interface ErasuresTable {
  id: string;
  at: number;
  origin: "status-page" | "alerts-page";
  counts: string;
}

/** A talent-database consent from the open application (lib/open-application). */
export interface TalentConsentsTable {
  id: string;
  token_hash: string;
  email: string;
  application_id: string;
  job_uuid: string;
  locale: string;
  consented_at: number;
  expires_at: number;
  /** When the renewal email last went, or the candidate last renewed it (a period's asking). */
  renewal_sent_at: number | null;
  /** When it lapsed or was withdrawn; null while it stands. */
  ended_at: number | null;
  ended: "lapsed" | "withdrawn" | null;
}

/** A resumable upload (lib/uploads/store.ts). */
export interface UploadsTable {
  id: string;
  /** Declared length in bytes; null while deferred. */
  size: number | null;
  /** Bytes stored so far. */
  offset: number;
  /** tus metadata (JSON). */
  metadata: string;
  created_at: number;
  expires_at: number;
}

export interface UploadChunksTable {
  upload_id: string;
  seq: number;
  data: Uint8Array;
}

export interface Database {
  applications: ApplicationsTable;
  rate_limits: RateLimitsTable;
  login_throttle: LoginThrottleTable;
  settings: SettingsTable;
  admin_users: AdminUsersTable;
  admin_sessions: AdminSessionsTable;
  admin_recovery_codes: AdminRecoveryCodesTable;
  branding_versions: BrandingVersionsTable;
  images: ImagesTable;
  resume_chunks: ResumeChunksTable;
  job_snapshot: JobSnapshotTable;
  insight_counts: InsightCountsTable;
  tracking_links: TrackingLinksTable;
  alert_subscriptions: AlertSubscriptionsTable;
  alert_jobs_seen: AlertJobsSeenTable;
  alert_sent: AlertSentTable;
  mail_outbox: MailOutboxTable;
  mail_suppressions: MailSuppressionsTable;
  application_drafts: ApplicationDraftsTable;
  job_ledger: JobLedgerTable;
  search_notifications: SearchNotificationsTable;
  search_quota: SearchQuotaTable;
  occupop_events: OccupopEventsTable;
  candidate_statuses: CandidateStatusesTable;
  application_receipts: ApplicationReceiptsTable;
  erasures: ErasuresTable;
  talent_consents: TalentConsentsTable;
  uploads: UploadsTable;
  upload_chunks: UploadChunksTable;
}
