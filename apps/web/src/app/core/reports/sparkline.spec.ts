import { sparklinePath } from './sparkline';

describe('sparklinePath', () => {
  it('runs left to right, the largest value at the top and the smallest at the bottom', () => {
    // width 100, height 20, padding 0: x every 50, y from 20 (min) to 0 (max).
    expect(sparklinePath([1, 3, 2], 100, 20, 0)).toBe('M0 20 L50 0 L100 10');
  });

  it('keeps the padding inside the box', () => {
    expect(sparklinePath([0, 10], 104, 24, 2)).toBe('M2 22 L102 2');
  });

  it('breaks the line at a withheld quarter and starts again after it', () => {
    expect(sparklinePath([1, null, 3, 2], 30, 20, 0)).toBe('M0 20 M20 0 L30 10');
  });

  it('draws a flat series through the middle', () => {
    expect(sparklinePath([5, 5, 5], 100, 20, 0)).toBe('M0 10 L50 10 L100 10');
  });

  it('centres a single value and draws nothing without a value', () => {
    expect(sparklinePath([7], 100, 20, 0)).toBe('M50 10');
    expect(sparklinePath([null, null], 100, 20)).toBe('');
    expect(sparklinePath([], 100, 20)).toBe('');
  });

  it('rounds the coordinates to two decimals', () => {
    expect(sparklinePath([0, 1, 2], 100, 30, 0)).toBe('M0 30 L50 15 L100 0');
    expect(sparklinePath([0, 2, 3], 10, 10, 0)).toBe('M0 10 L5 3.33 L10 0');
  });
});
