/**
 * The `d` of an SVG path through the values, left to right over `width`, the smallest value at the
 * bottom of `height` and the largest at the top (a flat series runs through the middle). A withheld
 * value (null) breaks the line: the next point starts a new segment. Empty when there is no value.
 */
export function sparklinePath(series: readonly (number | null)[], width: number, height: number, padding = 2): string {
  const values = series.filter((v): v is number => v !== null);
  if (values.length === 0) {
    return '';
  }
  const min = Math.min(...values);
  const max = Math.max(...values);
  const step = series.length > 1 ? (width - 2 * padding) / (series.length - 1) : 0;
  const y = (v: number) => (max === min ? height / 2 : padding + ((max - v) / (max - min)) * (height - 2 * padding));
  const round = (n: number) => Math.round(n * 100) / 100;
  let path = '';
  let drawing = false;
  series.forEach((value, i) => {
    if (value === null) {
      drawing = false;
      return;
    }
    const x = series.length > 1 ? padding + i * step : width / 2;
    path += `${path ? ' ' : ''}${drawing ? 'L' : 'M'}${round(x)} ${round(y(value))}`;
    drawing = true;
  });
  return path;
}
