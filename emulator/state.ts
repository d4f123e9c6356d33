// What the emulator holds: the jobs (seeded, changed through the control endpoints), the
// candidates and uploaded files (./store.ts, on disk), the request log, defects the app showed,
// injected faults and the signed-URL signer. The REST surface (./rest.ts) and the control
// endpoints (./control.ts) both work on it.
import type { IncomingMessage } from "node:http";
import { FaultQueue } from "./faults";
import { seedJobs, type SeedJob } from "./seed";
import { UrlSigner } from "./signing";
import { EmulatorStore } from "./store";
import { WebhookSender } from "./webhooks";

export type Target = "list" | "upload" | "create" | "other";

export type RequestRecord = {
  at: string;
  method: string;
  target: Target;
  path: string;
  page: number | null;
  status: number;
  authorization: boolean;
};

export type Defect = { at: string; kind: string; detail: string };

export class EmulatorState {
  readonly store: EmulatorStore;
  /** Occupop's webhooks to the site (./webhooks.ts): off until a target is set. */
  readonly webhooks = new WebhookSender(null);
  readonly signer: UrlSigner;
  readonly faults = new FaultQueue();
  jobs: SeedJob[];
  requests: RequestRecord[] = [];
  defects: Defect[] = [];
  nextCandidateId: number;

  constructor(
    dataDir: string,
    signedUrlTtlMs: number,
    readonly now: () => Date,
  ) {
    this.store = new EmulatorStore(dataDir);
    this.signer = new UrlSigner(signedUrlTtlMs);
    this.jobs = seedJobs(now());
    this.nextCandidateId = this.store.candidates.length + 1;
  }

  record(req: IncomingMessage, target: Target, url: URL, status: number): void {
    const page = url.searchParams.get("page");
    this.requests.push({
      at: this.now().toISOString(),
      method: req.method ?? "GET",
      target,
      path: url.pathname,
      page: target === "list" ? Number(page ?? 1) : null,
      status,
      authorization: Boolean(req.headers.authorization),
    });
    if (this.requests.length > 10_000) this.requests = this.requests.slice(-5_000);
  }

  defect(kind: string, detail: string): void {
    this.defects.push({ at: this.now().toISOString(), kind, detail });
  }

  /** Back to the seed: jobs, candidates, files, logs and faults. */
  reset(): void {
    this.jobs = seedJobs(this.now());
    this.requests = [];
    this.defects = [];
    this.faults.clear();
    this.store.reset();
    this.nextCandidateId = 1;
    this.webhooks.deliveries = [];
  }
}
