import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { MilestoneResponse, Permission, StartupResponse } from '@incubator/contracts';
import { catchError, forkJoin, of } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { FormError, formError, httpStatus } from '../../core/forms/api-error';
import { MilestonesService } from '../../core/milestones/milestones.service';
import { StartupsService } from '../../core/startups/startups.service';
import { MilestoneListComponent, upsertMilestone } from '../pipeline/milestones/milestone-list.component';
import { StartupForm, startupForm, toUpdateRequest } from '../pipeline/startup-form/startup-form';
import { StartupFieldsComponent } from '../pipeline/startup-form/startup-fields.component';
import { MyOfficeComponent } from './my-office.component';
import { PortalState, PortalStateComponent } from './portal-state.component';
import { PortalTodoComponent } from './portal-todo.component';

/** A startup member's own startup: its profile, which they keep up to date, and its milestones. */
@Component({
  selector: 'app-startup-page',
  imports: [
    MatButtonModule,
    MilestoneListComponent,
    MyOfficeComponent,
    PortalStateComponent,
    PortalTodoComponent,
    ReactiveFormsModule,
    StartupFieldsComponent,
    TranslocoDirective,
  ],
  templateUrl: './startup.page.html',
  styleUrl: './startup.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StartupPage {
  private readonly auth = inject(AuthService);
  private readonly startupsApi = inject(StartupsService);
  private readonly milestonesApi = inject(MilestonesService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly state = signal<PortalState>('loading');
  protected readonly startup = signal<StartupResponse | null>(null);
  protected readonly milestones = signal<MilestoneResponse[]>([]);
  protected readonly form = signal<StartupForm | null>(null);
  protected readonly saving = signal(false);
  protected readonly error = signal<FormError | null>(null);
  protected readonly canEdit = computed(() => this.auth.permissions().includes(Permission.StartupsEdit));
  protected readonly canWriteMilestones = computed(() => this.auth.permissions().includes(Permission.MilestonesWrite));
  protected readonly canReview = computed(() => this.auth.permissions().includes(Permission.MilestonesReview));

  constructor() {
    const startupId = this.auth.user()?.startupId;
    if (!startupId) {
      this.state.set('noStartup');
      return;
    }
    forkJoin({
      startup: this.startupsApi.get(startupId),
      milestones: this.milestonesApi.list(startupId),
    })
      .pipe(
        catchError((error: unknown) => of(httpStatus(error))),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        if (result === null || typeof result === 'number') {
          this.state.set(result === 404 ? 'noStartup' : 'failed');
          return;
        }
        this.show(result.startup);
        this.milestones.set(result.milestones);
        this.state.set('loaded');
      });
  }

  protected save(): void {
    const form = this.form();
    const startup = this.startup();
    if (!form || !startup || this.saving()) {
      return;
    }
    if (form.invalid) {
      form.markAllAsTouched();
      return;
    }
    const change = toUpdateRequest(form, startup);
    if (Object.keys(change).length === 0) {
      this.notify('portal.unchanged');
      return;
    }
    this.saving.set(true);
    this.error.set(null);
    this.startupsApi.update(startup.id, change).subscribe({
      next: (updated) => {
        this.saving.set(false);
        this.show(updated);
        this.notify('portal.saved');
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.error.set(formError(form, error));
      },
    });
  }

  protected milestoneChanged(milestone: MilestoneResponse): void {
    this.milestones.update((list) => upsertMilestone(list, milestone));
  }

  private show(startup: StartupResponse): void {
    this.startup.set(startup);
    this.form.set(this.canEdit() ? startupForm(this.fb, startup) : null);
  }

  private notify(key: string): void {
    this.snackBar.open(this.transloco.translate(key), undefined, { duration: 5000 });
  }
}
