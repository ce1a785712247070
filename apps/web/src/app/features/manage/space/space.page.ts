import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
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
  ProgramKind,
  ProposalReason,
  ProposalRequest,
  ProposalResponse,
  SiteResponse,
} from '@incubator/contracts';
import { concatMap, filter, first, from, map, Observable, of } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { FormError, genericError } from '../../../core/forms/api-error';
import { SelectFieldComponent, SelectOption } from '../../../core/forms/select-field.component';
import { CalendarDatePipe } from '../../../core/i18n/calendar-date.pipe';
import { LocaleService } from '../../../core/i18n/locale.service';
import { OrganisationService } from '../../../core/organisation/organisation.service';
import { PriceListService } from '../../../core/space/price-list.service';
import { addDays } from '../../../core/programs/cohort-dates';
import { StartupsService } from '../../../core/startups/startups.service';
import { centsToEuros, formatCents } from '../../../core/space/money';
import { officeRequestForm, officeRequestValue } from '../../../core/space/office-request';
import { OfficeRequestFieldsComponent } from '../../../core/space/office-request-fields.component';
import { Cell, legend, MODULE_M2, moduleName, moduleNames, PlanCell, resizeRefusal, ResizeRefusal } from '../../../core/space/plan-layout';
import { DateFieldComponent } from '../../../core/ui/form-field/date-field.component';
import { SpaceService } from '../../../core/space/space.service';
import { today } from '../../../core/space/today';
import { FloorDialogComponent, FloorDialogData } from './floor-dialog.component';
import { FloorPlanComponent } from './floor-plan.component';


export type ResizeMode = 'grow' | 'shrink';

interface PendingResize {
  mode: ResizeMode;
  moduleId: string;
  cell: Cell;
  /** The module's name on the plan (B4). */
  name: string;
}

interface Refused {
  reason: ResizeRefusal;
  name: string;
}

/** Where the page opens: the first site with a floor, with the lists read to find it (not asked twice). */
interface PlanPlace {
  siteId: string;
  buildings: BuildingResponse[];
  buildingId: string;
  floors: FloorResponse[];
  floorId: string;
}

/** A floor's plan on a day, with allocating new offices and growing or shrinking one. */
@Component({
  selector: 'app-space-page',
  imports: [
    CalendarDatePipe,
    DateFieldComponent,
    FloorPlanComponent,
    OfficeRequestFieldsComponent,
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
  private readonly route = inject(ActivatedRoute);
  /** The building and floor to choose once their lists arrive (the first place with a plan, or a proposal's). */
  private preferred: PlanPlace | null = null;
  /** Set while the floor and the day change together: the plan is read once, after both. */
  private holdPlan = false;

  protected readonly locale = inject(LocaleService).locale;
  protected readonly canManage = computed(() => this.auth.permissions().includes(Permission.SpaceManage));

  protected readonly siteControl = new FormControl('', { nonNullable: true });
  protected readonly buildingControl = new FormControl('', { nonNullable: true });
  protected readonly floorControl = new FormControl('', { nonNullable: true });
  protected readonly dateControl = new FormControl(today(), { nonNullable: true, validators: Validators.required });

  protected readonly sites = signal<SiteResponse[]>([]);
  protected readonly buildings = signal<BuildingResponse[]>([]);
  protected readonly floors = signal<FloorResponse[]>([]);
  protected readonly plan = signal<FloorPlanResponse | null>(null);
  protected readonly loadFailed = signal(false);
  /** No site of the organisation has a floor yet: the page says where to draw one. */
  protected readonly noPlanAnywhere = signal(false);
  /** The buildings of the chosen site have arrived (none: the page says so). */
  protected readonly buildingsLoaded = signal(false);
  /** Set when the plan's date was moved to show a new lease: its first day. */
  protected readonly planMovedTo = signal<string | null>(null);
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
  // Price empty: the site's list price in force on the start date; typed: a negotiated price that overrides it.
  protected readonly allocateForm = officeRequestForm(this.fb, { priceRequired: false });
  /** The waitlist request this allocation answers (opened from its "make an offer"); taken off the list once leased. */
  /** The waitlist request the allocate panel was opened for ("Proposer un bureau"): its lease answers it. */
  private waitlistRequest: { id: string; startupId: string } | null = null;
  /** The list price for the chosen proposal's floor, kind and start date (null price: the list has none). */
  protected readonly listed = signal<PriceInForceResponse | null>(null);
  protected readonly proposals = signal<ProposalResponse[]>([]);
  protected readonly proposed = signal<number | null>(null);
  /** The proposal under the pointer or keyboard focus: its modules are outlined on the plan meanwhile. */
  protected readonly hovered = signal<number | null>(null);
  protected readonly proposing = signal(false);
  protected readonly allocating = signal(false);
  protected readonly allocateError = signal<FormError | null>(null);
  protected readonly proposedModuleIds = computed(() => {
    const index = this.hovered() ?? this.proposed();
    const proposal = index === null ? null : this.proposals()[index];
    return proposal && proposal.floorId === this.plan()?.floor.id ? proposal.moduleIds : [];
  });

  // The selected lease and its resize
  protected readonly selectedLeaseId = signal<string | null>(null);
  protected readonly lease = signal<LeaseResponse | null>(null);
  protected readonly resizeMode = signal<ResizeMode | null>(null);
  protected readonly pending = signal<PendingResize | null>(null);
  protected readonly refused = signal<Refused | null>(null);
  /** The rent once the pending change applies, at the lease's price: [now, after] in cents; null when the price is withheld. */
  protected readonly rentPreview = computed<[number, number] | null>(() => {
    const pending = this.pending();
    const lease = this.lease();
    if (!pending || !lease || lease.monthlyPricePerM2Cents === null || lease.monthlyRentCents === null) {
      return null;
    }
    const modules = lease.moduleIds.length + (pending.mode === 'grow' ? 1 : -1);
    return [lease.monthlyRentCents, modules * MODULE_M2 * lease.monthlyPricePerM2Cents];
  });
  protected readonly resizeEffective = new FormControl(today(), { nonNullable: true, validators: Validators.required });
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

  /** Where the office is on the plan, by module name in reading order: "A1 B1 C1". */
  protected readonly officeCells = computed(() => moduleNames(this.office()));
  protected readonly lastDay = (endsOn: string) => addDays(endsOn, -1);
  // null: a figure the API withholds from this caller (board members get no rent per lease).
  protected readonly money = (cents: number | null) => (cents === null ? '—' : formatCents(cents, this.locale()));
  /** A module's accessible name and tooltip: its name, and who leases it or its state (never an id). */
  protected readonly describe = (cell: PlanCell): string => {
    const lease = cell.module.lease;
    const name = moduleName(cell);
    return cell.state === 'leased' && lease
      ? this.transloco.translate('space.plan.leasedBy', { module: name, startup: lease.startupName })
      : this.transloco.translate('space.plan.moduleState', { module: name, state: this.transloco.translate(`space.plan.states.${cell.state}`) });
  };
  /** A proposal's reasons in words, in the order the ranking weighs them. */
  protected readonly reasonText = (reason: ProposalReason): string => {
    const { code, ...params } = reason;
    return this.transloco.translate(`space.allocate.reasons.${code}`, params);
  };
  protected readonly proposalModules = (proposal: ProposalResponse): string => proposal.modules.map((m) => m.name).join(' ');

  constructor() {
    this.organisation
      .get()
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (organisation) => {
          this.sites.set(organisation.sites);
          this.openFirstPlan(organisation.sites);
        },
        error: () => this.loadFailed.set(true),
      });
    this.fillFromQuery();
    this.siteControl.valueChanges.pipe(takeUntilDestroyed()).subscribe((siteId) => this.loadBuildings(siteId));
    this.buildingControl.valueChanges.pipe(takeUntilDestroyed()).subscribe((id) => this.loadFloors(id));
    this.floorControl.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.loadPlan());
    this.dateControl.valueChanges.pipe(takeUntilDestroyed()).subscribe((day) => {
      if (day !== this.planMovedTo()) {
        this.planMovedTo.set(null);
      }
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
      const reason = resizeRefusal(mode, cell, leaseId, this.office());
      const name = moduleName(cell);
      if (reason === null) {
        this.pending.set({ mode, moduleId: cell.module.id, cell: { col: cell.col, row: cell.row }, name });
        this.refused.set(null);
        this.resizeError.set(null);
      } else {
        // Said, not ignored: the manager learns why this module cannot be the change.
        this.refused.set({ reason, name });
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
    this.refused.set(null);
    this.resizeError.set(null);
    this.resizeEffective.setValue(this.dateControl.value);
  }

  protected cancelResize(): void {
    this.resizeMode.set(null);
    this.pending.set(null);
    this.refused.set(null);
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
    const value = officeRequestValue(form);
    const request: ProposalRequest = {
      areaM2: value.areaM2,
      startsOn: value.startsOn,
      ...(value.endsOn ? { endsOn: value.endsOn } : {}),
      startupId: value.startupId,
      programKind: value.programKind,
      ...this.scope(),
    };
    this.proposing.set(true);
    this.allocateError.set(null);
    this.proposals.set([]);
    this.proposed.set(null);
    this.hovered.set(null);
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

  protected hoverProposal(index: number | null): void {
    this.hovered.set(index);
  }

  protected confirmProposal(): void {
    const index = this.proposed();
    const proposal = index === null ? null : this.proposals()[index];
    const value = officeRequestValue(this.allocateForm);
    // No price typed (or the list price shown as is): the server takes the list price in force on the start date.
    const typed = this.allocateForm.controls.price.dirty && value.priceCents !== null;
    if (!proposal || this.allocateForm.controls.price.invalid || this.allocating()) {
      return;
    }
    this.allocating.set(true);
    this.allocateError.set(null);
    const request = {
      startupId: value.startupId,
      moduleIds: proposal.moduleIds,
      startsOn: value.startsOn,
      ...(value.endsOn ? { endsOn: value.endsOn } : {}),
      programKind: value.programKind,
      ...(typed && value.priceCents !== null ? { monthlyPricePerM2Cents: value.priceCents } : {}),
    };
    // Still the request's startup: the lease answers the request (accepted with it, in one transaction).
    const answered = this.waitlistRequest?.startupId === value.startupId ? this.waitlistRequest : null;
    (answered ? this.space.fulfilWaitlist(answered.id, request) : this.space.createLease(request))
      .subscribe({
        next: (lease) => {
          this.allocating.set(false);
          this.proposals.set([]);
          this.proposed.set(null);
          this.hovered.set(null);
          this.notify(answered ? 'space.allocate.waitlistAnswered' : 'space.allocate.created');
          if (answered) this.waitlistRequest = null;
          // The plan shows the new lease: one not yet begun on the plan's day moves the plan to its first day.
          const covers = lease.startsOn <= this.dateControl.value && (lease.endsOn === null || this.dateControl.value < lease.endsOn);
          this.holdPlan = true;
          if (!covers) {
            this.planMovedTo.set(lease.startsOn);
            this.dateControl.setValue(lease.startsOn);
          }
          if (proposal.floorId !== this.floorControl.value && this.floors().some((f) => f.id === proposal.floorId)) {
            this.floorControl.setValue(proposal.floorId);
          }
          this.holdPlan = false;
          this.loadPlan();
          this.selectLease(lease.id, lease.startupId);
        },
        error: (error: unknown) => {
          this.allocating.set(false);
          this.allocateError.set(genericError(error));
        },
      });
  }

  /** Opens the waitlist's "make an offer": the request's startup, area, dates and kind, proposing at once. */
  private fillFromQuery(): void {
    const query = this.route.snapshot.queryParamMap;
    const startupId = query.get('startupId');
    const areaM2 = query.get('areaM2');
    if (!this.canManage() || !startupId || !areaM2) {
      return;
    }
    const day = (value: string | null) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : '');
    this.allocateForm.patchValue({
      startupId,
      areaM2,
      startsOn: day(query.get('startsOn')) || today(),
      lastDay: day(query.get('lastDay')),
      programKind: query.get('programKind') ?? 'incubator',
    });
    const waitlistId = query.get('waitlistId');
    this.waitlistRequest = waitlistId ? { id: waitlistId, startupId } : null;
    this.propose();
  }

  /**
   * Opens on the first site (in the organisation's order) with a building that has a floor, rather than
   * a blank plan; none anywhere and the page says where floors are drawn.
   */
  private openFirstPlan(sites: SiteResponse[]): void {
    const placeOf = (site: SiteResponse): Observable<PlanPlace | null> =>
      this.space.buildings(site.id).pipe(
        concatMap((buildings) =>
          from(buildings).pipe(
            concatMap((building) => this.space.floors(building.id).pipe(map((floors) => ({ building, floors })))),
            first(({ floors }) => floors.length > 0, null),
            map((found) =>
              found ? { siteId: site.id, buildings, buildingId: found.building.id, floors: found.floors, floorId: found.floors[0].id } : null,
            ),
          ),
        ),
        // A site without buildings emits nothing above.
        first(() => true, null),
      );
    const query = this.route.snapshot.queryParamMap.get('siteId');
    const ordered = [...sites].sort((a, b) => Number(b.id === query) - Number(a.id === query));
    from(ordered)
      .pipe(
        concatMap(placeOf),
        // The first site with a plan; null when every site was asked and none has one.
        first((place): place is PlanPlace => place !== null, null),
      )
      .subscribe({
        next: (place) => {
          if (place) {
            this.preferred = place;
            this.siteControl.setValue(place.siteId);
          } else {
            this.noPlanAnywhere.set(true);
            if (sites.length > 0) {
              this.siteControl.setValue(sites[0].id);
            }
          }
        },
        error: () => this.loadFailed.set(true),
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
    this.buildingsLoaded.set(false);
    this.floors.set([]);
    this.plan.set(null);
    this.buildingControl.setValue('', { emitEvent: false });
    this.floorControl.setValue('', { emitEvent: false });
    if (!siteId) {
      return;
    }
    const known = this.preferred?.siteId === siteId ? of(this.preferred.buildings) : this.space.buildings(siteId);
    known.subscribe({
      next: (buildings) => {
        this.buildings.set(buildings);
        this.buildingsLoaded.set(true);
        const preferred = this.preferred?.siteId === siteId ? buildings.find((b) => b.id === this.preferred?.buildingId) : undefined;
        if (buildings.length > 0) {
          this.buildingControl.setValue((preferred ?? buildings[0]).id);
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
    const known = this.preferred?.buildingId === buildingId ? of(this.preferred.floors) : this.space.floors(buildingId);
    known.subscribe({
      next: (floors) => {
        this.floors.set(floors);
        const preferred = this.preferred?.buildingId === buildingId ? floors.find((f) => f.id === this.preferred?.floorId) : undefined;
        this.preferred = null;
        if (floors.length > 0) {
          this.floorControl.setValue((preferred ?? floors[0]).id);
        }
      },
      error: () => this.loadFailed.set(true),
    });
  }

  private loadPlan(): void {
    if (this.holdPlan) {
      return;
    }
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
