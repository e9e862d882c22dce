import { axisBottom, axisLeft, type ScaleLinear, select } from 'd3';
import { useEffect, useRef } from 'react';

/** A chart's viewBox and the margins around its plot (a right margin can hold a legend). */
export interface Frame {
  W: number;
  H: number;
  M: { top: number; right: number; bottom: number; left: number };
}

/** Horizontal grid lines at chosen values, each labelled at the left (the loss curve, the race). */
interface Grid {
  ticks: readonly number[];
  y: (v: number) => number;
  label: (v: number) => string;
}

/** d3's own axes, left and bottom, for linear scales (the charts of §4.1 and §4.2). */
interface Axes {
  axes: {
    x: ScaleLinear<number, number>;
    y: ScaleLinear<number, number>;
    xTicks?: number;
    /** d3's tick format for the y axis, e.g. "~s" for 1.2k. */
    yFormat?: string;
  };
}

type PlotFrameProps = {
  frame: Frame;
  /** The x axis's name, under the plot. */
  xLabel: string;
  /** The y axis's name, turned up the left edge. */
  yLabel?: string;
} & (Grid | Axes);

/** The frame of a chart, drawn inside its SVG: the plot's scale marks and the axes' names. */
export function PlotFrame(props: PlotFrameProps) {
  const { frame, xLabel, yLabel } = props;
  const { W, H, M } = frame;
  return (
    <>
      {'axes' in props ? <D3Axes frame={frame} {...props.axes} /> : <GridLines {...props} />}
      <text x={(M.left + W - M.right) / 2} y={H - 4} textAnchor="middle" className="axis-title">
        {xLabel}
      </text>
      {yLabel && (
        <text
          transform={`translate(14,${H / 2}) rotate(-90)`}
          textAnchor="middle"
          className="axis-title"
        >
          {yLabel}
        </text>
      )}
    </>
  );
}

function GridLines({ frame: { W, H, M }, ticks, y, label }: Grid & { frame: Frame }) {
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
    </>
  );
}

function D3Axes({ frame: { H, M }, x, y, xTicks = 5, yFormat }: Axes['axes'] & { frame: Frame }) {
  const axes = useRef<SVGGElement>(null);
  useEffect(() => {
    if (!axes.current) return;
    const g = select(axes.current);
    g.selectAll('*').remove();
    g.append('g')
      .attr('transform', `translate(0,${H - M.bottom})`)
      .call(axisBottom(x).ticks(xTicks));
    g.append('g').attr('transform', `translate(${M.left},0)`).call(axisLeft(y).ticks(5, yFormat));
  }, [x, y, xTicks, yFormat, H, M.bottom, M.left]);
  return <g ref={axes} className="axes" />;
}
