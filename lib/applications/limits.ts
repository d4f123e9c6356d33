// The applications' rate limit: APPLY_RATE_LIMIT_PER_MINUTE accepted applications per client a
// minute. Counted by the server action once an application is valid (./submit.ts); checked by the
// HTTP front's body admission (lib/front/admission.ts) before another upload is even read.
import "server-only";

export const APPLY_WINDOW_MS = 60_000;

/** The key the limit counts a client under (its address key: lib/client-ip.ts). */
export const applyRateKey = (client: string) => `apply:${client}`;
