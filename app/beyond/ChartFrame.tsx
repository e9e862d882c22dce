import { axisBottom, axisLeft, type ScaleLinear, select } from 'd3';
import { type ReactNode, useEffect, useRef } from 'react';

/** The viewBox and margins of a small chart (the right margin holds the legend). */
export interface Frame {
  W: number;
  H: number;
  M: { top: number; right: number; bottom: number; left: number };
}

interface ChartFrameProps {
  frame: Frame;
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
  /** The chart's accessible name: what it shows, with its key numbers. */
  label: string;
  xTitle: string;
  yTitle: string;
  xTicks?: number;
  /** d3's tick format for the y axis, e.g. "~s" for 1.2k. */
  yFormat?: string;
  children: ReactNode;
}

/** A d3 line chart's frame: the SVG, its two axes (drawn by d3) and their titles. */
export function ChartFrame(props: ChartFrameProps) {
  const { frame, x, y, label, xTitle, yTitle, xTicks = 5, yFormat, children } = props;
  const { W, H, M } = frame;
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
  return (
    <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      <g ref={axes} className="axes" />
      {children}
      <text x={(M.left + W - M.right) / 2} y={H - 4} textAnchor="middle" className="axis-title">
        {xTitle}
      </text>
      <text
        transform={`translate(14,${H / 2}) rotate(-90)`}
        textAnchor="middle"
        className="axis-title"
      >
        {yTitle}
      </text>
    </svg>
  );
}
