// The one door to Occupop. Nothing else in the app calls fetch on it.
import "server-only";

export { OccupopError, type OccupopErrorKind } from "./errors";
export { listJobs, findJobForApplication, checkToken, type JobForApplication } from "./jobs";
export { uploadResume } from "./upload";
export { createCandidate, type NewCandidate, type CreatedCandidate } from "./candidates";
