/**
 * The board pack's charts, drawn with pdfkit's vector primitives (no browser, no canvas): crisp at any
 * zoom, a few hundred drawing operators each. Count axes only carry whole numbers.
 */

export interface ChartBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ColumnChart {
  title: string;
  /** One slot per period, oldest first; a null value is drawn as "no data", never as a zero bar. */
  values: Array<number | null>;
  /** Labels under the slots, as two lines: top (e.g. "T3") and bottom (the year, shown when it changes). */
  labels: Array<[string, string]>;
  color: string;
  /** Whole numbers only on the axis (counts). */
  integer: boolean;
  /** A fixed top of the axis (100 for a rate in %). */
  max?: number;
  formatValue: (value: number) => string;
  formatTick: (value: number) => string;
  noData: string;
  /** The last slot (the quarter itself) is highlighted. */
  highlightLast?: boolean;
}

export interface BarItem {
  label: string;
  value: number | null;
  /** Drawn in the highlight colour (the site a page is about). */
  highlight?: boolean;
}

export interface HorizontalBarChart {
  title: string;
  items: BarItem[];
  color: string;
  highlightColor?: string;
  formatValue: (value: number) => string;
  noData: string;
}

const GRID = '#d9d9d9';
const MUTED = '#6b6b6b';
const TEXT = '#1a1a1a';

/**
 * Axis ticks from 0 to a "nice" top (1, 2, 2.5 or 5 × 10^k steps), at most `count` + 1 ticks.
 * With `integer`, the step is a whole number ≥ 1, so a count axis never shows 0.5.
 */
export function niceTicks(max: number, integer: boolean, count = 4): number[] {
  const top = max > 0 ? max : integer ? count : 1;
  const raw = top / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const steps = integer ? [1, 2, 5, 10] : [1, 2, 2.5, 5, 10];
  let step = steps.map((s) => s * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  if (integer) step = Math.max(1, Math.round(step));
  const ticks: number[] = [];
  for (let v = 0; v < top + step - 1e-9; v += step) ticks.push(Math.round(v * 1e6) / 1e6);
  return ticks;
}

/** A column chart of a series over periods: title, horizontal grid with axis labels, labelled columns. */
export function drawColumnChart(doc: PDFKit.PDFDocument, box: ChartBox, chart: ColumnChart): void {
  doc.save();
  doc.font('Helvetica-Bold').fontSize(10).fillColor(TEXT).text(chart.title, box.x, box.y, { width: box.width, height: 14, lineBreak: false, ellipsis: true });
  const known = chart.values.filter((v): v is number => v !== null);
  const ticks = niceTicks(chart.max ?? Math.max(0, ...known), chart.integer);
  const top = ticks[ticks.length - 1];
  const axisWidth = 46;
  const plot = { x: box.x + axisWidth, y: box.y + 26, width: box.width - axisWidth, height: box.height - 26 - 26 };
  const yOf = (v: number) => plot.y + plot.height - (v / top) * plot.height;

  doc.font('Helvetica').fontSize(7);
  for (const tick of ticks) {
    const y = yOf(tick);
    doc.moveTo(plot.x, y).lineTo(plot.x + plot.width, y).lineWidth(0.5).strokeColor(GRID).stroke();
    doc.fillColor(MUTED).text(chart.formatTick(tick), box.x, y - 3.5, { width: axisWidth - 5, align: 'right', lineBreak: false });
  }

  const slot = plot.width / chart.values.length;
  const barWidth = Math.min(28, slot * 0.62);
  chart.values.forEach((value, i) => {
    const cx = plot.x + slot * i + slot / 2;
    const last = i === chart.values.length - 1;
    if (value === null) {
      doc.fillColor(MUTED).fontSize(6).text(chart.noData, cx - slot / 2, plot.y + plot.height - 9, { width: slot, align: 'center', lineBreak: false });
    } else {
      const h = Math.max(value > 0 ? 0.8 : 0, (Math.max(0, value) / top) * plot.height);
      doc.rect(cx - barWidth / 2, plot.y + plot.height - h, barWidth, h).fillOpacity(chart.highlightLast && !last ? 0.55 : 1).fill(chart.color).fillOpacity(1);
      doc.fillColor(TEXT).font(last ? 'Helvetica-Bold' : 'Helvetica').fontSize(6.5)
        .text(chart.formatValue(value), cx - slot / 2, plot.y + plot.height - h - 9, { width: slot, align: 'center', lineBreak: false });
    }
    const [line1, line2] = chart.labels[i];
    doc.font(last ? 'Helvetica-Bold' : 'Helvetica').fontSize(7).fillColor(TEXT).text(line1, cx - slot / 2, plot.y + plot.height + 4, { width: slot, align: 'center', lineBreak: false });
    if (line2) doc.font('Helvetica').fontSize(6.5).fillColor(MUTED).text(line2, cx - slot / 2, plot.y + plot.height + 13, { width: slot, align: 'center', lineBreak: false });
  });
  doc.moveTo(plot.x, plot.y + plot.height).lineTo(plot.x + plot.width, plot.y + plot.height).lineWidth(0.8).strokeColor('#8c8c8c').stroke();
  doc.restore();
}

/** Horizontal bars, one per named item (sites, programs, sectors), the largest first, value at the bar's end. */
export function drawHorizontalBars(doc: PDFKit.PDFDocument, box: ChartBox, chart: HorizontalBarChart): number {
  doc.save();
  doc.font('Helvetica-Bold').fontSize(10).fillColor(TEXT).text(chart.title, box.x, box.y, { width: box.width, height: 14, lineBreak: false, ellipsis: true });
  const items = [...chart.items].sort((a, b) => (b.value ?? -1) - (a.value ?? -1));
  const labelWidth = Math.min(150, box.width * 0.45);
  const valueWidth = 60;
  const barArea = box.width - labelWidth - valueWidth;
  const max = Math.max(0, ...items.map((item) => item.value ?? 0)) || 1;
  const rowHeight = Math.min(16, (box.height - 20) / Math.max(1, items.length));
  let y = box.y + 18;
  for (const item of items) {
    doc.font(item.highlight ? 'Helvetica-Bold' : 'Helvetica').fontSize(8).fillColor(TEXT).text(item.label, box.x, y + rowHeight / 2 - 4, { width: labelWidth - 6, height: 10, lineBreak: false, ellipsis: true });
    if (item.value === null) {
      doc.fillColor(MUTED).text(chart.noData, box.x + labelWidth, y + rowHeight / 2 - 4, { width: barArea, lineBreak: false });
    } else {
      const w = Math.max(item.value > 0 ? 1 : 0, (item.value / max) * barArea);
      doc.rect(box.x + labelWidth, y + rowHeight * 0.18, w, rowHeight * 0.64).fill(item.highlight && chart.highlightColor ? chart.highlightColor : chart.color);
      doc.fillColor(TEXT).fontSize(8).text(chart.formatValue(item.value), box.x + labelWidth + w + 4, y + rowHeight / 2 - 4, { width: valueWidth, lineBreak: false });
    }
    y += rowHeight;
  }
  doc.restore();
  return y;
}
