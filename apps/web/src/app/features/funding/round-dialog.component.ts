import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoDirective } from '@jsverse/transloco';
import {
  CURRENCIES,
  FundingRoundResponse,
  INVESTOR_KINDS,
  InvestorKind,
  InvestorResponse,
  ROUND_KINDS,
  ROUND_STATUSES,
} from '@incubator/contracts';
import { FormErrorComponent } from '../../core/forms/form-error.component';
import { httpUrl, notBlank, VALIDATE_WHILE_TYPING } from '../../core/forms/form-validation';
import { SelectFieldComponent, SelectOption } from '../../core/forms/select-field.component';
import { submitForm, submitState } from '../../core/forms/submit-form';
import { FundingService } from '../../core/funding/funding.service';
import { DialogShellComponent } from '../../core/ui/dialog-shell/dialog-shell.component';
import { DateFieldComponent } from '../../core/ui/form-field/date-field.component';
import { FormFieldComponent } from '../../core/ui/form-field/form-field.component';
import { roundForm, toRoundRequest } from './round-form';

export interface RoundDialogData {
  startupId: string;
  /** The round to edit; a new one when absent. */
  round?: FundingRoundResponse;
}

/** Creates or edits a funding round, its investors picked from the directory (or added to it). */
@Component({
  selector: 'app-round-dialog',
  imports: [
    DateFieldComponent,
    DialogShellComponent,
    FormErrorComponent,
    FormFieldComponent,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    ReactiveFormsModule,
    SelectFieldComponent,
    TranslocoDirective,
  ],
  providers: [VALIDATE_WHILE_TYPING],
  templateUrl: './round-dialog.component.html',
  styleUrl: './round-dialog.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RoundDialogComponent {
  private readonly funding = inject(FundingService);
  private readonly dialogRef = inject<MatDialogRef<RoundDialogComponent, FundingRoundResponse>>(MatDialogRef);

  protected readonly data = inject<RoundDialogData>(MAT_DIALOG_DATA);
  protected readonly kinds = ROUND_KINDS;
  protected readonly statuses = ROUND_STATUSES;
  protected readonly currencies = CURRENCIES;
  protected readonly investorKinds = INVESTOR_KINDS;
  protected readonly form = roundForm(this.data.round ?? null);
  protected readonly currency = toSignal(this.form.controls.currency.valueChanges, {
    initialValue: this.form.controls.currency.value,
  });
  protected readonly submission = submitState();

  protected readonly directory = signal<InvestorResponse[]>([]);
  protected readonly directoryFailed = signal(false);
  protected readonly search = signal('');
  protected readonly selected = signal<string[]>(this.data.round?.investors.map((i) => i.id) ?? []);
  /** The directory matching the search, the chosen investors always shown. */
  protected readonly shownInvestors = computed(() => {
    const q = this.search().trim().toLocaleLowerCase();
    const selected = new Set(this.selected());
    return this.directory().filter((i) => selected.has(i.id) || !q || i.name.toLocaleLowerCase().includes(q));
  });
  protected readonly leadOptions = computed<SelectOption[]>(() => {
    const selected = new Set(this.selected());
    return this.directory()
      .filter((i) => selected.has(i.id))
      .map((i) => ({ value: i.id, label: i.name }));
  });

  protected readonly investorForm = new FormGroup({
    name: new FormControl('', { nonNullable: true, validators: [Validators.required, notBlank, Validators.maxLength(200)] }),
    kind: new FormControl<InvestorKind | ''>('', { nonNullable: true, validators: Validators.required }),
    website: new FormControl('', { nonNullable: true, validators: httpUrl }),
  });
  protected readonly addingInvestor = signal(false);
  protected readonly investorSubmission = submitState();

  constructor() {
    // Investors of an edited round are known before the directory answers.
    this.directory.set(
      (this.data.round?.investors ?? []).map((i) => ({ ...i, website: null, roundCount: 0 })),
    );
    this.funding.investors().subscribe({
      next: (investors) => {
        const known = new Set(investors.map((i) => i.id));
        this.directory.update((list) => [...investors, ...list.filter((i) => !known.has(i.id))]);
      },
      error: () => this.directoryFailed.set(true),
    });
  }

  protected isSelected(id: string): boolean {
    return this.selected().includes(id);
  }

  protected toggle(id: string, checked: boolean): void {
    this.selected.update((ids) => (checked ? [...ids.filter((x) => x !== id), id] : ids.filter((x) => x !== id)));
    if (!checked && this.form.controls.leadInvestorId.value === id) {
      this.form.controls.leadInvestorId.setValue('');
    }
  }

  protected addInvestor(): void {
    submitForm(
      this.investorForm,
      this.investorSubmission,
      () => {
        const value = this.investorForm.getRawValue();
        return this.funding.createInvestor({
          name: value.name.trim(),
          kind: value.kind as InvestorKind,
          ...(value.website.trim() ? { website: value.website.trim() } : {}),
        });
      },
      (investor) => {
        this.directory.update((list) => [...list, investor]);
        this.toggle(investor.id, true);
        this.investorForm.reset();
        this.addingInvestor.set(false);
      },
    );
  }

  protected submit(): void {
    const round = this.data.round;
    submitForm(
      this.form,
      this.submission,
      () => {
        const request = toRoundRequest(this.form, this.selected());
        return round
          ? this.funding.updateRound(round.id, request)
          : this.funding.createRound(this.data.startupId, request);
      },
      (saved) => this.dialogRef.close(saved),
      { investorIds: 'leadInvestorId' },
    );
  }
}
