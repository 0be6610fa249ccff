"use client";
// A small line chart over time with a text alternative: the canvas is one image named by its title,
// and the numbers behind it (latest, lowest, highest, mean of each line) are in a table for screen readers.
import dynamic from "next/dynamic";
import { useTranslations } from "use-intl";
import type { ChartData } from "@/lib/cluster-page/chart-series";
import { chartSpanMs, summarizeSeries } from "@/lib/cluster-page/chart-series";
import { formatDuration } from "@/lib/cluster-page/format";
import { useFormat } from "@/lib/i18n/format";

// Client-only and in its own chunk: uPlot draws on a canvas, and no other page needs its code.
const UplotChart = dynamic(() => import("./uplot-chart").then((m) => m.UplotChart), {
  ssr: false,
  loading: () => <div className="h-[180px]" />,
});

export interface TimeChartProps {
  title: string;
  data: ChartData;
  format: (value: number) => string;
}

export function TimeChart({ title, data, format }: TimeChartProps) {
  const t = useTranslations("cluster.chart");
  const { duration } = useFormat();
  const summaries = data.series.map(summarizeSeries);
  const show = (v: number | null) => (v === null ? t("noData") : format(v));
  const latest = summaries.map((s) => `${s.label} ${show(s.latest)}`).join(", ");
  const missed = data.missedPolls > 0 ? t("missed", { count: data.missedPolls }) : null;
  const label = [t("summary", { title, span: formatDuration(chartSpanMs(data), duration), latest }), missed].filter(Boolean).join(". ");
  return (
    <figure className="mt-3">
      <figcaption className="mb-1 text-sm font-medium">{title}</figcaption>
      {data.times.length === 0 || data.series.length === 0 ? (
        <p className="text-sm text-muted">{t("nothingYet")}</p>
      ) : (
        <>
          <div role="img" aria-label={label}>
            <UplotChart data={data} format={format} />
          </div>
          {missed ? <p className="mt-1 text-xs text-muted">{missed}</p> : null}
          {/* The clipping box, not the table: a table is never narrower than its text, and would widen the page. */}
          <div className="sr-only">
            <table>
              <caption>{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("line")}</th>
                  <th scope="col">{t("latest")}</th>
                  <th scope="col">{t("lowest")}</th>
                  <th scope="col">{t("highest")}</th>
                  <th scope="col">{t("mean")}</th>
                </tr>
              </thead>
              <tbody>
                {summaries.map((s) => (
                  <tr key={s.label}>
                    <th scope="row">{s.label}</th>
                    <td>{show(s.latest)}</td>
                    <td>{show(s.min)}</td>
                    <td>{show(s.max)}</td>
                    <td>{show(s.mean)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </figure>
  );
}
