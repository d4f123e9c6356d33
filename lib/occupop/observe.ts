// Every call to Occupop (and to its signed upload URLs) is counted and timed by operation and
// outcome (lib/metrics) and runs in a span of its own (lib/telemetry/spans.ts).
import "server-only";
import { recordOccupopCall, type OccupopOutcome } from "@/lib/metrics";
import { inSpan } from "@/lib/telemetry/spans";
import { OccupopError } from "./errors";

/** What a failed call means for the operator. */
export function outcomeOf(error: unknown): OccupopOutcome {
  if (!(error instanceof OccupopError)) return "network";
  if (error.kind === "timeout") return "timeout";
  if (error.kind === "network") return "network";
  if (error.kind === "invalid-response") return "invalid_response";
  if (error.status === 429) return "rate_limited";
  return error.status !== null && error.status >= 500 ? "server_error" : "client_error";
}

/** Runs one call to Occupop named `operation` (a name from the code, never from input). */
export async function observeCall<T>(operation: string, call: () => Promise<T>): Promise<T> {
  const started = performance.now();
  return inSpan(`occupop ${operation}`, { "occupop.operation": operation }, async (span) => {
    try {
      const result = await call();
      recordOccupopCall(operation, "ok", (performance.now() - started) / 1000);
      span.setAttribute("occupop.outcome", "ok");
      return result;
    } catch (error) {
      const outcome = outcomeOf(error);
      recordOccupopCall(operation, outcome, (performance.now() - started) / 1000);
      span.setAttribute("occupop.outcome", outcome);
      if (error instanceof OccupopError && error.status !== null) span.setAttribute("http.response.status_code", error.status);
      throw error;
    }
  });
}
