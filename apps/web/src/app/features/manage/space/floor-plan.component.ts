import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { FloorPlanResponse } from '@incubator/contracts';
import { moduleName, PlanCell, planCells } from '../../../core/space/plan-layout';

const SIZE = 40;
const GAP = 4;

/**
 * A floor's modules as an SVG grid: free light, leased in their startup's colour, retired hatched.
 * Every module is a button for the keyboard too (Tab, then Enter or Space).
 */
@Component({
  selector: 'app-floor-plan',
  template: `
    <svg
      data-testid="floor-plan"
      role="group"
      [attr.aria-label]="label()"
      [attr.viewBox]="viewBox()"
      [attr.width]="width()"
      [attr.height]="height()"
      [style.--plan-columns]="columns()"
    >
      <defs>
        <pattern id="retired-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#ddd" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#888" stroke-width="2" />
        </pattern>
      </defs>
      @for (cell of cells(); track cell.module.id) {
        <g
          class="module"
          role="button"
          tabindex="0"
          [attr.data-testid]="'module-' + cell.col + '-' + cell.row"
          [attr.data-state]="cell.state"
          [attr.data-startup]="cell.module.lease && cell.state === 'leased' ? cell.module.lease.startupName : null"
          [attr.data-module]="name(cell)"
          [attr.data-proposed]="proposedIds().has(cell.module.id) ? 'true' : null"
          [attr.data-pending]="cell.module.id === pendingId() ? 'true' : null"
          [attr.data-selected]="isSelected(cell) ? 'true' : null"
          [attr.aria-label]="describe(cell)"
          (click)="moduleClick.emit(cell)"
          (keydown.enter)="moduleClick.emit(cell)"
          (keydown.space)="$event.preventDefault(); moduleClick.emit(cell)"
        >
          <title>{{ describe(cell) }}</title>
          <rect
            [attr.x]="cell.col * step"
            [attr.y]="cell.row * step"
            [attr.width]="size"
            [attr.height]="size"
            rx="3"
            [attr.fill]="fill(cell)"
            [attr.stroke]="stroke(cell)"
            [attr.stroke-width]="highlighted(cell) ? 3 : 1"
            [attr.stroke-dasharray]="proposedIds().has(cell.module.id) && cell.module.id !== pendingId() ? '4 2' : null"
          />
          <text
            class="name"
            aria-hidden="true"
            [attr.x]="cell.col * step + size / 2"
            [attr.y]="cell.row * step + size / 2"
            [attr.fill]="cell.colour ? '#fff' : '#333'"
          >{{ name(cell) }}</text>
        </g>
      }
    </svg>
  `,
  styles: `
    :host {
      display: block;
      position: relative;
      max-width: 100%;
      overflow-x: auto;
    }
    svg {
      max-width: 100%;
      height: auto;
    }
    /* A phone: modules stay at least 44 px wide to tap, and a wide floor scrolls inside the plan. */
    @media (max-width: 600px) {
      svg {
        max-width: none;
        width: calc(var(--plan-columns) * 50px);
      }
    }
    .module {
      cursor: pointer;
      outline: none;
    }
    .name {
      font: 600 11px/1 system-ui, sans-serif;
      text-anchor: middle;
      dominant-baseline: central;
      pointer-events: none;
    }
    .module[data-pending] rect {
      fill-opacity: 0.85;
    }
    .module:focus-visible rect {
      stroke: var(--mat-sys-primary, #000);
      stroke-width: 4;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FloorPlanComponent {
  readonly plan = input.required<FloorPlanResponse>();
  readonly proposed = input<readonly string[]>([]);
  readonly selectedLeaseId = input<string | null>(null);
  /** The module a resize would add or give back, drawn in the primary colour. */
  readonly pendingModuleId = input<string | null>(null);
  /** The accessible name of the whole plan. */
  readonly label = input('');
  /** Each module's accessible name, from the page's translations (its name, state and startup; never an id). */
  readonly describeWith = input<(cell: PlanCell) => string>((cell) =>
    `${moduleName(cell)} · ${cell.module.lease && cell.state === 'leased' ? cell.module.lease.startupName : cell.state}`,
  );
  readonly moduleClick = output<PlanCell>();

  protected readonly size = SIZE;
  protected readonly step = SIZE + GAP;
  protected readonly cells = computed(() => planCells(this.plan()));
  protected readonly proposedIds = computed(() => new Set(this.proposed()));
  protected readonly pendingId = computed(() => this.pendingModuleId());
  protected readonly name = moduleName;
  private readonly extent = computed(() => {
    const plan = this.plan();
    const cols = Math.max(plan.columns, ...plan.modules.map((m) => m.col + 1));
    const rows = Math.max(plan.rows, ...plan.modules.map((m) => m.row + 1));
    return { cols: Math.max(cols, 1), rows: Math.max(rows, 1) };
  });
  protected readonly columns = computed(() => this.extent().cols);
  protected readonly width = computed(() => this.extent().cols * this.step);
  protected readonly height = computed(() => this.extent().rows * this.step);
  protected readonly viewBox = computed(() => `0 0 ${this.width()} ${this.height()}`);

  protected fill(cell: PlanCell): string {
    if (cell.state === 'retired') {
      return 'url(#retired-hatch)';
    }
    return cell.colour ?? '#eef5ee';
  }

  protected highlighted(cell: PlanCell): boolean {
    return this.proposedIds().has(cell.module.id) || this.isSelected(cell) || cell.module.id === this.pendingId();
  }

  protected stroke(cell: PlanCell): string {
    if (cell.module.id === this.pendingId()) {
      return 'var(--mat-sys-primary, #3f51b5)';
    }
    return this.highlighted(cell) ? '#000' : '#999';
  }

  protected isSelected(cell: PlanCell): boolean {
    const leaseId = this.selectedLeaseId();
    return leaseId !== null && cell.module.lease?.id === leaseId;
  }

  protected describe(cell: PlanCell): string {
    return this.describeWith()(cell);
  }
}
