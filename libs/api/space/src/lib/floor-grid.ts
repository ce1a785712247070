import type { FloorZone } from '@incubator/contracts';
import type { Cell } from './allocation/grid';

/** A layout as rectangular lines of `M`, `.` and `#` (short lines padded with corridor, spaces dropped). */
export function normalizedLayout(layout: string): string[] {
  const lines = layout.split(/\r?\n/).map((line) => line.replace(/\s/g, '').replace(/m/g, 'M'));
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const width = Math.max(0, ...lines.map((line) => line.length));
  return lines.map((line) => line.padEnd(width, '.'));
}

/**
 * The grid the editor shows: the stored layout, where every live module is an `M` and every `M`
 * without a live module (retired one by one) is `#`, grown to hold every module.
 */
export function editorLayout(layout: string, modules: Cell[]): string {
  const lines = normalizedLayout(layout);
  const live = new Set(modules.map((m) => `${m.col},${m.row}`));
  const rows = Math.max(lines.length, ...modules.map((m) => m.row + 1));
  const columns = Math.max(lines[0]?.length ?? 0, ...modules.map((m) => m.col + 1));
  const out: string[] = [];
  for (let row = 0; row < rows; row++) {
    let line = '';
    for (let col = 0; col < columns; col++) {
      const char = lines[row]?.[col] ?? '.';
      line += live.has(`${col},${row}`) ? 'M' : char === 'M' ? '#' : char;
    }
    out.push(line);
  }
  return out.join('\n');
}

/** The zones that fall on the grid, one per cell (the last given wins), names trimmed, empty ones dropped. */
export function gridZones(zones: FloorZone[], lines: string[]): FloorZone[] {
  const byCell = new Map<string, FloorZone>();
  for (const z of zones) {
    const zone = z.zone.trim();
    if (z.row >= lines.length || z.col >= (lines[z.row]?.length ?? 0)) continue;
    if (zone) byCell.set(`${z.col},${z.row}`, { col: z.col, row: z.row, zone });
    else byCell.delete(`${z.col},${z.row}`);
  }
  return [...byCell.values()].sort((a, b) => a.row - b.row || a.col - b.col);
}
