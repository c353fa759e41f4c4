// A bar per time bucket, drawn as SVG: enough to see when money was spent, with the exact value
// of each bar in its tooltip and in the table beside it.
export interface Bar {
  key: string;
  label: string;
  value: number;
  title: string;
}

export function BarChart({ bars, height = 140 }: { bars: Bar[]; height?: number }) {
  if (bars.length === 0) return null;
  const max = Math.max(...bars.map((b) => b.value), 1);
  const width = 720;
  const pad = 18; // room for the first and last labels
  const slot = (width - 2 * pad) / bars.length;
  const barWidth = Math.max(Math.min(slot * 0.8, 40), 1);
  return (
    <svg className="chart" viewBox={`0 0 ${width} ${height + 20}`} role="img" aria-label="cost per bucket" data-testid="chart">
      {bars.map((b, i) => {
        const h = (b.value / max) * height;
        const x = pad + i * slot + (slot - barWidth) / 2;
        return (
          <g key={b.key}>
            <rect x={x} y={height - h} width={barWidth} height={Math.max(h, b.value > 0 ? 1 : 0)} className="bar">
              <title>{b.title}</title>
            </rect>
            {bars.length <= 16 || i % Math.ceil(bars.length / 16) === 0 ? (
              <text x={x + barWidth / 2} y={height + 14} textAnchor="middle" className="axis">
                {b.label}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
