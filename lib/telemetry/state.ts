// Whether this process exports traces (./tracing.ts turns it on at start). Apart from
// tracing.ts so that what only asks (lib/db, for its query spans) does not load the
// OpenTelemetry SDK, nor does any script that opens the database (scripts/admin.ts).
import { processSingleton } from "@/lib/process-state.mjs";

const state = () => processSingleton("tracing", () => ({ on: false }));

/** True once tracing was started in this process. */
export const tracingOn = (): boolean => state().on;

/** Marks tracing as started (./tracing.ts). */
export function markTracingOn(): void {
  state().on = true;
}
