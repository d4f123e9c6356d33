// The one fetch wrapper for Occupop: base URL and token from validated config, a timeout
// on every call, retries with backoff and jitter for safe reads only, and one typed error.
// Each attempt is counted, timed and traced (./observe.ts).
import "server-only";
import type { z } from "zod";
import { env } from "@/lib/env";
import { log, safeUrl } from "@/lib/log";
import { OccupopError } from "./errors";
import { observeCall } from "./observe";

const logger = log("occupop");

/** Longest Retry-After we wait for inside one call; beyond it the caller decides. */
const MAX_INLINE_RETRY_AFTER_MS = 10_000;
const READ_ATTEMPTS = 3;
const BACKOFF_BASE_MS = 250;
const BACKOFF_MAX_MS = 4_000;

export type OccupopRequest<T> = {
  /** Names the call in errors and logs, e.g. "listJobs". */
  operation: string;
  method?: "GET" | "POST";
  /** Path under the API base, e.g. "/jobs?page=2". */
  path: string;
  body?: unknown;
  schema: z.ZodType<T>;
  /** Only for calls that are safe to repeat. */
  retry?: boolean;
  signal?: AbortSignal;
};

export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** Exponential backoff with full jitter: a random wait in [0, min(max, base·2^attempt)]. */
export function backoffDelay(attempt: number, random = Math.random): number {
  return Math.round(random() * Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** attempt));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Turns a failed fetch (no response) into an OccupopError. */
export function fetchFailure(error: unknown, operation: string): OccupopError {
  if (error instanceof OccupopError) return error;
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return new OccupopError({ kind: "timeout", operation, message: "Occupop did not answer in time." });
  }
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined;
  const code = cause && "code" in cause ? String(cause.code) : undefined;
  return new OccupopError({
    kind: "network",
    operation,
    message: `Could not reach Occupop${code ? ` (${code})` : ""}.`,
  });
}

/** Turns a non-2xx response into an OccupopError, reading Occupop's message and field errors. */
export async function httpFailure(response: Response, operation: string): Promise<OccupopError> {
  let message = `Occupop answered HTTP ${response.status}.`;
  let fieldErrors: Record<string, string[]> = {};
  try {
    const body: unknown = JSON.parse(await response.text());
    if (body && typeof body === "object") {
      const b = body as { message?: unknown; errors?: unknown };
      if (typeof b.message === "string" && b.message.trim()) message = b.message.trim().slice(0, 500);
      if (b.errors && typeof b.errors === "object") {
        fieldErrors = Object.fromEntries(
          Object.entries(b.errors as Record<string, unknown>).map(([field, msgs]) => [
            field,
            (Array.isArray(msgs) ? msgs : [msgs]).map((m) => String(m).slice(0, 500)),
          ]),
        );
      }
    }
  } catch {
    // Not JSON (a proxy's HTML page, an empty body): the status says enough.
  }
  return new OccupopError({
    kind: "http",
    status: response.status,
    operation,
    message,
    fieldErrors,
    retryAfterMs: parseRetryAfter(response.headers.get("retry-after")),
  });
}

async function attempt<T>(request: OccupopRequest<T>): Promise<T> {
  const config = env();
  const url = `${config.OCCUPOP_API_URL}${request.path}`;
  const timeout = AbortSignal.timeout(config.OCCUPOP_TIMEOUT_MS);
  const signal = request.signal ? AbortSignal.any([timeout, request.signal]) : timeout;
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method: request.method ?? "GET",
      headers: {
        Authorization: `Bearer ${config.OCCUPOP_API_TOKEN}`,
        Accept: "application/json",
        ...(request.body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal,
      cache: "no-store",
      redirect: "error",
    });
    if (!response.ok) throw await httpFailure(response, request.operation);
    text = await response.text();
  } catch (error) {
    throw fetchFailure(error, request.operation);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new OccupopError({ kind: "invalid-response", status: response.status, operation: request.operation, message: "Occupop sent a response that is not JSON." });
  }
  const parsed = request.schema.safeParse(json);
  if (!parsed.success) {
    throw new OccupopError({
      kind: "invalid-response",
      status: response.status,
      operation: request.operation,
      message: `Occupop sent a response of an unexpected shape: ${parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join(".") || "(root)"} ${i.message}`)
        .join("; ")}`,
    });
  }
  return parsed.data;
}

/** One call to the Occupop API. Safe reads (`retry: true`) retry transient failures. */
export async function occupopRequest<T>(request: OccupopRequest<T>): Promise<T> {
  const attempts = request.retry ? READ_ATTEMPTS : 1;
  for (let i = 0; ; i++) {
    try {
      return await observeCall(request.operation, () => attempt(request));
    } catch (error) {
      const failure = fetchFailure(error, request.operation);
      const last = i + 1 >= attempts || !failure.retryable || request.signal?.aborted;
      const wait = failure.retryAfterMs ?? backoffDelay(i);
      if (last || wait > MAX_INLINE_RETRY_AFTER_MS) throw failure;
      logger.warn(
        { ...failure.toLog(), url: safeUrl(`${env().OCCUPOP_API_URL}${request.path}`), attempt: i + 1, retryInMs: wait },
        "occupop call failed; retrying",
      );
      await sleep(wait);
    }
  }
}
