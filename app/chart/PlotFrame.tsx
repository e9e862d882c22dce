/** A plot's area and horizontal grid lines with their labels, in a chart's viewBox units. */
export interface Frame {
  W: number;
  H: number;
  M: { top: number; right: number; bottom: number; left: number };
}

export function PlotFrame({
  frame: { W, H, M },
  ticks,
  y,
  label,
  xLabel,
}: {
  frame: Frame;
  ticks: readonly number[];
  y: (v: number) => number;
  label: (v: number) => string;
  /** The x axis's name, under the plot. */
  xLabel: string;
}) {
  return (
    <>
      <rect
        x={M.left}
        y={M.top}
        width={W - M.left - M.right}
        height={H - M.top - M.bottom}
        className="plot-bg"
      />
      {ticks.map((t) => (
        <g key={t} transform={`translate(0,${y(t)})`}>
          <line x1={M.left} x2={W - M.right} className="grid" />
          <text x={M.left - 4} dy="0.32em" textAnchor="end">
            {label(t)}
          </text>
        </g>
      ))}
      <text x={(M.left + W - M.right) / 2} y={H - 4} textAnchor="middle">
        {xLabel}
      </text>
    </>
  );
}
