// Occupop's webhooks, as the emulator sends them when its state changes: a POST of
// { meta: { resource_type, event_name }, data: { uuid, status, … } } to the target URL, for a
// job created or updated (removed: updated, with deleted_at) and a candidate created or moved
// to another status. Occupop documents no signature; the secret goes as a bearer token, an
// x-webhook-secret header or ?secret= (Occupop's own form takes only a URL). A failed
// delivery is tried twice more; every delivery is kept for /_emulator/webhooks.
export type WebhookVia = "bearer" | "header" | "query";
export type WebhookTarget = { url: string; secret: string | null; via: WebhookVia };
export type WebhookDelivery = { at: string; event: string; uuid: string; status: number | null; error: string | null; attempts: number };

const RETRY_MS = [200, 1_000];

export class WebhookSender {
  target: WebhookTarget | null;
  deliveries: WebhookDelivery[] = [];
  private inflight = new Set<Promise<void>>();

  constructor(target: WebhookTarget | null) {
    this.target = target;
  }

  /** Sends one event in the background (nothing when no target is set). */
  emit(resourceType: "JobResource" | "CandidateResource", eventName: string, data: Record<string, unknown>): void {
    const target = this.target;
    if (!target) return;
    const body = JSON.stringify({ meta: { resource_type: resourceType, event_name: eventName }, data });
    const url = new URL(target.url);
    const headers: Record<string, string> = { "content-type": "application/json", "user-agent": "Occupop-Webhooks (emulator)" };
    if (target.secret && target.via === "bearer") headers.authorization = `Bearer ${target.secret}`;
    if (target.secret && target.via === "header") headers["x-webhook-secret"] = target.secret;
    if (target.secret && target.via === "query") url.searchParams.set("secret", target.secret);
    const record: WebhookDelivery = { at: new Date().toISOString(), event: eventName, uuid: String(data.uuid ?? ""), status: null, error: null, attempts: 0 };
    this.deliveries.push(record);
    if (this.deliveries.length > 5_000) this.deliveries = this.deliveries.slice(-2_500);
    const send = async () => {
      for (let attempt = 0; ; attempt++) {
        record.attempts = attempt + 1;
        try {
          const response = await fetch(url, { method: "POST", headers, body, signal: AbortSignal.timeout(5_000) });
          await response.arrayBuffer();
          record.status = response.status;
          record.error = null;
          if (response.status < 500) return;
        } catch (error) {
          record.error = error instanceof Error ? error.message : String(error);
        }
        const wait = RETRY_MS[attempt];
        if (wait === undefined) return;
        await new Promise((r) => setTimeout(r, wait));
      }
    };
    const pending = send().finally(() => this.inflight.delete(pending));
    this.inflight.add(pending);
  }

  /** Resolves when every delivery under way has ended. */
  async settled(): Promise<void> {
    while (this.inflight.size) await Promise.all([...this.inflight]);
  }
}
