// A delivery lease held while one server works on an application: renewed every third of its
// length, so it outlives any slow upload while the server lives, and runs out soon after the
// server dies. Losing it (a stall longer than the lease: another server took over) is noticed
// at the next renewal, and the holder stops before doing anything it cannot take back.
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
  /** Throws LeaseLostError once the lease is known to be lost. */
  check(): void;
  stop(): void;
};

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
    check() {
      if (lost) throw new LeaseLostError();
    },
    stop() {
      clearInterval(timer);
    },
  };
}
