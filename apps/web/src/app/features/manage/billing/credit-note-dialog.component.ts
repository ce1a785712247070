import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { TranslocoDirective } from '@jsverse/transloco';
import { CreateCreditNoteRequest, InvoiceDetail, InvoiceLine, Locale } from '@incubator/contracts';
import { billingLabels, euros, formatCents, parseEuros } from '../../../core/billing/billing-format';
import { BillingService } from '../../../core/billing/billing.service';
import { submitForm, submitState } from '../../../core/forms/submit-form';
import { VALIDATE_WHILE_TYPING } from '../../../core/forms/form-validation';
import { LocaleService } from '../../../core/i18n/locale.service';
import { DialogShellComponent } from '../../../core/ui/dialog-shell/dialog-shell.component';
import { FormFieldComponent } from '../../../core/ui/form-field/form-field.component';

/**
 * The request a credit note form makes: the whole invoice (no lines), or the amounts typed per line
 * (positive cents; lines left empty are not credited). Null when partial and nothing is typed.
 */
export function creditNoteRequest(reason: string, partial: boolean, lines: InvoiceLine[], amounts: string[]): CreateCreditNoteRequest | null {
  if (!partial) {
    return { reason: reason.trim() };
  }
  const credited = lines
    .map((line, i) => ({ lineId: line.id, amountCents: parseEuros(amounts[i] ?? '') ?? 0 }))
    .filter((line) => line.amountCents > 0);
  return credited.length ? { reason: reason.trim(), lines: credited } : null;
}

/** At most the line's own amount can be credited. */
function atMost(cents: number, locale: Locale) {
  return (control: { value: unknown }): ValidationErrors | null => {
    const typed = typeof control.value === 'string' && control.value !== '' ? parseEuros(control.value) : null;
    return typed !== null && typed > Math.abs(cents) ? { max: { max: formatCents(Math.abs(cents), locale) } } : null;
  };
}

/** Corrects an issued invoice by a credit note, whole or partial, with its reason; closes with the credit note. */
@Component({
  selector: 'app-credit-note-dialog',
  imports: [DialogShellComponent, FormFieldComponent, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatRadioModule, ReactiveFormsModule, TranslocoDirective],
  providers: [VALIDATE_WHILE_TYPING],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate *transloco="let t">
      <app-dialog-shell
        [title]="t('billing.creditNote.title', { number: invoice.number })"
        [state]="submission"
        [submitLabel]="t('billing.creditNote.submit')"
        testId="credit-note"
        submitTestId="credit-note-confirm"
      >
        <div class="form-stack">
          <app-form-field [control]="form.controls.reason" [label]="t('billing.creditNote.reason')" type="multiline" [maxLength]="500" testId="credit-note-reason" />
          <mat-radio-group [formControl]="form.controls.partial" [attr.aria-label]="t('billing.creditNote.scope')">
            <mat-radio-button [value]="false" data-testid="credit-note-whole">{{ t('billing.creditNote.whole', { amount: money(invoice.totalInclVatCents) }) }}</mat-radio-button>
            <mat-radio-button [value]="true" data-testid="credit-note-partial">{{ t('billing.creditNote.partial') }}</mat-radio-button>
          </mat-radio-group>
          @if (partial()) {
            <p class="muted">{{ t('billing.creditNote.partialHint') }}</p>
            @for (line of invoice.lines; track line.id; let i = $index) {
              <app-form-field
                [control]="amounts.at(i)"
                [label]="line.label + ' — ' + t(labels.lineKind(line.kind)) + ' (' + money(line.amountCents) + ')'"
                inputMode="decimal"
                suffix="€ HT"
                [testId]="'credit-note-line-' + line.position"
              />
            }
            @if (nothingTyped()) {
              <p class="form-error" role="alert">{{ t('billing.creditNote.nothing') }}</p>
            }
          }
        </div>
      </app-dialog-shell>
    </form>
  `,
  styles: `
    mat-radio-group {
      display: flex;
      flex-direction: column;
      margin-bottom: 0.5rem;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CreditNoteDialogComponent {
  private readonly billing = inject(BillingService);
  private readonly dialogRef = inject<MatDialogRef<CreditNoteDialogComponent, InvoiceDetail>>(MatDialogRef);
  private readonly locale = inject(LocaleService).locale;
  protected readonly invoice = inject<InvoiceDetail>(MAT_DIALOG_DATA);
  protected readonly labels = billingLabels;

  protected readonly amounts = new FormArray(
    this.invoice.lines.map((line) => new FormControl('', { nonNullable: true, validators: [euros(false, true), atMost(line.amountCents, this.locale())] })),
  );
  protected readonly form = new FormGroup({
    reason: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(500)] }),
    partial: new FormControl(false, { nonNullable: true }),
    amounts: this.amounts,
  });
  protected readonly partial = signal(false);
  protected readonly nothingTyped = signal(false);
  protected readonly submission = submitState();

  constructor() {
    this.form.controls.partial.valueChanges.subscribe((partial) => {
      this.partial.set(partial);
      this.nothingTyped.set(false);
    });
  }

  protected money(cents: number): string {
    return formatCents(cents, this.locale());
  }

  protected submit(): void {
    const value = this.form.getRawValue();
    const request = creditNoteRequest(value.reason, value.partial, this.invoice.lines, value.amounts);
    this.nothingTyped.set(request === null);
    if (request === null) {
      return;
    }
    submitForm(
      this.form,
      this.submission,
      () => this.billing.createCreditNote(this.invoice.id, request),
      (creditNote) => this.dialogRef.close(creditNote),
    );
  }
}
