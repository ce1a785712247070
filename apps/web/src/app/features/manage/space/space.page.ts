import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import {
  BuildingResponse,
  FloorPlanResponse,
  FloorResponse,
  LEASE_TERMINATION_REASONS,
  LeaseResponse,
  LeaseTerminationReason,
  Permission,
  PriceInForceResponse,
  PROGRAM_KINDS,
  ProgramKind,
  ProposalRequest,
  ProposalResponse,
  SiteResponse,
} from '@incubator/contracts';
import { filter } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { FormError, genericError } from '../../../core/forms/api-error';
import { SelectFieldComponent, SelectOption } from '../../../core/forms/select-field.component';
import { CalendarDatePipe } from '../../../core/i18n/calendar-date.pipe';
import { LocaleService } from '../../../core/i18n/locale.service';
import { OrganisationService } from '../../../core/organisation/organisation.service';
import { PriceListService } from '../../../core/space/price-list.service';
import { addDays } from '../../../core/programs/cohort-dates';
import { StartupsService } from '../../../core/startups/startups.service';
import { centsToEuros, euroAmount, eurosToCents, formatCents } from '../../../core/space/money';
import { wholeNumber } from '../../../core/forms/form-validation';
import { Cell, legend, PlanCell, resizeTarget } from '../../../core/space/plan-layout';
import { SpaceService } from '../../../core/space/space.service';
import { today } from '../../../core/space/today';
import { FloorDialogComponent, FloorDialogData } from './floor-dialog.component';
import { FloorPlanComponent } from './floor-plan.component';


export type ResizeMode = 'grow' | 'shrink';

interface PendingResize {
  mode: ResizeMode;
  moduleId: string;
  cell: Cell;
}

/** A floor's plan on a day, with allocating new offices and growing or shrinking one. */
@Component({
  selector: 'app-space-page',
  imports: [
    CalendarDatePipe,
    FloorPlanComponent,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    ReactiveFormsModule,
    RouterLink,
    SelectFieldComponent,
    TranslocoDirective,
  ],
  templateUrl: './space.page.html',
  styleUrl: './space.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SpacePage {
  private readonly space = inject(SpaceService);
  private readonly priceList = inject(PriceListService);
  private readonly organisation = inject(OrganisationService);
  private readonly startupsApi = inject(StartupsService);
  private readonly auth = inject(AuthService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly locale = inject(LocaleService).locale;
  protected readonly canManage = computed(() => this.auth.permissions().includes(Permission.SpaceManage));
  protected readonly kinds = PROGRAM_KINDS;

  protected readonly siteControl = new FormControl('', { nonNullable: true });
  protected readonly buildingControl = new FormControl('', { nonNullable: true });
  protected readonly floorControl = new FormControl('', { nonNullable: true });
  protected readonly dateControl = new FormControl(today(), { nonNullable: true, validators: Validators.required });
  protected readonly planForm = new FormGroup({ on: this.dateControl });

  protected readonly sites = signal<SiteResponse[]>([]);
  protected readonly buildings = signal<BuildingResponse[]>([]);
  protected readonly floors = signal<FloorResponse[]>([]);
  protected readonly plan = signal<FloorPlanResponse | null>(null);
  protected readonly loadFailed = signal(false);
  protected readonly siteOptions = computed(() => toOptions(this.sites()));
  protected readonly buildingOptions = computed(() => toOptions(this.buildings()));
  protected readonly floorOptions = computed<SelectOption[]>(() =>
    this.floors().map((floor) => ({ value: floor.id, label: `${floor.level} · ${floor.name}` })),
  );
  protected readonly legend = computed(() => {
    const plan = this.plan();
    return plan ? legend(plan) : [];
  });

  // Allocation
  protected readonly startupOptions = signal<SelectOption[]>([]);
  protected readonly allocateForm = this.fb.group({
    startupId: ['', Validators.required],
    // Text with a numeric keyboard rather than type="number" (no spinner to change it by accident).
    areaM2: ['', [Validators.required, Validators.min(1), wholeNumber]],
    startsOn: [today(), Validators.required],
    lastDay: [''],
    programKind: this.fb.control<string>('incubator', Validators.required),
    // Empty: the site's list price in force on the start date; typed: a negotiated price that overrides it.
    price: ['', [euroAmount]],
  });
  /** The list price for the chosen proposal's floor, kind and start date (null price: the list has none). */
  protected readonly listed = signal<PriceInForceResponse | null>(null);
  protected readonly proposals = signal<ProposalResponse[]>([]);
  protected readonly proposed = signal<number | null>(null);
  protected readonly proposing = signal(false);
  protected readonly allocating = signal(false);
  protected readonly allocateError = signal<FormError | null>(null);
  protected readonly proposedModuleIds = computed(() => {
    const index = this.proposed();
    const proposal = index === null ? null : this.proposals()[index];
    return proposal && proposal.floorId === this.plan()?.floor.id ? proposal.moduleIds : [];
  });

  // The selected lease and its resize
  protected readonly selectedLeaseId = signal<string | null>(null);
  protected readonly lease = signal<LeaseResponse | null>(null);
  protected readonly resizeMode = signal<ResizeMode | null>(null);
  protected readonly pending = signal<PendingResize | null>(null);
  protected readonly resizeEffective = new FormControl(today(), { nonNullable: true, validators: Validators.required });
  protected readonly resizeForm = new FormGroup({ effectiveOn: this.resizeEffective });
  protected readonly resizing = signal(false);
  protected readonly resizeError = signal<FormError | null>(null);
  // Terminating the selected lease
  protected readonly terminationReasons = LEASE_TERMINATION_REASONS;
  protected readonly terminating = signal(false);
  protected readonly terminateOpen = signal(false);
  protected readonly terminateError = signal<FormError | null>(null);
  protected readonly terminateForm = this.fb.group({
    lastDay: [today(), Validators.required],
    reason: this.fb.control<string>('departure', Validators.required),
    note: [''],
  });
  protected readonly office = computed<Cell[]>(() => {
    const leaseId = this.selectedLeaseId();
    return (this.plan()?.modules ?? []).filter((m) => leaseId !== null && m.lease?.id === leaseId && !m.retired);
  });

  /** Where the office is on the plan: "(0,0) (1,0)", column then row. */
  protected readonly officeCells = computed(() =>
    [...this.office()]
      .sort((a, b) => a.row - b.row || a.col - b.col)
      .map((cell) => `(${cell.col},${cell.row})`)
      .join(' '),
  );
  protected readonly lastDay = (endsOn: string) => addDays(endsOn, -1);
  // null: a figure the API withholds from this caller (board members get no rent per lease).
  protected readonly money = (cents: number | null) => (cents === null ? '—' : formatCents(cents, this.locale()));
  protected readonly describe = (cell: PlanCell): string => {
    const lease = cell.module.lease;
    return cell.state === 'leased' && lease
      ? this.transloco.translate('space.plan.leasedBy', { startup: lease.startupName, lease: lease.id })
      : this.transloco.translate(`space.plan.states.${cell.state}`);
  };

  constructor() {
    this.organisation
      .get()
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (organisation) => {
          this.sites.set(organisation.sites);
          if (organisation.sites.length > 0) {
            this.siteControl.setValue(organisation.sites[0].id);
          }
        },
        error: () => this.loadFailed.set(true),
      });
    this.siteControl.valueChanges.pipe(takeUntilDestroyed()).subscribe((siteId) => this.loadBuildings(siteId));
    this.buildingControl.valueChanges.pipe(takeUntilDestroyed()).subscribe((id) => this.loadFloors(id));
    this.floorControl.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.loadPlan());
    this.dateControl.valueChanges.pipe(takeUntilDestroyed()).subscribe((day) => {
      this.resizeEffective.setValue(day);
      this.loadPlan();
    });
    if (this.canManage()) {
      this.startupsApi
        .list({ limit: 100, offset: 0, sort: 'name' })
        .pipe(takeUntilDestroyed())
        .subscribe({
          next: (page) => this.startupOptions.set(page.items.map((s) => ({ value: s.id, label: s.legalName }))),
          error: () => this.startupOptions.set([]),
        });
    }
  }

  protected openFloorDialog(): void {
    const data: FloorDialogData = { buildings: this.buildings(), buildingId: this.buildingControl.value || undefined };
    this.dialog
      .open<FloorDialogComponent, FloorDialogData, FloorResponse>(FloorDialogComponent, { data, width: '32rem' })
      .afterClosed()
      .pipe(filter((floor): floor is FloorResponse => !!floor))
      .subscribe((floor) => {
        this.notify('space.floorDialog.created');
        if (floor.buildingId === this.buildingControl.value) {
          this.floors.update((floors) => [...floors, floor].sort((a, b) => a.level - b.level));
          this.floorControl.setValue(floor.id);
        } else {
          this.buildingControl.setValue(floor.buildingId);
        }
      });
  }

  protected moduleClicked(cell: PlanCell): void {
    const mode = this.resizeMode();
    const leaseId = this.selectedLeaseId();
    if (mode && leaseId) {
      if (resizeTarget(mode, cell, leaseId, this.office())) {
        this.pending.set({ mode, moduleId: cell.module.id, cell: { col: cell.col, row: cell.row } });
        this.resizeError.set(null);
      }
      return;
    }
    if (cell.state === 'leased' && cell.module.lease) {
      this.selectLease(cell.module.lease.id, cell.module.lease.startupId);
    } else {
      this.clearLease();
    }
  }

  protected startResize(mode: ResizeMode): void {
    this.resizeMode.set(mode);
    this.pending.set(null);
    this.resizeError.set(null);
    this.resizeEffective.setValue(this.dateControl.value);
  }

  protected cancelResize(): void {
    this.resizeMode.set(null);
    this.pending.set(null);
    this.resizeError.set(null);
  }

  protected confirmResize(): void {
    const pending = this.pending();
    const leaseId = this.selectedLeaseId();
    const lease = this.lease();
    if (!pending || !leaseId || this.resizing() || this.resizeEffective.invalid) {
      return;
    }
    this.resizing.set(true);
    this.resizeError.set(null);
    const change =
      pending.mode === 'grow' ? { addModuleId: pending.moduleId } : { removeModuleId: pending.moduleId };
    this.space.resize(leaseId, { effectiveOn: this.resizeEffective.value, ...change }).subscribe({
      next: (version) => {
        this.resizing.set(false);
        this.cancelResize();
        this.notify('space.resize.done');
        this.loadPlan();
        this.selectLease(version.id, lease?.startupId ?? version.startupId);
      },
      error: (error: unknown) => {
        this.resizing.set(false);
        this.resizeError.set(genericError(error));
      },
    });
  }

  protected propose(): void {
    const form = this.allocateForm;
    if (form.invalid) {
      form.markAllAsTouched();
      return;
    }
    const value = form.getRawValue();
    const request: ProposalRequest = {
      areaM2: Number(value.areaM2),
      startsOn: value.startsOn,
      startupId: value.startupId,
      ...this.scope(),
    };
    if (value.lastDay) {
      request.endsOn = addDays(value.lastDay, 1);
    }
    this.proposing.set(true);
    this.allocateError.set(null);
    this.proposals.set([]);
    this.proposed.set(null);
    this.space.propose(request).subscribe({
      next: (proposals) => {
        this.proposing.set(false);
        this.proposals.set(proposals);
        if (proposals.length > 0) {
          this.chooseProposal(0);
        } else {
          this.allocateError.set({ key: 'space.allocate.none' });
        }
      },
      error: (error: unknown) => {
        this.proposing.set(false);
        this.allocateError.set(genericError(error));
      },
    });
  }

  protected chooseProposal(index: number): void {
    this.proposed.set(index);
    const proposal = this.proposals()[index];
    this.showListPrice(proposal);
    if (proposal && proposal.floorId !== this.floorControl.value && this.floors().some((f) => f.id === proposal.floorId)) {
      this.floorControl.setValue(proposal.floorId);
    }
  }

  protected confirmProposal(): void {
    const index = this.proposed();
    const proposal = index === null ? null : this.proposals()[index];
    const value = this.allocateForm.getRawValue();
    // No price typed (or the list price shown as is): the server takes the list price in force on the start date.
    const typed = this.allocateForm.controls.price.dirty && value.price.trim() !== '';
    const price = typed ? eurosToCents(value.price) : undefined;
    if (!proposal || price === null || this.allocating()) {
      return;
    }
    this.allocating.set(true);
    this.allocateError.set(null);
    this.space
      .createLease({
        startupId: value.startupId,
        moduleIds: proposal.moduleIds,
        startsOn: value.startsOn,
        ...(value.lastDay ? { endsOn: addDays(value.lastDay, 1) } : {}),
        programKind: value.programKind as ProgramKind,
        ...(price === undefined ? {} : { monthlyPricePerM2Cents: price }),
      })
      .subscribe({
        next: (lease) => {
          this.allocating.set(false);
          this.proposals.set([]);
          this.proposed.set(null);
          this.notify('space.allocate.created');
          if (proposal.floorId !== this.floorControl.value) {
            this.floorControl.setValue(proposal.floorId);
          } else {
            this.loadPlan();
          }
          this.selectLease(lease.id, lease.startupId);
        },
        error: (error: unknown) => {
          this.allocating.set(false);
          this.allocateError.set(genericError(error));
        },
      });
  }

  private scope(): Pick<ProposalRequest, 'siteId' | 'buildingId' | 'floorId'> {
    if (this.floorControl.value) {
      return { floorId: this.floorControl.value };
    }
    if (this.buildingControl.value) {
      return { buildingId: this.buildingControl.value };
    }
    return this.siteControl.value ? { siteId: this.siteControl.value } : {};
  }

  protected openTermination(): void {
    this.terminateOpen.set(true);
    this.terminateError.set(null);
    this.terminateForm.reset({ lastDay: this.dateControl.value, reason: 'departure', note: '' });
  }

  protected cancelTermination(): void {
    this.terminateOpen.set(false);
    this.terminateError.set(null);
  }

  /** Ends the selected lease after the last day typed (the API's end is exclusive: the next day). */
  protected confirmTermination(): void {
    const leaseId = this.selectedLeaseId();
    const lease = this.lease();
    const form = this.terminateForm;
    if (form.invalid) {
      form.markAllAsTouched();
      return;
    }
    if (!leaseId || !lease || this.terminating()) {
      return;
    }
    const value = form.getRawValue();
    const note = value.note.trim();
    this.terminating.set(true);
    this.terminateError.set(null);
    this.priceList
      .terminate(leaseId, { endsOn: addDays(value.lastDay, 1), reason: value.reason as LeaseTerminationReason, ...(note ? { note } : {}) })
      .subscribe({
        next: (ended) => {
          this.terminating.set(false);
          this.terminateOpen.set(false);
          this.notify('leaseEnd.done');
          this.loadPlan();
          this.selectLease(ended.id, ended.startupId);
        },
        error: (error: unknown) => {
          this.terminating.set(false);
          this.terminateError.set(genericError(error));
        },
      });
  }

  /** Fetches the list price the chosen proposal would take and, unless the manager typed one, shows it in the field. */
  private showListPrice(proposal: ProposalResponse | undefined): void {
    this.listed.set(null);
    const value = this.allocateForm.getRawValue();
    if (!proposal || !value.startsOn) {
      return;
    }
    this.priceList.inForce(proposal.floorId, value.programKind as ProgramKind, value.startsOn).subscribe({
      next: (listed) => {
        this.listed.set(listed);
        const price = this.allocateForm.controls.price;
        if (listed.monthlyPricePerM2Cents !== null && !price.dirty) {
          price.setValue(centsToEuros(listed.monthlyPricePerM2Cents, this.locale()));
        }
      },
      error: () => this.listed.set(null),
    });
  }

  private selectLease(leaseId: string, startupId: string): void {
    this.selectedLeaseId.set(leaseId);
    this.lease.set(null);
    this.cancelResize();
    this.terminateOpen.set(false);
    this.space.leases(startupId).subscribe({
      next: (leases) => {
        if (this.selectedLeaseId() === leaseId) {
          this.lease.set(leases.find((lease) => lease.id === leaseId) ?? null);
        }
      },
      error: () => this.lease.set(null),
    });
  }

  private clearLease(): void {
    this.selectedLeaseId.set(null);
    this.lease.set(null);
    this.cancelResize();
  }

  private loadBuildings(siteId: string): void {
    this.buildings.set([]);
    this.floors.set([]);
    this.plan.set(null);
    this.buildingControl.setValue('', { emitEvent: false });
    this.floorControl.setValue('', { emitEvent: false });
    if (!siteId) {
      return;
    }
    this.space.buildings(siteId).subscribe({
      next: (buildings) => {
        this.buildings.set(buildings);
        if (buildings.length > 0) {
          this.buildingControl.setValue(buildings[0].id);
        }
      },
      error: () => this.loadFailed.set(true),
    });
  }

  private loadFloors(buildingId: string): void {
    this.floors.set([]);
    this.plan.set(null);
    this.floorControl.setValue('', { emitEvent: false });
    if (!buildingId) {
      return;
    }
    this.space.floors(buildingId).subscribe({
      next: (floors) => {
        this.floors.set(floors);
        if (floors.length > 0) {
          this.floorControl.setValue(floors[0].id);
        }
      },
      error: () => this.loadFailed.set(true),
    });
  }

  private loadPlan(): void {
    const floorId = this.floorControl.value;
    const on = this.dateControl.value;
    if (!floorId || !/^\d{4}-\d{2}-\d{2}$/.test(on)) {
      this.plan.set(null);
      return;
    }
    this.space.plan(floorId, on).subscribe({
      next: (plan) => {
        this.loadFailed.set(false);
        this.plan.set(plan);
        if (this.selectedLeaseId() && !plan.modules.some((m) => m.lease?.id === this.selectedLeaseId())) {
          this.clearLease();
        }
      },
      error: () => this.loadFailed.set(true),
    });
  }

  private notify(key: string): void {
    this.snackBar.open(this.transloco.translate(key), undefined, { duration: 5000 });
  }
}

function toOptions(items: readonly { id: string; name: string }[]): SelectOption[] {
  return items.map((item) => ({ value: item.id, label: item.name }));
}
