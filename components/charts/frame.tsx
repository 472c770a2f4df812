import type { ReactNode } from 'react';

/*
 * The parts every chart shares. The charts are SVG written here rather than a chart library:
 * three small bar charts need a linear scale, a few ticks and rectangles, which is less code
 * than any library's adapter; they render offline with the page, inherit its fonts (Cyrillic
 * included), and every label is a text node from the dictionaries, so they read in both
 * languages and nothing the page gave is ever parsed as markup.
 */

/** The drawing's coordinate system (viewBox); the SVG scales to the width of its column. */
const WIDTH = 640;
const HEIGHT = 220;
const MARGIN = { top: 14, right: 16, bottom: 26, left: 48 };
export const PLOT = { left: MARGIN.left, right: WIDTH - MARGIN.right, top: MARGIN.top, bottom: HEIGHT - MARGIN.bottom };

/** A linear map from `domain` onto `range`. */
export function linear([d0, d1]: [number, number], [r0, r1]: [number, number]): (value: number) => number {
  const span = d1 - d0 || 1;
  return (value) => r0 + ((value - d0) / span) * (r1 - r0);
}

/**
 * Round tick values from 0 (or `min`, when below 0) to at least `max`: steps of 1, 2 or 5 times
 * a power of ten, about `count` of them.
 *
 * @example niceTicks(37) // [0, 10, 20, 30, 40]
 */
export function niceTicks(max: number, count = 4, min = 0): number[] {
  const low = Math.min(0, min);
  const high = Math.max(max, low + 1);
  const raw = (high - low) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((candidate) => candidate >= raw) ?? 10 * power;
  const ticks: number[] = [];
  for (let tick = Math.floor(low / step) * step; tick < high + step; tick += step) {
    ticks.push(Number(tick.toFixed(10)));
    if (tick >= high) break;
  }
  return ticks;
}

type LegendItem = { key: string; label: string; swatch: string };

type ChartFrameProps = {
  id: string;
  title: string;
  /** What the chart shows, for screen readers (the bars carry the details as titles). */
  summary: string;
  /** The number of data points drawn (a test hook, and 0 shows `empty` instead). */
  points: number;
  empty: string;
  legend?: LegendItem[];
  note?: string;
  children: ReactNode;
};

/** A figure with its caption, the SVG drawing, a legend and a note under it. */
export function ChartFrame({ id, title, summary, points, empty, legend, note, children }: ChartFrameProps) {
  return (
    <figure className="chart" data-chart={id} data-points={points}>
      <figcaption className="chart__title">{title}</figcaption>
      {points === 0 ? (
        <p className="chart__empty">{empty}</p>
      ) : (
        <>
          <svg className="chart__svg" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${title}. ${summary}`}>
            {children}
          </svg>
          {legend && (
            <ul className="chart__legend">
              {legend.map((item) => (
                <li key={item.key}>
                  <span className={`swatch swatch--${item.swatch}`} aria-hidden="true" />
                  {item.label}
                </li>
              ))}
            </ul>
          )}
          {note && <p className="chart__note">{note}</p>}
        </>
      )}
    </figure>
  );
}

/** Horizontal grid lines with their values on the left. */
export function YAxis({ ticks, y, format }: { ticks: number[]; y: (value: number) => number; format: (value: number) => string }) {
  return (
    <g className="axis axis--y">
      {ticks.map((tick) => (
        <g key={tick}>
          <line className={tick === 0 ? 'axis__zero' : 'axis__grid'} x1={PLOT.left} x2={PLOT.right} y1={y(tick)} y2={y(tick)} />
          <text className="axis__label" x={PLOT.left - 6} y={y(tick)} dy="0.32em" textAnchor="end">
            {format(tick)}
          </text>
        </g>
      ))}
    </g>
  );
}

/** Labels under the plot, each centred on its x; labels that would collide are thinned out. */
export function XLabels({ labels }: { labels: { key: string; x: number; text: string }[] }) {
  const every = Math.max(1, Math.ceil((labels.length * 46) / (PLOT.right - PLOT.left)));
  return (
    <g className="axis axis--x">
      {labels
        .filter((_label, i) => i % every === 0)
        .map((label) => (
          <text key={label.key} className="axis__label" x={label.x} y={PLOT.bottom + 16} textAnchor="middle">
            {label.text}
          </text>
        ))}
    </g>
  );
}
