"use client";
// The canvas behind a TimeChart, drawn by uPlot; loaded only on the Cluster page (see time-chart.tsx).
import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import type { ChartData } from "@/lib/cluster-page/chart-series";

/** Distinct on light and dark backgrounds. */
const COLORS = ["#2563eb", "#dc2626", "#16a34a", "#d97706", "#9333ea", "#0891b2", "#db2777", "#65a30d"];
// A mid grey reads on both themes, so a theme switch needs no redraw.
const AXIS_COLOR = "#71717a";
const GRID_COLOR = "rgba(113, 113, 122, 0.2)";
const HEIGHT = 180;

export interface UplotChartProps {
  data: ChartData;
  format: (value: number) => string;
}

function alignedData(data: ChartData): uPlot.AlignedData {
  return [data.times, ...data.series.map((s) => s.values)];
}

export function UplotChart({ data, format }: UplotChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  const labels = data.series.map((s) => s.label).join("\u0000");
  const formatRef = useRef(format);
  formatRef.current = format;

  // A new chart only when the lines change; new samples go through setData.
  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const fmt = (v: number | null | undefined) => (v === null || v === undefined ? "–" : formatRef.current(v));
    const options: uPlot.Options = {
      width: Math.max(el.clientWidth, 200),
      height: HEIGHT,
      series: [
        {},
        ...data.series.map((s, i) => ({ label: s.label, stroke: COLORS[i % COLORS.length], width: 1.5, spanGaps: false, value: (_u: uPlot, v: number | null) => fmt(v) })),
      ],
      axes: [
        { stroke: AXIS_COLOR, grid: { stroke: GRID_COLOR }, ticks: { stroke: GRID_COLOR } },
        { stroke: AXIS_COLOR, grid: { stroke: GRID_COLOR }, ticks: { stroke: GRID_COLOR }, size: 70, values: (_u, splits) => splits.map((v) => fmt(v)) },
      ],
      scales: { y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1] } },
      cursor: { drag: { x: false, y: false } },
    };
    const plot = new uPlot(options, alignedData(data), el);
    chart.current = plot;
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(el.clientWidth, 200), height: HEIGHT }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
      chart.current = null;
    };
  }, [labels]);

  useEffect(() => {
    chart.current?.setData(alignedData(data));
  }, [data]);

  return <div ref={container} className="w-full text-xs" />;
}
