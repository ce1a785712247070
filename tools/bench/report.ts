import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

/** One benchmark's result: its figure, the floor measured in the same run, their ratio and the target. */
export interface BenchRow {
  name: string;
  figure: string;
  floor: string;
  /** figure / floor (time) or floor / figure (throughput): always "how many times the floor's cost". */
  ratio: number | null;
  target: string;
  met: boolean | null;
}

export function printRows(rows: BenchRow[], log: (line: string) => void): void {
  for (const r of rows) {
    log(`${r.met === null ? '·' : r.met ? '✓' : '✗'} ${r.name}`);
    log(`    ${r.figure}`);
    log(`    floor: ${r.floor}${r.ratio === null ? '' : `   → ${r.ratio.toFixed(2)}×`}   target: ${r.target}`);
  }
}

/** The hand-kept history between runs: the "## Before and after" section of the current file, kept as it is. */
const HISTORY = '## Before and after';

/** docs/benchmarks.md: the machine, the date, the command, every row, the kept before/after history and the generation log. */
export function writeReport(root: string, rows: BenchRow[], notes: string[], seconds: number): string {
  const file = join(root, 'docs/benchmarks.md');
  const previous = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const start = previous.indexOf(HISTORY);
  const history = start < 0 ? [] : previous.slice(start, previous.indexOf('## Run log', start) < 0 ? undefined : previous.indexOf('## Run log', start)).trimEnd().split('\n').concat('');
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const lines = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (tools/bench/run.ts). Each figure is measured next to a floor in the same run on the same',
    'machine and data, and the ratio is what to compare between machines: absolute times on a shared 2-core machine are noisy.',
    '',
    `- Date: ${new Date().toISOString()}`,
    `- Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 1024 ** 3)} GB RAM, Node ${process.version}, ${process.platform}`,
    '- Command: `npm run bench`',
    `- Duration: ${Math.round(seconds)} s`,
    '',
    '| Benchmark | Figure | Floor (same run) | × floor | Target | Met |',
    '|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${cell(r.name)} | ${cell(r.figure)} | ${cell(r.floor)} | ${r.ratio === null ? '—' : r.ratio.toFixed(2)} | ${cell(r.target)} | ${r.met === null ? '—' : r.met ? 'yes' : '**no**'} |`),
    '',
    ...history,
    '## Run log',
    '',
    '```',
    ...notes,
    '```',
    '',
  ];
  writeFileSync(file, lines.join('\n'));
  return file;
}
