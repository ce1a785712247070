import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoDirective } from '@jsverse/transloco';
import { FLOOR_CELL_CHARS, FloorCellKind, FloorZone } from '@incubator/contracts';
import { LocalNumberPipe } from '../../../../core/i18n/local-number.pipe';
import { LocaleService } from '../../../../core/i18n/locale.service';

export interface EditorCell {
  kind: FloorCellKind;
  zone: string | null;
}

export type EditorTool = FloorCellKind | 'zone';

export const MODULE_M2 = 24;
export const MAX_GRID = 200;
const KIND_OF_CHAR: Record<string, FloorCellKind> = { M: 'module', m: 'module', '.': 'corridor', '#': 'blocked' };

/** A text layout (`M`, `.`, `#`) as a rectangular grid; null when a character is none of them. */
export function gridFromLayout(layout: string, zones: FloorZone[] = []): EditorCell[][] | null {
  const lines = layout.split(/\r?\n/).map((line) => line.replace(/\s/g, ''));
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const width = Math.max(1, ...lines.map((l) => l.length));
  const grid: EditorCell[][] = [];
  for (const line of lines.length ? lines : ['']) {
    const row: EditorCell[] = [];
    for (let col = 0; col < width; col++) {
      const kind = col < line.length ? KIND_OF_CHAR[line[col]] : 'corridor';
      if (!kind) return null;
      row.push({ kind, zone: null });
    }
    grid.push(row);
  }
  for (const z of zones) if (grid[z.row]?.[z.col]) grid[z.row][z.col] = { ...grid[z.row][z.col], zone: z.zone };
  return grid;
}

export function layoutOf(grid: EditorCell[][]): string {
  return grid.map((row) => row.map((c) => FLOOR_CELL_CHARS[c.kind]).join('')).join('\n');
}

export function zonesOf(grid: EditorCell[][]): FloorZone[] {
  return grid.flatMap((row, r) => row.flatMap((c, col) => (c.zone ? [{ col, row: r, zone: c.zone }] : [])));
}

/**
 * The floor-plan editor: a grid painted with the mouse (click or drag) or the keyboard (arrows move,
 * space or enter paints) with a module, corridor, non-rentable or zone brush; rows and columns grow and
 * shrink; the rentable area is counted live. Cells of leased modules cannot be painted over.
 */
@Component({
  selector: 'app-floor-editor',
  imports: [FormsModule, MatButtonModule, MatButtonToggleModule, MatFormFieldModule, MatInputModule, TranslocoDirective, LocalNumberPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .toolbar { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; margin-block: 8px; }
    .grid { display: inline-grid; gap: 1px; background: var(--mat-sys-outline-variant); padding: 1px; outline: none; user-select: none; touch-action: none; }
    .grid:focus-visible { outline: 2px solid var(--mat-sys-primary); }
    .cell { width: 32px; height: 32px; box-sizing: border-box; font-size: 9px; overflow: hidden; display: flex; align-items: center; justify-content: center; }
    .module { background: var(--mat-sys-primary-container); }
    .corridor { background: var(--mat-sys-surface); }
    .blocked { background: repeating-linear-gradient(45deg, var(--mat-sys-outline-variant) 0 3px, var(--mat-sys-surface) 3px 6px); }
    .leased { box-shadow: inset 0 0 0 2px var(--mat-sys-tertiary); }
    .cursor { outline: 2px solid var(--mat-sys-primary); outline-offset: -2px; }
    .legend { font-size: 12px; }
    .grid-scroll { max-width: 100%; overflow-x: auto; }
    .import { margin-block: 12px; }
    .import summary { cursor: pointer; padding-block: 8px; }
    .import-field { display: block; width: min(100%, 40rem); }
    .import-field textarea { font-family: monospace; }
  `,
  template: `
    <ng-container *transloco="let t; prefix: 'spaceSetup.editor'">
      <div class="toolbar">
        <mat-button-toggle-group [value]="tool()" (change)="tool.set($event.value)" [attr.aria-label]="t('tool')" data-testid="editor-tools">
          @for (option of tools; track option) {
            <mat-button-toggle [value]="option" [attr.data-testid]="'tool-' + option">{{ t('tools.' + option) }}</mat-button-toggle>
          }
        </mat-button-toggle-group>
        @if (tool() === 'zone') {
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ t('zoneName') }}</mat-label>
            <input matInput [ngModel]="zoneName()" (ngModelChange)="zoneName.set($event)" maxlength="60" data-testid="zone-name" />
          </mat-form-field>
        }
      </div>
      <div class="toolbar">
        <span>{{ t('rows', { count: rows() }) }}</span>
        <button mat-stroked-button type="button" (click)="resize(1, 0)" data-testid="add-row">{{ t('addRow') }}</button>
        <button mat-stroked-button type="button" (click)="resize(-1, 0)" [disabled]="rows() <= 1" data-testid="remove-row">{{ t('removeRow') }}</button>
        <span>{{ t('columns', { count: columns() }) }}</span>
        <button mat-stroked-button type="button" (click)="resize(0, 1)" data-testid="add-column">{{ t('addColumn') }}</button>
        <button mat-stroked-button type="button" (click)="resize(0, -1)" [disabled]="columns() <= 1" data-testid="remove-column">{{ t('removeColumn') }}</button>
      </div>
      <p data-testid="editor-count" aria-live="polite">{{ t('count', { modules: (moduleCount() | localNumber: locale()), m2: (areaM2() | localNumber: locale()) }) }}</p>
      @if (blockedMessage()) {
        <p role="alert" data-testid="editor-blocked">{{ t('leasedCell') }}</p>
      }
      <div class="grid-scroll">
      <div
        class="grid"
        role="grid"
        tabindex="0"
        [attr.aria-label]="t('grid')"
        [style.grid-template-columns]="'repeat(' + columns() + ', 32px)'"
        (keydown)="onKey($event)"
        (pointerup)="painting = false"
        (pointerleave)="painting = false"
        data-testid="editor-grid"
      >
        @for (row of grid(); track r; let r = $index) {
          @for (cell of row; track c; let c = $index) {
            <div
              role="gridcell"
              class="cell"
              [class]="'cell ' + cell.kind"
              [class.leased]="isLeased(c, r)"
              [class.cursor]="cursor().row === r && cursor().col === c"
              [attr.title]="cell.zone"
              [attr.aria-label]="t('cell', { row: r + 1, column: c + 1, kind: t('tools.' + cell.kind) }) + (cell.zone ? ' — ' + cell.zone : '')"
              [attr.data-testid]="'cell-' + r + '-' + c"
              [attr.data-kind]="cell.kind"
              (pointerdown)="startPaint($event, c, r)"
              (pointerenter)="dragPaint(c, r)"
            >{{ cell.zone ? cell.zone.slice(0, 2) : '' }}</div>
          }
        }
      </div>
      </div>
      <p class="legend">{{ t('keyboardHint') }}</p>
      <details class="import">
        <summary>{{ t('import') }}</summary>
        <mat-form-field class="import-field" subscriptSizing="dynamic">
          <mat-label>{{ t('importLabel') }}</mat-label>
          <textarea matInput rows="5" [ngModel]="importText()" (ngModelChange)="importText.set($event)" data-testid="editor-import"></textarea>
          <mat-hint>{{ t('importHint') }}</mat-hint>
        </mat-form-field>
        <button mat-stroked-button type="button" (click)="importLayout()" data-testid="editor-import-apply">{{ t('importApply') }}</button>
        @if (importError()) {
          <p role="alert" data-testid="editor-import-error">{{ t('importError') }}</p>
        }
      </details>
    </ng-container>
  `,
})
export class FloorEditorComponent {
  /** The layout and zones to start from (reset whenever they change). */
  readonly layout = input('MMMM\n....\nMMMM');
  readonly zones = input<FloorZone[]>([]);
  /** `col,row` of the modules under a current or future lease: they stay modules. */
  readonly leasedCells = input<ReadonlySet<string>>(new Set());

  readonly locale = inject(LocaleService).locale;
  readonly tools: EditorTool[] = ['module', 'corridor', 'blocked', 'zone'];
  readonly tool = signal<EditorTool>('module');
  readonly zoneName = signal('');
  readonly grid = signal<EditorCell[][]>(gridFromLayout('M') ?? []);
  readonly cursor = signal({ row: 0, col: 0 });
  readonly importText = signal('');
  readonly importError = signal(false);
  readonly blockedMessage = signal(false);
  readonly rows = computed(() => this.grid().length);
  readonly columns = computed(() => this.grid()[0]?.length ?? 0);
  readonly moduleCount = computed(() => this.grid().reduce((n, row) => n + row.filter((c) => c.kind === 'module').length, 0));
  readonly areaM2 = computed(() => this.moduleCount() * MODULE_M2);
  readonly layoutText = computed(() => layoutOf(this.grid()));
  readonly zoneList = computed(() => zonesOf(this.grid()));
  painting = false;

  constructor() {
    effect(() => {
      const grid = gridFromLayout(this.layout(), this.zones());
      untracked(() => {
        if (grid) this.grid.set(grid);
        this.cursor.set({ row: 0, col: 0 });
      });
    });
  }

  isLeased(col: number, row: number): boolean {
    return this.leasedCells().has(`${col},${row}`);
  }

  startPaint(event: PointerEvent, col: number, row: number): void {
    event.preventDefault();
    this.painting = true;
    this.cursor.set({ row, col });
    this.paint(col, row);
  }

  dragPaint(col: number, row: number): void {
    if (this.painting) this.paint(col, row);
  }

  paint(col: number, row: number): void {
    const tool = this.tool();
    const cell = this.grid()[row]?.[col];
    if (!cell) return;
    if (tool !== 'zone' && tool !== 'module' && this.isLeased(col, row)) {
      this.blockedMessage.set(true);
      return;
    }
    const next: EditorCell = tool === 'zone' ? { ...cell, zone: this.zoneName().trim() || null } : { ...cell, kind: tool };
    this.grid.update((grid) => grid.map((cells, r) => (r === row ? cells.map((c, k) => (k === col ? next : c)) : cells)));
  }

  onKey(event: KeyboardEvent): void {
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      const { row, col } = this.cursor();
      this.cursor.set({ row: clamp(row + move[0], this.rows()), col: clamp(col + move[1], this.columns()) });
    } else if (event.key === ' ' || event.key === 'Enter') {
      event.preventDefault();
      this.paint(this.cursor().col, this.cursor().row);
    }
  }

  /** Adds or removes a row (at the bottom) or a column (at the right); a leased module is never cut away. */
  resize(rows: number, columns: number): void {
    const grid = this.grid();
    const nextRows = Math.min(MAX_GRID, Math.max(1, grid.length + rows));
    const nextColumns = Math.min(MAX_GRID, Math.max(1, (grid[0]?.length ?? 0) + columns));
    for (const key of this.leasedCells()) {
      const [col, row] = key.split(',').map(Number);
      if (col >= nextColumns || row >= nextRows) {
        this.blockedMessage.set(true);
        return;
      }
    }
    const resized: EditorCell[][] = [];
    for (let r = 0; r < nextRows; r++) {
      const row: EditorCell[] = [];
      for (let c = 0; c < nextColumns; c++) row.push(grid[r]?.[c] ?? { kind: 'corridor', zone: null });
      resized.push(row);
    }
    this.grid.set(resized);
    this.cursor.update(({ row, col }) => ({ row: Math.min(row, nextRows - 1), col: Math.min(col, nextColumns - 1) }));
  }

  importLayout(): void {
    const grid = gridFromLayout(this.importText());
    this.importError.set(!grid);
    if (grid) this.grid.set(grid);
  }
}

function clamp(value: number, size: number): number {
  return Math.max(0, Math.min(size - 1, value));
}
