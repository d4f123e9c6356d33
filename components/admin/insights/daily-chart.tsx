type Props = { id: string; title: string; points: Array<{ day: string; value: number }>; tone: "views" | "applications" };

const W = 720;
const H = 180;
const PAD = { left: 40, right: 8, top: 12, bottom: 26 };

/** A round number at or above `n` for the top of the axis: 1, 2, 5, 10, 20, 50… */
function ceiling(n: number): number {
  if (n <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(n));
  return [1, 2, 5, 10].map((m) => m * power).find((step) => step >= n) ?? 10 * power;
}

/**
 * A bar per day, drawn on the server as SVG (no chart script to load). Screen readers get its
 * title and a summary; the numbers, day by day, are in the table that follows it.
 */
export function DailyChart({ id, title, points, tone }: Props) {
  const values = points.map((p) => p.value);
  const total = values.reduce((a, b) => a + b, 0);
  const top = ceiling(Math.max(0, ...values));
  const peak = points.reduce<{ day: string; value: number } | null>((best, p) => (!best || p.value > best.value ? p : best), null);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, points.length);
  const bar = Math.max(1, slot * 0.7);
  const summary = total
    ? `${total} in all from ${points[0]?.day} to ${points.at(-1)?.day}; the most, ${peak?.value}, on ${peak?.day}. Every day's number is in the table below.`
    : `None from ${points[0]?.day} to ${points.at(-1)?.day}.`;
  return (
    <div className="mt-4">
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img" aria-labelledby={`${id}-title ${id}-desc`} data-testid={id}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        <line x1={PAD.left} x2={W - PAD.right} y1={PAD.top} y2={PAD.top} className="stroke-slate-200" strokeDasharray="4 4" />
        <line x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} className="stroke-slate-500" />
        <text x={PAD.left - 6} y={PAD.top + 4} textAnchor="end" className="fill-slate-700 text-[11px]">
          {top}
        </text>
        <text x={PAD.left - 6} y={H - PAD.bottom + 4} textAnchor="end" className="fill-slate-700 text-[11px]">
          0
        </text>
        {points.map((p, i) => {
          const h = (p.value / top) * plotH;
          return (
            <rect
              key={p.day}
              x={PAD.left + i * slot + (slot - bar) / 2}
              y={H - PAD.bottom - h}
              width={bar}
              height={h}
              className={tone === "views" ? "fill-slate-700" : "fill-green-700"}
            >
              <title>{`${p.day}: ${p.value}`}</title>
            </rect>
          );
        })}
        <text x={PAD.left} y={H - 6} className="fill-slate-700 text-[11px]">
          {points[0]?.day}
        </text>
        <text x={W - PAD.right} y={H - 6} textAnchor="end" className="fill-slate-700 text-[11px]">
          {points.at(-1)?.day}
        </text>
      </svg>
    </div>
  );
}
