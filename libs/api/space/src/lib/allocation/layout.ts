import type { Cell } from './grid';

/**
 * Reads a floor from its compact layout: one line per row, `M` a rentable 24 m² module, `.` anything
 * else (corridor, stairs). Lines may differ in length; spaces are ignored.
 */
export function parseLayout(layout: string): Cell[] {
  const rows = layout.split(/\r?\n/).map((line) => line.replace(/\s/g, '')).filter((line, index, all) => line.length || index < all.length - 1);
  const cells: Cell[] = [];
  rows.forEach((line, row) => {
    for (let col = 0; col < line.length; col++) {
      const char = line[col];
      if (char === 'M' || char === 'm') cells.push({ col, row });
      else if (char !== '.') throw new SyntaxError(`Unexpected "${char}" at row ${row + 1}, column ${col + 1}: use M for a module and . for anything else`);
    }
  });
  return cells;
}
