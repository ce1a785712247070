import type { Cell } from './grid';

/** A layout character that is neither a module nor a corridor; row and column count from 1. */
export class LayoutSyntaxError extends SyntaxError {
  constructor(
    readonly char: string,
    readonly row: number,
    readonly column: number,
  ) {
    super(`Unexpected "${char}" at row ${row}, column ${column}: use M for a module and . for anything else`);
    this.name = 'LayoutSyntaxError';
  }
}

/**
 * Reads a floor from its compact layout: one line per row, `M` a rentable 24 m² module, `.` a corridor,
 * `#` anything else not rentable (stairs, plant room). Lines may differ in length; spaces are ignored.
 */
export function parseLayout(layout: string): Cell[] {
  const rows = layout.split(/\r?\n/).map((line) => line.replace(/\s/g, '')).filter((line, index, all) => line.length || index < all.length - 1);
  const cells: Cell[] = [];
  rows.forEach((line, row) => {
    for (let col = 0; col < line.length; col++) {
      const char = line[col];
      if (char === 'M' || char === 'm') cells.push({ col, row });
      else if (char !== '.' && char !== '#') throw new LayoutSyntaxError(char, row + 1, col + 1);
    }
  });
  return cells;
}
