// The application form's one state machine. The server's answers (through useActionState
// without JavaScript, or called by the form's script with it) and what only the browser knows
// (the schema refused it first; the request never reached the action) are events of one
// reducer; the form renders whatever state it is in.
import type { ApplyState } from "@/lib/applications/schema";

export type ApplyEvent =
  /** The server action answered (with or without JavaScript). */
  | { type: "answered"; state: ApplyState }
  /** react-hook-form, running the same schema first, found something to fix: nothing was sent. */
  | { type: "refused-here"; message: string }
  /** The request did not reach the action: over the rate limit (the server said so) or no answer at all. */
  | { type: "not-reached"; status: "rate-limited" | "busy"; message: string };

export function applyReducer(state: ApplyState, event: ApplyEvent): ApplyState {
  switch (event.type) {
    case "answered":
      return event.state;
    case "refused-here":
      return { ...state, status: "invalid", message: event.message, fieldErrors: {} };
    case "not-reached":
      // What was typed stays where it is; the token stays the same (the next send is the same application).
      return { ...state, status: event.status, message: event.message, fieldErrors: {} };
  }
}

/** States that put the summary in front of the applicant (and the focus on it). */
export const speaks = (state: ApplyState) => state.status !== "idle" && state.status !== "sent";
