// Fault injection: tests queue rules through the control endpoint; each matching request
// consumes one use of the first matching rule.
import { z } from "zod";

export const FAULT_TARGETS = ["list", "upload", "create", "any"] as const;
export const FAULT_KINDS = ["500", "429", "403", "422", "hang", "reset", "latency"] as const;

export const faultRuleSchema = z.object({
  target: z.enum(FAULT_TARGETS),
  kind: z.enum(FAULT_KINDS),
  /** How many matching requests the rule applies to. */
  count: z.number().int().positive().default(1),
  /** Seconds, for 429. */
  retryAfter: z.number().int().nonnegative().default(1),
  /** Milliseconds, for latency. */
  latencyMs: z.number().int().nonnegative().default(1000),
  /** Field errors, for 422. */
  errors: z.record(z.string(), z.array(z.string())).default({ email: ["The email is invalid."] }),
  /** Put the rule before the others, so it applies next even while another rule lasts. */
  prepend: z.boolean().default(false),
  /** The share of matching requests the rule hits (1: every one); a miss uses up nothing. */
  probability: z.number().min(0).max(1).default(1),
});

export type FaultRule = z.infer<typeof faultRuleSchema>;
export type FaultTarget = (typeof FAULT_TARGETS)[number];

export class FaultQueue {
  private rules: Array<FaultRule & { remaining: number }> = [];

  add(rule: FaultRule): void {
    if (rule.prepend) this.rules.unshift({ ...rule, remaining: rule.count });
    else this.rules.push({ ...rule, remaining: rule.count });
  }

  clear(): void {
    this.rules = [];
  }

  list(): Array<FaultRule & { remaining: number }> {
    return this.rules.map((r) => ({ ...r }));
  }

  /** The fault for this request, if any, consuming one use of it. */
  take(target: Exclude<FaultTarget, "any">, random: () => number = Math.random): FaultRule | undefined {
    const rule = this.rules.find((r) => r.remaining > 0 && (r.target === target || r.target === "any"));
    if (!rule) return undefined;
    if (rule.probability < 1 && random() >= rule.probability) return undefined;
    rule.remaining -= 1;
    this.rules = this.rules.filter((r) => r.remaining > 0);
    return rule;
  }
}
