// How long to wait before the next try of a queued job (an application, an email): doubling
// from `base` up to `max`, then a random point in its upper half, so a crowd of retries after
// an outage spreads out instead of arriving together.
export function retryDelay(attempts: number, base: number, max: number, random = Math.random): number {
  const exponential = Math.min(max, base * 2 ** Math.min(attempts, 30));
  return exponential / 2 + random() * (exponential / 2);
}
