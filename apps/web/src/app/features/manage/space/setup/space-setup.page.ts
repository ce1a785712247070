import { ChangeDetectionStrategy, Component, OnInit, inject, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatListModule } from '@angular/material/list';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoDirective } from '@jsverse/transloco';
import { FloorGridResponse, FloorResponse, FloorUpdateResponse, SetupBuildingResponse, SetupSiteResponse, SITE_KINDS, SiteKind } from '@incubator/contracts';
import { Observable } from 'rxjs';
import { apiError } from '../../../../core/forms/api-error';
import { SpaceSetupService } from '../../../../core/space/space-setup.service';
import { FloorEditorComponent } from './floor-editor.component';

interface SiteForm {
  id: string | null;
  name: string;
  address: string;
  city: string;
  kind: SiteKind;
}

interface FloorForm {
  id: string | null;
  level: number;
  name: string;
}

/** Sites, their buildings and floors, and the floor-plan editor: the space of a new park, set up in the browser. */
@Component({
  selector: 'app-space-setup-page',
  imports: [
    FormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatListModule,
    MatSelectModule,
    TranslocoDirective,
    FloorEditorComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: 24px; }
    .row { display: flex; gap: 8px; flex-wrap: wrap; align-items: center; }
    .selected { font-weight: 600; }
    .archived { opacity: 0.6; }
  `,
  template: `
    <section *transloco="let t; prefix: 'spaceSetup'">
      <h1>{{ t('title') }}</h1>
      @if (error()) {
        <p role="alert" data-testid="setup-error">{{ error() }}</p>
      }
      <div class="columns">
        <div>
          <h2>{{ t('sites.title') }}</h2>
          <mat-checkbox [ngModel]="showArchived()" (ngModelChange)="showArchived.set($event); loadSites()" data-testid="show-archived">{{ t('sites.showArchived') }}</mat-checkbox>
          <mat-action-list data-testid="site-list">
            @for (site of sites(); track site.id) {
              <button mat-list-item type="button" (click)="selectSite(site)" [class.selected]="site.id === siteId()" [class.archived]="site.archivedAt">
                <span matListItemTitle>{{ site.name }}</span>
                <span matListItemLine>{{ site.city }} · {{ t('kinds.' + site.kind) }}{{ site.archivedAt ? ' · ' + t('archived') : '' }}</span>
              </button>
            }
          </mat-action-list>
          <form class="form-stack" (ngSubmit)="saveSite()" data-testid="site-form">
            <mat-form-field><mat-label>{{ t('sites.name') }}</mat-label><input matInput name="name" [(ngModel)]="siteForm.name" required maxlength="200" /></mat-form-field>
            <mat-form-field><mat-label>{{ t('sites.address') }}</mat-label><input matInput name="address" [(ngModel)]="siteForm.address" maxlength="500" /></mat-form-field>
            <mat-form-field><mat-label>{{ t('sites.city') }}</mat-label><input matInput name="city" [(ngModel)]="siteForm.city" required maxlength="120" /></mat-form-field>
            <mat-form-field>
              <mat-label>{{ t('sites.kind') }}</mat-label>
              <mat-select name="kind" [(ngModel)]="siteForm.kind">
                @for (kind of kinds; track kind) {
                  <mat-option [value]="kind">{{ t('kinds.' + kind) }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
            <div class="row">
              <button mat-flat-button type="submit">{{ siteForm.id ? t('save') : t('sites.create') }}</button>
              @if (siteForm.id) {
                <button mat-stroked-button type="button" (click)="archiveSite()">{{ selectedSite()?.archivedAt ? t('restore') : t('archive') }}</button>
                <button mat-button type="button" (click)="newSite()">{{ t('sites.new') }}</button>
              }
            </div>
          </form>
        </div>

        @if (siteId()) {
          <div>
            <h2>{{ t('buildings.title') }}</h2>
            <mat-action-list data-testid="building-list">
              @for (building of buildings(); track building.id) {
                <button mat-list-item type="button" (click)="selectBuilding(building)" [class.selected]="building.id === buildingId()" [class.archived]="building.archivedAt">
                  {{ building.name }}{{ building.archivedAt ? ' · ' + t('archived') : '' }}
                </button>
              }
            </mat-action-list>
            <div class="row">
              <mat-form-field><mat-label>{{ t('buildings.name') }}</mat-label><input matInput [(ngModel)]="buildingName" maxlength="120" data-testid="building-name" /></mat-form-field>
              <button mat-flat-button type="button" (click)="saveBuilding()">{{ buildingId() ? t('save') : t('buildings.create') }}</button>
              @if (buildingId()) {
                <button mat-stroked-button type="button" (click)="archiveBuilding()">{{ t('archive') }}</button>
                <button mat-button type="button" (click)="selectBuilding(null)">{{ t('buildings.new') }}</button>
              }
            </div>
          </div>
        }

        @if (buildingId()) {
          <div>
            <h2>{{ t('floors.title') }}</h2>
            <mat-action-list data-testid="floor-list">
              @for (floor of floors(); track floor.id) {
                <button mat-list-item type="button" (click)="editFloor(floor)" [class.selected]="floor.id === floorForm().id">
                  {{ t('floors.line', { level: floor.level, name: floor.name, m2: floor.leasableM2 }) }}
                </button>
              }
            </mat-action-list>
            <button mat-stroked-button type="button" (click)="newFloor()" data-testid="new-floor">{{ t('floors.new') }}</button>
          </div>
        }
      </div>

      @if (editing()) {
        <h2>{{ floorForm().id ? t('floors.edit') : t('floors.new') }}</h2>
        <div class="row">
          <mat-form-field><mat-label>{{ t('floors.level') }}</mat-label><input matInput type="number" [(ngModel)]="floorForm().level" data-testid="floor-level" /></mat-form-field>
          <mat-form-field><mat-label>{{ t('floors.name') }}</mat-label><input matInput [(ngModel)]="floorForm().name" maxlength="120" data-testid="floor-name" /></mat-form-field>
        </div>
        <app-floor-editor [layout]="grid()?.layout ?? 'MMMM\\n....\\nMMMM'" [zones]="grid()?.zones ?? []" [leasedCells]="leasedCells()" />
        <div class="row">
          <button mat-flat-button type="button" (click)="saveFloor()" data-testid="save-floor">{{ t('floors.save') }}</button>
          @if (floorForm().id) {
            <button mat-stroked-button type="button" (click)="archiveFloor()">{{ t('archive') }}</button>
          }
        </div>
        @if (saved()) {
          <p data-testid="floor-saved">{{ t('floors.saved', { added: saved()?.added, retired: saved()?.retired, m2: (saved()?.moduleCount ?? 0) * 24 }) }}</p>
        }
      }
    </section>
  `,
})
export class SpaceSetupPage implements OnInit {
  private readonly api = inject(SpaceSetupService);
  private readonly editor = viewChild(FloorEditorComponent);

  readonly kinds = SITE_KINDS;
  readonly sites = signal<SetupSiteResponse[]>([]);
  readonly buildings = signal<SetupBuildingResponse[]>([]);
  readonly floors = signal<FloorResponse[]>([]);
  readonly showArchived = signal(false);
  readonly siteId = signal<string | null>(null);
  readonly selectedSite = signal<SetupSiteResponse | null>(null);
  readonly buildingId = signal<string | null>(null);
  readonly editing = signal(false);
  readonly grid = signal<FloorGridResponse | null>(null);
  readonly leasedCells = signal<ReadonlySet<string>>(new Set());
  readonly floorForm = signal<FloorForm>({ id: null, level: 0, name: '' });
  readonly error = signal<string | null>(null);
  readonly saved = signal<FloorUpdateResponse | null>(null);
  siteForm: SiteForm = emptySite();
  buildingName = '';

  ngOnInit(): void {
    this.loadSites();
  }

  loadSites(): void {
    this.run(this.api.sites(this.showArchived()), (sites) => this.sites.set(sites));
  }

  selectSite(site: SetupSiteResponse): void {
    this.siteId.set(site.id);
    this.selectedSite.set(site);
    this.siteForm = { id: site.id, name: site.name, address: site.address ?? '', city: site.city, kind: site.kind };
    this.selectBuilding(null);
    this.run(this.api.buildings(site.id), (buildings) => this.buildings.set(buildings));
  }

  newSite(): void {
    this.siteForm = emptySite();
    this.siteId.set(null);
    this.selectedSite.set(null);
  }

  saveSite(): void {
    const { id, name, address, city, kind } = this.siteForm;
    const request = { name, address: address.trim() || null, city, kind };
    this.run(id ? this.api.updateSite(id, request) : this.api.createSite(request), (site) => {
      this.loadSites();
      this.selectSite(site);
    });
  }

  archiveSite(): void {
    const site = this.selectedSite();
    if (site) this.run(this.api.archiveSite(site.id, !site.archivedAt), () => (this.newSite(), this.loadSites()));
  }

  selectBuilding(building: SetupBuildingResponse | null): void {
    this.buildingId.set(building?.id ?? null);
    this.buildingName = building?.name ?? '';
    this.editing.set(false);
    if (building) this.run(this.api.floors(building.id), (floors) => this.floors.set(floors));
  }

  saveBuilding(): void {
    const siteId = this.siteId();
    const id = this.buildingId();
    if (!siteId) return;
    this.run(id ? this.api.renameBuilding(id, this.buildingName) : this.api.createBuilding(siteId, this.buildingName), (building) => {
      this.run(this.api.buildings(siteId), (buildings) => this.buildings.set(buildings));
      this.selectBuilding({ ...building, archivedAt: null });
    });
  }

  archiveBuilding(): void {
    const id = this.buildingId();
    const site = this.selectedSite();
    if (id && site) this.run(this.api.archiveBuilding(id), () => this.selectSite(site));
  }

  newFloor(): void {
    this.grid.set(null);
    this.leasedCells.set(new Set());
    this.floorForm.set({ id: null, level: this.floors().length, name: '' });
    this.editing.set(true);
  }

  /** Opens a floor in the editor; `saved` is what the save that led here did (shown once the grid is loaded). */
  editFloor(floor: FloorResponse, saved: FloorUpdateResponse | null = null): void {
    this.run(this.api.grid(floor.id), (grid) => {
      this.saved.set(saved);
      this.grid.set(grid);
      this.leasedCells.set(new Set(grid.modules.filter((m) => m.leasedBy).map((m) => `${m.col},${m.row}`)));
      this.floorForm.set({ id: grid.id, level: grid.level, name: grid.name });
      this.editing.set(true);
    });
  }

  saveFloor(): void {
    const editor = this.editor();
    const buildingId = this.buildingId();
    if (!editor || !buildingId) return;
    const { id, level, name } = this.floorForm();
    const request = { level: Number(level), name, layout: editor.layoutText(), zones: editor.zoneList() };
    const reload = () => this.run(this.api.floors(buildingId), (floors) => this.floors.set(floors));
    if (id) {
      this.run(this.api.saveGrid(id, request), (result) => {
        this.saved.set(result);
        reload();
      });
    } else {
      this.run(this.api.createFloor({ buildingId, level: request.level, name, layout: request.layout }), (floor) => {
        const created = { added: floor.moduleCount, retired: 0, moduleCount: floor.moduleCount };
        const done = () => (reload(), this.editFloor(floor, created));
        if (request.zones.length) this.run(this.api.saveGrid(floor.id, request), done);
        else done();
      });
    }
  }

  archiveFloor(): void {
    const id = this.floorForm().id;
    const buildingId = this.buildingId();
    if (id && buildingId)
      this.run(this.api.archiveFloor(id), () => {
        this.editing.set(false);
        this.run(this.api.floors(buildingId), (floors) => this.floors.set(floors));
      });
  }

  private run<T>(request: Observable<T>, next: (value: T) => void): void {
    this.error.set(null);
    this.saved.set(null);
    request.subscribe({ next, error: (e: unknown) => this.error.set(apiError(e)?.message ?? String(e)) });
  }
}

function emptySite(): SiteForm {
  return { id: null, name: '', address: '', city: '', kind: 'campus' };
}
