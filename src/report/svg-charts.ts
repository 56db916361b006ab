import { formatNumber } from '../core/format-number.js';
import { escapeHtml as esc } from './html-escape.js';
import { displayWidth } from './text-width.js';

/** Inline SVG charts for the HTML report: no scripts, no external resources, every text escaped. */

export interface Bar {
  readonly label: string;
  readonly value: number;
  readonly color: string;
}

const INK = '#1f2937';
const MUTED = '#6b7280';
const GRID = '#e5e7eb';
const TRACK = '#eef1f5';
const BAR = '#3b6fb6';

/** Rough rendered width of text at a font size: Hangul and other wide glyphs take about one em, the rest half. */
const textWidth = (text: string, size: number) => displayWidth(text) * size * 0.56;

const n2 = (x: number) => formatNumber(x, 1);

function frame(width: number, height: number, label: string, body: string): string {
  return (
    `<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(label)}">` +
    `<title>${esc(label)}</title>${body}</svg>`
  );
}

function text(x: number, y: number, content: string, attrs = ''): string {
  return `<text x="${n2(x)}" y="${n2(y)}" ${attrs}>${esc(content)}</text>`;
}

/** A whole-number axis step of 1, 2 or 5 × 10^k giving at most four ticks above zero that reach `max`. */
function niceStep(max: number): number {
  const raw = Math.max(max, 1) / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw)!;
  return Math.max(1, step);
}

/** Vertical bars with a value axis, each labelled with its count and share of `total`. */
export function columnChart(bars: readonly Bar[], total: number, label: string): string {
  const width = Math.max(360, 56 + bars.length * 72);
  const height = 230;
  const [left, right, top, bottom] = [40, width - 12, 26, 190];
  const highest = Math.max(1, ...bars.map((b) => b.value));
  const step = niceStep(highest);
  const ticks = Math.ceil(highest / step);
  const yMax = step * ticks;
  const y = (v: number) => bottom - ((bottom - top) * v) / yMax;
  const grid = Array.from({ length: ticks + 1 }, (_, i) => i)
    .map((i) => {
      const value = i * step;
      return `<line x1="${left}" x2="${right}" y1="${n2(y(value))}" y2="${n2(y(value))}" stroke="${GRID}"/>${text(left - 6, y(value) + 4, String(value), `text-anchor="end" font-size="11" fill="${MUTED}"`)}`;
    })
    .join('');
  const slot = (right - left) / Math.max(1, bars.length);
  const barWidth = Math.min(48, slot * 0.62);
  const columns = bars
    .map((bar, i) => {
      const x = left + i * slot + (slot - barWidth) / 2;
      const share = total === 0 ? 0 : (bar.value / total) * 100;
      const center = x + barWidth / 2;
      return (
        `<rect x="${n2(x)}" y="${n2(y(bar.value))}" width="${n2(barWidth)}" height="${n2(bottom - y(bar.value))}" rx="3" fill="${bar.color}"/>` +
        text(center, y(bar.value) - 6, `${bar.value} (${formatNumber(share, 0)}%)`, `text-anchor="middle" font-size="11" fill="${INK}"`) +
        text(center, bottom + 20, bar.label, `text-anchor="middle" font-size="13" font-weight="700" fill="${INK}"`)
      );
    })
    .join('');
  return frame(width, height, label, `${grid}<line x1="${left}" x2="${right}" y1="${bottom}" y2="${bottom}" stroke="${MUTED}"/>${columns}`);
}

export interface StackedRow {
  readonly label: string;
  readonly segments: readonly Bar[];
}

/** One 100 % bar per row (e.g. per peer group), split into coloured segments with their counts. */
export function stackedBarChart(rows: readonly StackedRow[], label: string): string {
  const labelWidth = Math.min(220, Math.max(60, ...rows.map((r) => textWidth(r.label, 12) + 12)));
  const width = 680;
  const barRight = width - 56;
  const rowHeight = 22;
  const gap = 8;
  const height = rows.length * (rowHeight + gap) + gap;
  const body = rows
    .map((row, r) => {
      const y = gap + r * (rowHeight + gap);
      const total = row.segments.reduce((s, b) => s + b.value, 0);
      let x = labelWidth;
      const segments = row.segments
        .filter((segment) => segment.value > 0)
        .map((segment) => {
          const w = ((barRight - labelWidth) * segment.value) / total;
          const shown = String(segment.value);
          const rect =
            `<rect x="${n2(x)}" y="${y}" width="${n2(w)}" height="${rowHeight}" fill="${segment.color}"><title>${esc(`${segment.label}: ${segment.value}`)}</title></rect>` +
            (w >= textWidth(shown, 11) + 6 ? text(x + w / 2, y + 15, shown, 'text-anchor="middle" font-size="11" fill="#fff" font-weight="700"') : '');
          x += w;
          return rect;
        })
        .join('');
      const track = total === 0 ? `<rect x="${labelWidth}" y="${y}" width="${barRight - labelWidth}" height="${rowHeight}" fill="${TRACK}"/>` : '';
      return (
        text(labelWidth - 8, y + 15, row.label, `text-anchor="end" font-size="12" fill="${INK}"`) +
        track +
        segments +
        text(barRight + 6, y + 15, `n=${total}`, `font-size="11" fill="${MUTED}"`)
      );
    })
    .join('');
  return frame(width, height, label, body);
}

/** A histogram of percentages in equal bins from 0 to 100 %, with the median marked. */
export function histogramChart(counts: readonly number[], medianPercent: number | null, medianLabel: string, label: string): string {
  const [width, height] = [320, 150];
  const [left, right, top, bottom] = [30, width - 18, 22, 118];
  const yMax = Math.max(1, ...counts);
  const slot = (right - left) / counts.length;
  const bars = counts
    .map((count, i) => {
      const h = ((bottom - top) * count) / yMax;
      const x = left + i * slot + 1;
      const tip = `${formatNumber((i * 100) / counts.length)}–${formatNumber(((i + 1) * 100) / counts.length)}%: ${count}`;
      return `<rect x="${n2(x)}" y="${n2(bottom - h)}" width="${n2(slot - 2)}" height="${n2(h)}" fill="${BAR}"><title>${esc(tip)}</title></rect>`;
    })
    .join('');
  const axis =
    `<line x1="${left}" x2="${right}" y1="${bottom}" y2="${bottom}" stroke="${MUTED}"/>` +
    [0, 50, 100].map((p) => text(left + ((right - left) * p) / 100, bottom + 16, `${p}%`, `text-anchor="middle" font-size="11" fill="${MUTED}"`)).join('') +
    text(left - 5, top + 4, String(yMax), `text-anchor="end" font-size="11" fill="${MUTED}"`) +
    text(left - 5, bottom, '0', `text-anchor="end" font-size="11" fill="${MUTED}"`);
  const marker =
    medianPercent === null
      ? ''
      : (() => {
          const x = left + ((right - left) * medianPercent) / 100;
          const anchor = medianPercent > 70 ? 'end' : medianPercent < 30 ? 'start' : 'middle';
          return (
            `<line x1="${n2(x)}" x2="${n2(x)}" y1="${top - 4}" y2="${bottom}" stroke="${INK}" stroke-width="1.5" stroke-dasharray="4 3"/>` +
            text(x, top - 8, `${medianLabel} ${formatNumber(medianPercent, 1)}%`, `text-anchor="${anchor}" font-size="11" fill="${INK}"`)
          );
        })();
  return frame(width, height, label, axis + bars + marker);
}

export interface ProfileRow {
  readonly label: string;
  /** the institution's points as a percentage of the maximum; null when it had no data */
  readonly percent: number | null;
  /** the peer median as a percentage of the maximum */
  readonly medianPercent: number | null;
  /** the value shown after the bar, e.g. 12.3/15 */
  readonly value: string;
}

/** Horizontal bars of an institution's domains (percent of each maximum) with a tick at the peer median. */
export function profileChart(rows: readonly ProfileRow[], missingLabel: string, label: string): string {
  const labelWidth = Math.min(180, Math.max(60, ...rows.map((r) => textWidth(r.label, 12) + 10)));
  const width = 440;
  const trackRight = width - 78;
  const rowHeight = 16;
  const gap = 9;
  const height = rows.length * (rowHeight + gap) + gap;
  const span = trackRight - labelWidth;
  const body = rows
    .map((row, r) => {
      const y = gap + r * (rowHeight + gap);
      const bar =
        row.percent === null
          ? text(labelWidth + 6, y + 12, missingLabel, `font-size="11" fill="${MUTED}"`)
          : `<rect x="${labelWidth}" y="${y}" width="${n2((span * Math.min(100, Math.max(0, row.percent))) / 100)}" height="${rowHeight}" rx="2" fill="${BAR}"/>`;
      const median =
        row.medianPercent === null
          ? ''
          : `<line x1="${n2(labelWidth + (span * row.medianPercent) / 100)}" x2="${n2(labelWidth + (span * row.medianPercent) / 100)}" y1="${y - 3}" y2="${y + rowHeight + 3}" stroke="${INK}" stroke-width="2.5"/>`;
      return (
        text(labelWidth - 8, y + 12, row.label, `text-anchor="end" font-size="12" fill="${INK}"`) +
        `<rect x="${labelWidth}" y="${y}" width="${span}" height="${rowHeight}" rx="2" fill="${TRACK}"/>` +
        bar +
        median +
        text(trackRight + 6, y + 12, row.value, `font-size="11" fill="${INK}"`)
      );
    })
    .join('');
  return frame(width, height, label, body);
}
