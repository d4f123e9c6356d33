// A delivery lease held while one server works on an application: renewed every third of its
// length, so it outlives any slow upload while the server lives, and runs out soon after the
// server dies. Losing it (a stall longer than the lease: another server took over) is noticed
// at the next renewal, and before anything that cannot be taken back the holder renews it
// itself (confirm): it goes on only if the lease is still its own, for a whole lease length.
import "server-only";
import { log } from "@/lib/log";
import { renewLease } from "./outbox";

export class LeaseLostError extends Error {
  constructor() {
    super("The delivery lease was taken over by another server.");
    this.name = "LeaseLostError";
  }
}

export type HeldLease = {
  owner: string;
  /**
   * Renews the lease now and throws LeaseLostError if it is no longer this server's. Before a
   * step that cannot be taken back: the timer's last renewal may be older than the lease
   * (a stall), and another server may have taken over since.
   */
  confirm(): Promise<void>;
  stop(): void;
};

/** How long a withdrawal or an erasure waits out a delivery under way (lib/receipts). */
export const SETTLE_MS = 20_000;

/**
 * Runs `attempt` until it settles (returns anything but undefined): again every 250 ms while a
 * delivery holds the application's lease, for up to `settleMs`; then gives undefined.
 */
export async function whileDelivering<T>(attempt: (now: number) => Promise<T | undefined>, settleMs = SETTLE_MS): Promise<T | undefined> {
  const deadline = Date.now() + settleMs;
  for (;;) {
    const now = Date.now();
    const settled = await attempt(now);
    if (settled !== undefined) return settled;
    if (now > deadline) return undefined;
    await new Promise((r) => setTimeout(r, 250));
  }
}

export function holdLease(id: string, owner: string, leaseMs: number): HeldLease {
  let lost = false;
  const timer = setInterval(() => {
    renewLease(id, owner, leaseMs)
      .then((held) => {
        if (!held) lost = true;
      })
      .catch((error: unknown) => log("outbox").warn({ application: id, err: error instanceof Error ? error.message : String(error) }, "could not renew a delivery lease"));
  }, Math.max(250, Math.floor(leaseMs / 3)));
  timer.unref();
  return {
    owner,
    async confirm() {
      if (lost || !(await renewLease(id, owner, leaseMs))) {
        lost = true;
        throw new LeaseLostError();
      }
    },
    stop() {
      clearInterval(timer);
    },
  };
}
