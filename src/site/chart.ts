/**
 * Geometry of the mentions-over-time bar chart, computed at build time so the page ships a static inline SVG
 * (no chart library, no client script). Time runs in reading direction: right to left in the Arabic edition.
 */
import type { Timeline } from "./model.ts";

export const CHART_WIDTH = 600;
export const CHART_HEIGHT = 160;
const TOP = 8;
const BOTTOM = 22;

export interface Bar {
  key: string;
  count: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ChartGeometry {
  width: number;
  height: number;
  /** Baseline y (bottom of the bars). */
  baseline: number;
  bars: Bar[];
  max: number;
  /** The bucket with most articles (first one on ties). */
  peak: Bar | null;
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Bar positions for a timeline; `dir` decides which end is the oldest bucket. */
export function barChart(timeline: Timeline, dir: "rtl" | "ltr"): ChartGeometry {
  const n = timeline.buckets.length;
  const baseline = CHART_HEIGHT - BOTTOM;
  const max = timeline.buckets.reduce((m, b) => Math.max(m, b.count), 0);
  const step = n ? CHART_WIDTH / n : 0;
  const gap = step > 6 ? Math.min(4, step * 0.2) : 0;
  const bars: Bar[] = timeline.buckets.map((b, i) => {
    const h = max ? ((baseline - TOP) * b.count) / max : 0;
    const slot = dir === "rtl" ? n - 1 - i : i;
    return { key: b.key, count: b.count, x: round(slot * step + gap / 2), y: round(baseline - h), width: round(step - gap), height: round(h) };
  });
  let peak: Bar | null = null;
  for (const bar of bars) if (!peak || bar.count > peak.count) peak = bar;
  return { width: CHART_WIDTH, height: CHART_HEIGHT, baseline, bars, max, peak };
}
