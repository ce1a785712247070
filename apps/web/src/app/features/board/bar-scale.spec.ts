import { barScale } from './bar-scale';

describe('barScale (the count axis of the board’s bar charts)', () => {
  it('uses whole steps only, never 0.5, for small counts', () => {
    expect(barScale(1)).toEqual({ top: 1, ticks: [0, 1] });
    expect(barScale(3)).toEqual({ top: 3, ticks: [0, 1, 2, 3] });
    expect(barScale(4)).toEqual({ top: 4, ticks: [0, 1, 2, 3, 4] });
  });

  it('rounds the top up to a step of 1, 2 or 5 × 10ⁿ, about four steps', () => {
    expect(barScale(12)).toEqual({ top: 15, ticks: [0, 5, 10, 15] });
    expect(barScale(45)).toEqual({ top: 60, ticks: [0, 20, 40, 60] });
    expect(barScale(1340).ticks).toEqual([0, 500, 1000, 1500]);
  });

  it('draws an axis for nothing to show (0 or no value)', () => {
    expect(barScale(0)).toEqual({ top: 1, ticks: [0, 1] });
    expect(barScale(Number.NaN)).toEqual({ top: 1, ticks: [0, 1] });
  });
});
