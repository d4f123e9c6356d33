// One delivery attempt of a stored application: fetch the job fresh (for a fresh signed
// upload URL, and to confirm it is still open), upload the resume unless that step is
// done, then create the candidate unless that step is done. Each step is recorded, so a
// retry never uploads twice for nothing and never creates after a confirmed 201. The
// attempt runs under a lease it renews (./lease.ts); a server that loses its lease stops
// before creating, so the server that took over is the only one that creates.
import "server-only";
import { retryDelay } from "@/lib/backoff";
import { env } from "@/lib/env";
import { count } from "@/lib/insights/collector";
import { log } from "@/lib/log";
import { metrics } from "@/lib/metrics";
import { inSpan } from "@/lib/telemetry/spans";
import { createCandidate, findJobForApplication, OccupopError, uploadResume } from "@/lib/occupop";
import {
  claim,
  findById,
  markDelivered,
  markFailed,
  payloadOf,
  recordUncertainCreate,
  recordUploaded,
  scheduleRetry,
  type ApplicationRecord,
} from "./outbox";
import { holdLease, LeaseLostError, type HeldLease } from "./lease";
import { readResumeChunks } from "./resume-store";
import { serverId } from "@/lib/server-id";

const logger = log("outbox");

export type DeliveryOutcome =
  | { kind: "delivered" }
  | { kind: "queued"; error: string }
  | { kind: "failed"; reason: "rejected" | "closed" | "refused"; message: string; fieldErrors: Record<string, string[]> }
  /** Someone else holds the lease (or took it over): their attempt decides. */
  | { kind: "busy" };

class Permanent extends Error {
  constructor(
    readonly reason: "rejected" | "closed" | "refused",
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
  }
}

function classify(error: unknown): Permanent | OccupopError | Error {
  if (error instanceof Permanent) return error;
  if (error instanceof OccupopError) {
    if (error.retryable) return error;
    if (error.isAuthError && error.operation !== "uploadResume") {
      return new Permanent(
        "refused",
        "Occupop refused the API token. Check OCCUPOP_API_TOKEN; this application is sent by itself once the token works again.",
      );
    }
    if (error.status === 404) return new Permanent("closed", "The job no longer exists in Occupop.");
    if (error.status === 422) {
      const closed = Object.keys(error.fieldErrors).some((f) => f === "job" || f === "job_uuid");
      return new Permanent(closed ? "closed" : "rejected", `Occupop refused the application: ${error.message}`, error.fieldErrors);
    }
    return new Permanent("rejected", `Occupop refused the application (${error.status ?? error.kind}): ${error.message}`);
  }
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * What a delivery attempt may be handed: the resume the request that stored the application
 * still holds in memory (the same bytes as stored), so the first upload does not read them
 * back from the database.
 */
export type AtHand = { resume?: Blob };

async function attempt(record: ApplicationRecord, lease: HeldLease, atHand: AtHand): Promise<void> {
  if (record.step === "created") return;
  const found = await findJobForApplication(record.job_uuid);
  if (!found) throw new Permanent("closed", "The job is no longer listed in Occupop.");
  if (!found.job.isOpen) throw new Permanent("closed", "The job is closed for applications.");

  let fileUrl = record.file_url;
  if (record.step === "stored" && record.resume_stored) {
    if (!found.uploadUrl) {
      throw new OccupopError({ kind: "invalid-response", operation: "uploadResume", message: "Occupop gave no upload URL for the job.", retryable: true });
    }
    const size = Number(record.resume_size ?? 0);
    const body = atHand.resume && atHand.resume.size === size ? atHand.resume : { stream: () => readResumeChunks(record.id, size), size };
    fileUrl = await uploadResume(found.uploadUrl, body, record.resume_type ?? "application/octet-stream");
    if (!(await recordUploaded(record.id, lease.owner, fileUrl))) throw new LeaseLostError();
  }

  // The last point to stop: past it, Occupop may make the candidate. The lease is renewed
  // here, so no other server can take it over for a whole lease length while this one creates.
  await lease.confirm();
  const p = payloadOf(record);
  try {
    const created = await createCandidate(record.job_uuid, {
      email: p.email,
      firstName: p.firstName,
      lastName: p.lastName,
      phone: p.phone,
      linkedin: p.linkedin,
      coverLetter: p.coverLetter,
      city: p.city,
      region: p.region,
      countryCode: p.countryCode,
      source: p.source,
      file: fileUrl ? { name: record.resume_name ?? "resume", url: fileUrl } : null,
      answers: p.answers,
      consents: { job: p.consentJob, database: p.consentDatabase },
    });
    await markDelivered(record.id, created.id ?? created.uuid, Date.now(), created.uuid);
    count({ metric: "deliver", jobUuid: record.job_uuid, source: p.channel ?? "direct" });
  } catch (error) {
    if (error instanceof OccupopError && (error.kind === "timeout" || error.kind === "network")) {
      // The request went out and no answer came back: Occupop may have made the candidate.
      // This is the one window that cannot be made exact; it is counted and logged.
      await recordUncertainCreate(record.id);
      logger.warn({ application: record.id, err: error.toLog() }, "candidate create outcome unknown; will retry");
    }
    throw error;
  }
}

function nextTryIn(attempts: number, retryAfterMs: number | null): number {
  const { OUTBOX_RETRY_BASE_MS: base, OUTBOX_RETRY_MAX_MS: max } = env();
  return Math.max(retryDelay(attempts, base, max), retryAfterMs ?? 0);
}

/** Claims, tries once, and records the outcome. `busy` when someone else is delivering it. */
export async function processApplication(id: string, atHand: AtHand = {}): Promise<DeliveryOutcome> {
  const owner = serverId();
  if (!(await claim(id, owner, env().OUTBOX_LEASE_MS))) return { kind: "busy" };
  return deliverClaimed(id, owner, atHand);
}

/** One attempt at an application whose lease `owner` has just taken. */
export async function deliverClaimed(id: string, owner: string, atHand: AtHand = {}): Promise<DeliveryOutcome> {
  const config = env();
  const record = await findById(id);
  if (!record || record.status !== "pending" || record.lease_owner !== owner) return { kind: "busy" };
  const lease = holdLease(id, owner, config.OUTBOX_LEASE_MS);
  try {
    return await inSpan("outbox deliver", { "careers.delivery.attempt": record.attempts + 1, "careers.delivery.step": record.step }, async (span) => {
      const outcome = await attemptAndRecord(record, owner, lease, atHand);
      span.setAttribute("careers.delivery.outcome", outcome.kind);
      recordOutcome(record, outcome);
      return outcome;
    });
  } finally {
    lease.stop();
  }
}

/** The delivery metrics (lib/metrics): every attempt's outcome; on arrival, how long and how many tries it took. */
function recordOutcome(record: ApplicationRecord, outcome: DeliveryOutcome): void {
  if (outcome.kind === "busy") return;
  const m = metrics();
  m.deliveries.inc({ outcome: outcome.kind === "queued" ? "retry" : outcome.kind });
  if (outcome.kind !== "delivered") return;
  m.deliveryDuration.observe(Math.max(0, Date.now() - record.created_at) / 1000);
  m.deliveryAttempts.observe(record.attempts + 1);
}

async function attemptAndRecord(record: ApplicationRecord, owner: string, lease: HeldLease, atHand: AtHand): Promise<DeliveryOutcome> {
  const config = env();
  const id = record.id;
  try {
    await attempt(record, lease, atHand);
    logger.info({ application: id, job: record.job_uuid, attempts: record.attempts + 1 }, "application delivered");
    return { kind: "delivered" };
  } catch (error) {
    if (error instanceof LeaseLostError) {
      logger.warn({ application: id, job: record.job_uuid }, "delivery lease lost to another server; leaving the application to it");
      return { kind: "busy" };
    }
    const problem = classify(error);
    if (problem instanceof Permanent) {
      await markFailed(id, owner, problem.reason === "refused" ? "auth" : problem.reason, problem.message);
      logger.error({ application: id, job: record.job_uuid, reason: problem.reason, message: problem.message }, "application delivery failed for good");
      return { kind: "failed", reason: problem.reason, message: problem.message, fieldErrors: problem.fieldErrors };
    }
    const message = problem instanceof OccupopError ? `${problem.operation}: ${problem.message}` : problem.message;
    const age = Date.now() - record.created_at;
    if (age > config.OUTBOX_GIVE_UP_HOURS * 3_600_000) {
      const reason = `Occupop could not be reached for ${config.OUTBOX_GIVE_UP_HOURS} hours (last error: ${message})`;
      await markFailed(id, owner, "unreachable", reason);
      logger.error({ application: id, message: reason }, "application delivery gave up");
      return { kind: "failed", reason: "refused", message: reason, fieldErrors: {} };
    }
    const delay = nextTryIn(record.attempts, problem instanceof OccupopError ? problem.retryAfterMs : null);
    await scheduleRetry(id, owner, message, Date.now() + delay);
    logger.warn(
      { application: id, job: record.job_uuid, attempt: record.attempts + 1, retryInMs: Math.round(delay), err: problem instanceof OccupopError ? problem.toLog() : message },
      "application delivery failed; queued for retry",
    );
    return { kind: "queued", error: message };
  }
}
