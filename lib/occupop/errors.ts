// The one error the Occupop adapter throws. Callers decide on `retryable`, show
// `fieldErrors` next to form fields, and never see the token in `message`.

export type OccupopErrorKind = "http" | "timeout" | "network" | "invalid-response";

export type OccupopErrorInit = {
  kind: OccupopErrorKind;
  status?: number | null;
  message: string;
  fieldErrors?: Record<string, string[]>;
  retryAfterMs?: number | null;
  operation: string;
  /** Overrides the status-based rule (a refused signed URL is worth a fresh one). */
  retryable?: boolean;
  cause?: unknown;
};

export class OccupopError extends Error {
  readonly kind: OccupopErrorKind;
  /** HTTP status, or null when no response arrived. */
  readonly status: number | null;
  /** Field errors of a 422, keyed by Occupop's field names. */
  readonly fieldErrors: Record<string, string[]>;
  readonly retryable: boolean;
  /** From Retry-After, when Occupop sent one. */
  readonly retryAfterMs: number | null;
  readonly operation: string;

  constructor(init: OccupopErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = "OccupopError";
    this.kind = init.kind;
    this.status = init.status ?? null;
    this.fieldErrors = init.fieldErrors ?? {};
    this.retryAfterMs = init.retryAfterMs ?? null;
    this.operation = init.operation;
    this.retryable = init.retryable ?? isRetryable(init.kind, this.status);
  }

  /** Occupop refused the token (403/401). */
  get isAuthError(): boolean {
    return this.status === 401 || this.status === 403;
  }

  /** For logs: everything useful, nothing secret. */
  toLog(): Record<string, unknown> {
    return {
      operation: this.operation,
      kind: this.kind,
      status: this.status,
      message: this.message,
      retryable: this.retryable,
      fieldErrors: Object.keys(this.fieldErrors).length ? this.fieldErrors : undefined,
      retryAfterMs: this.retryAfterMs ?? undefined,
    };
  }
}

function isRetryable(kind: OccupopErrorKind, status: number | null): boolean {
  if (kind === "timeout" || kind === "network") return true;
  if (kind === "invalid-response") return false;
  return status !== null && (status >= 500 || status === 429 || status === 408);
}
