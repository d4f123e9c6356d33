import type { Finding } from "@/lib/insights/health";

/** A job's health findings: what hurts, and the one-line fix in Occupop. */
export function HealthList({ findings }: { findings: Finding[] }) {
  if (!findings.length) return <p className="text-green-800" data-testid="health-ok">Nothing to fix: this job gives candidates and Google for Jobs what they look for.</p>;
  return (
    <ul className="space-y-2" data-testid="health-findings">
      {findings.map((f) => (
        <li key={f.rule} data-rule={f.rule} className="rounded-md border-l-4 border-amber-600 bg-amber-50 px-3 py-2">
          <p className="font-medium text-slate-900">{f.problem}</p>
          <p className="text-sm text-slate-800">{f.fix}</p>
        </li>
      ))}
    </ul>
  );
}
