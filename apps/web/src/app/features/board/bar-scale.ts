/** The value axis of a bar chart of counts: whole-number ticks from 0 to a round top at or above the largest value. */
export interface BarScale {
  /** The axis's top: a bar of this value fills the plot's height. */
  top: number;
  /** 0, step, 2 × step … top. */
  ticks: number[];
}

/** Steps of 1, 2 or 5 × 10ⁿ, at least 1 (counts: never 0.5), about four of them up to the largest value. */
export function barScale(largest: number): BarScale {
  const max = Number.isFinite(largest) && largest > 0 ? largest : 1;
  const rough = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude);
  const top = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let tick = 0; tick <= top; tick += step) ticks.push(tick);
  return { top, ticks };
}
