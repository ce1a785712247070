import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { LeaseOfficeResponse } from '@incubator/contracts';

/** A read-only sketch of the floor: the startup's modules in colour, the rest grey, corridors blank. */
@Component({
  selector: 'app-office-plan',
  imports: [TranslocoDirective],
  template: `
    <ng-container *transloco="let t; prefix: 'startup.office'">
      @let o = office();
      <div
        class="plan"
        role="img"
        [attr.aria-label]="t('planLabel', { floor: o.floorName, count: mineCount() })"
        [style.grid-template-columns]="'repeat(' + o.columns + ', minmax(0, 2rem))'"
        data-testid="office-plan"
      >
        @for (m of o.modules; track $index) {
          <span
            class="module"
            [class.mine]="m.mine"
            [class.retired]="m.retired"
            [style.grid-column]="m.col + 1"
            [style.grid-row]="m.row + 1"
            [attr.data-mine]="m.mine"
          ></span>
        }
      </div>
      <p class="legend">
        <span class="key mine" aria-hidden="true"></span> {{ t('yours') }}
        <span class="key" aria-hidden="true"></span> {{ t('other') }}
      </p>
    </ng-container>
  `,
  styles: `
    .plan {
      display: grid;
      gap: 3px;
      max-width: 100%;
      overflow-x: auto;
    }
    .module,
    .key {
      display: inline-block;
      aspect-ratio: 1;
      min-width: 0.75rem;
      border-radius: 3px;
      background: var(--mat-sys-surface-container-highest);
      border: 1px solid var(--mat-sys-outline-variant);
    }
    .module.mine,
    .key.mine {
      background: var(--mat-sys-primary);
      border-color: var(--mat-sys-primary);
    }
    .module.retired {
      background: repeating-linear-gradient(45deg, transparent 0 3px, var(--mat-sys-outline-variant) 3px 4px);
    }
    .key {
      width: 0.9rem;
      vertical-align: middle;
      margin-left: 0.5rem;
    }
    .legend {
      margin: 0.5rem 0 0;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OfficePlanComponent {
  readonly office = input.required<LeaseOfficeResponse>();

  protected readonly mineCount = computed(() => this.office().modules.filter((m) => m.mine).length);
}
