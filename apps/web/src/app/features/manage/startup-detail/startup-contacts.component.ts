import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { normalisePhone, StartupContactRequest, StartupContactResponse } from '@incubator/contracts';
import { filter, switchMap } from 'rxjs';
import { FormError, genericError } from '../../../core/forms/api-error';
import { StartupImportService } from '../../../core/startups/startup-import.service';
import { ConfirmDialogComponent, ConfirmDialogData } from '../../../core/ui/confirm-dialog.component';

/** Sorted by name, as the API lists them. */
export function sortContacts(contacts: StartupContactResponse[]): StartupContactResponse[] {
  return [...contacts].sort((a, b) => a.name.localeCompare(b.name, 'fr', { sensitivity: 'base' }));
}

/** The people of a startup the park talks to: everyone who sees the profile sees them; managers keep them. */
@Component({
  selector: 'app-startup-contacts',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule, TranslocoDirective],
  template: `
    <section aria-labelledby="contacts-title" *transloco="let t">
      <div class="section-header">
        <h2 id="contacts-title">{{ t('contacts.title') }}</h2>
        @if (canManage() && editing() === null) {
          <button mat-stroked-button type="button" (click)="startAdd()" data-testid="contact-add">{{ t('contacts.add') }}</button>
        }
      </div>
      @if (loadFailed()) {
        <p class="form-error" role="alert">{{ t('contacts.loadFailed') }}</p>
      } @else if (contacts().length === 0 && editing() === null) {
        <p data-testid="contacts-empty">{{ t('contacts.empty') }}</p>
      }
      <ul class="contacts">
        @for (contact of contacts(); track contact.id) {
          <li data-testid="contact">
            <strong>{{ contact.name }}</strong>
            @if (contact.role) {
              <span> — {{ contact.role }}</span>
            }
            @if (contact.email) {
              <a [href]="'mailto:' + contact.email">{{ contact.email }}</a>
            }
            @if (contact.phone) {
              <a [href]="'tel:' + contact.phone">{{ contact.phone }}</a>
            }
            @if (canManage() && editing() === null) {
              <button mat-button type="button" (click)="startEdit(contact)" data-testid="contact-edit">{{ t('contacts.edit') }}</button>
              <button mat-button type="button" (click)="remove(contact)" data-testid="contact-delete">{{ t('contacts.delete') }}</button>
            }
          </li>
        }
      </ul>
      @if (editing() !== null) {
        <form [formGroup]="form" (ngSubmit)="save()" novalidate class="contact-form">
          <mat-form-field>
            <mat-label>{{ t('contacts.name') }}</mat-label>
            <input matInput formControlName="name" maxlength="200" data-testid="contact-name" />
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ t('contacts.role') }}</mat-label>
            <input matInput formControlName="role" maxlength="100" data-testid="contact-role" />
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ t('contacts.email') }}</mat-label>
            <input matInput type="email" formControlName="email" data-testid="contact-email" />
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ t('contacts.phone') }}</mat-label>
            <input matInput type="tel" formControlName="phone" data-testid="contact-phone" />
            <mat-hint>{{ t('contacts.phoneHint') }}</mat-hint>
          </mat-form-field>
          @if (saveError(); as error) {
            <p class="form-error" role="alert" data-testid="contact-error">{{ error.key ? t(error.key, error.params) : error.text }}</p>
          }
          <div class="actions">
            <button mat-button type="button" (click)="cancel()">{{ t('contacts.cancel') }}</button>
            <button mat-flat-button type="submit" [disabled]="saving()" data-testid="contact-save">{{ t('contacts.save') }}</button>
          </div>
        </form>
      }
    </section>
  `,
  styles: `
    .section-header {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 1rem;
    }
    .contacts {
      list-style: none;
      padding: 0;
    }
    .contacts li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 1rem;
      padding: 0.25rem 0;
    }
    .contact-form {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
    }
    .actions {
      display: flex;
      gap: 0.5rem;
      width: 100%;
      justify-content: flex-end;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StartupContactsComponent {
  private readonly api = inject(StartupImportService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);

  readonly startupId = input.required<string>();
  readonly canManage = input(false);

  protected readonly contacts = signal<StartupContactResponse[]>([]);
  protected readonly loadFailed = signal(false);
  /** null: not editing; '': adding; an id: editing that contact. */
  protected readonly editing = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly saveError = signal<FormError | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(200)]],
    role: ['', Validators.maxLength(100)],
    email: ['', Validators.email],
    phone: [''],
  });

  constructor() {
    effect(() => {
      const startupId = this.startupId();
      this.api.contacts(startupId).subscribe({
        next: (contacts) => {
          this.loadFailed.set(false);
          this.contacts.set(sortContacts(contacts));
        },
        error: () => this.loadFailed.set(true),
      });
    });
  }

  protected startAdd(): void {
    this.form.reset();
    this.saveError.set(null);
    this.editing.set('');
  }

  protected startEdit(contact: StartupContactResponse): void {
    this.form.reset({ name: contact.name, role: contact.role ?? '', email: contact.email ?? '', phone: contact.phone ?? '' });
    this.saveError.set(null);
    this.editing.set(contact.id);
  }

  protected cancel(): void {
    this.editing.set(null);
  }

  protected save(): void {
    const id = this.editing();
    if (id === null || this.saving()) {
      return;
    }
    const value = this.form.getRawValue();
    const phone = value.phone.trim();
    if (this.form.invalid || (phone && !normalisePhone(phone))) {
      this.form.markAllAsTouched();
      this.saveError.set({ key: phone && !normalisePhone(phone) ? 'contacts.phoneHint' : 'contacts.invalid' });
      return;
    }
    const request: StartupContactRequest = {
      name: value.name.trim(),
      role: value.role.trim() || null,
      email: value.email.trim() || null,
      phone: phone ? normalisePhone(phone) : null,
    };
    this.saving.set(true);
    const call = id === '' ? this.api.createContact(this.startupId(), request) : this.api.updateContact(this.startupId(), id, request);
    call.subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.editing.set(null);
        this.contacts.update((list) => sortContacts([...list.filter((c) => c.id !== saved.id), saved]));
        this.snackBar.open(this.transloco.translate('contacts.saved'), undefined, { duration: 4000 });
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.saveError.set(genericError(error));
      },
    });
  }

  protected remove(contact: StartupContactResponse): void {
    const t = (key: string, params?: Record<string, unknown>) => this.transloco.translate(key, params);
    this.dialog
      .open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, {
        data: { title: t('contacts.delete'), text: t('contacts.deleteConfirm', { name: contact.name }), confirm: t('contacts.delete'), cancel: t('contacts.cancel') },
        maxWidth: '95vw',
      })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        switchMap(() => this.api.deleteContact(this.startupId(), contact.id)),
      )
      .subscribe({
        next: () => {
          this.contacts.update((list) => list.filter((c) => c.id !== contact.id));
          this.snackBar.open(t('contacts.deleted'), undefined, { duration: 4000 });
        },
        error: (error: unknown) => {
          const message = genericError(error);
          this.snackBar.open(message.text ?? t(message.key), undefined, { duration: 5000 });
        },
      });
  }
}
