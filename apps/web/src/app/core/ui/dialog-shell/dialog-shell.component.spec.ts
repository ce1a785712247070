import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog, MatDialogRef } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import { Subject } from 'rxjs';
import { afterDialogClosed, byTestId, clickOn, settle } from '../../../../testing/dom';
import { translocoTesting } from '../../../../testing/transloco-testing';
import { LocaleService } from '../../i18n/locale.service';
import { submitForm, submitState } from '../../forms/submit-form';
import { FormFieldComponent } from '../form-field/form-field.component';
import { DialogShellComponent } from './dialog-shell.component';

const answer = new Subject<string>();

@Component({
  imports: [DialogShellComponent, FormFieldComponent, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <app-dialog-shell title="New thing" [state]="submission" testId="thing">
        <app-form-field [control]="form.controls.name" label="Name" testId="thing-name" />
      </app-dialog-shell>
    </form>
  `,
})
class ThingDialogComponent {
  private readonly dialogRef = inject(MatDialogRef);
  readonly form = new FormGroup({ name: new FormControl('', { nonNullable: true, validators: Validators.required }) });
  readonly submission = submitState();

  submit(): void {
    submitForm(this.form, this.submission, () => answer, (saved) => this.dialogRef.close(saved));
  }
}

describe('DialogShellComponent', () => {
  let closed: unknown;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [translocoTesting({ translocoConfig: { defaultLang: 'fr' } })],
      providers: [provideRouter([]), { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
    TestBed.inject(LocaleService).use('fr');
    closed = 'open';
    TestBed.inject(MatDialog)
      .open(ThingDialogComponent)
      .afterClosed()
      .subscribe((value) => (closed = value));
    await settle();
  });

  afterEach(() => {
    TestBed.inject(MatDialog).closeAll();
    localStorage.clear();
  });

  it('frames the form with its title, Cancel and Save in the UI language', () => {
    expect(document.querySelector('h2')?.textContent?.trim()).toBe('New thing');
    expect(byTestId('thing-cancel').textContent?.trim()).toBe('Annuler');
    expect(byTestId('thing-submit').textContent?.trim()).toBe('Enregistrer');
  });

  it('is busy while the form is sent, then shows the error above its buttons', async () => {
    byTestId<HTMLInputElement>('thing-name').value = 'Acme';
    byTestId('thing-name').dispatchEvent(new Event('input'));
    await clickOn('thing-submit');

    expect(byTestId('thing-submit').getAttribute('aria-busy')).toBe('true');
    expect(byTestId('thing-submit').textContent?.trim()).toBe('Enregistrement…');

    answer.error(new Error('offline'));
    await settle();

    expect(byTestId('thing-submit').getAttribute('aria-busy')).toBe('false');
    expect(byTestId('thing-error').textContent).toContain('Une erreur');
    expect(closed).toBe('open');
  });

  it('closes on Cancel', async () => {
    await clickOn('thing-cancel');
    await afterDialogClosed();
    expect(closed).toBe('');
  });
});
