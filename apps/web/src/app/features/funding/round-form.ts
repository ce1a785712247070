import { AbstractControl, FormControl, FormGroup, ValidationErrors, Validators } from '@angular/forms';
import {
  CreateFundingRoundRequest,
  Currency,
  FundingRoundResponse,
  RoundKind,
  RoundStatus,
} from '@incubator/contracts';
import { amountIn, exchangeRate, normaliseDecimal } from '../../core/funding/amounts';

export type RoundForm = FormGroup<{
  kind: FormControl<RoundKind | ''>;
  status: FormControl<RoundStatus>;
  currency: FormControl<Currency>;
  amount: FormControl<string>;
  eurRate: FormControl<string>;
  announcedOn: FormControl<string>;
  closedOn: FormControl<string>;
  leadInvestorId: FormControl<string>;
  preMoneyValuation: FormControl<string>;
}>;

/** A closed round needs its closing day (error `closedOnRequired`). */
function closedOnWhenClosed(control: AbstractControl): ValidationErrors | null {
  const status = control.parent?.get('status')?.value;
  return status === 'closed' && !control.value ? { closedOnRequired: true } : null;
}

/** The form of a new round, or of `round` to edit. The EUR rate is asked only for another currency. */
export function roundForm(round: FundingRoundResponse | null): RoundForm {
  const currency = new FormControl<Currency>(round?.currency ?? 'EUR', { nonNullable: true });
  const form: RoundForm = new FormGroup({
    kind: new FormControl<RoundKind | ''>(round?.kind ?? '', { nonNullable: true, validators: Validators.required }),
    status: new FormControl<RoundStatus>(round?.status ?? 'planned', { nonNullable: true }),
    currency,
    amount: new FormControl(round?.amount ?? '', {
      nonNullable: true,
      validators: [Validators.required, amountIn(() => currency.value)],
    }),
    eurRate: new FormControl(round && round.currency !== 'EUR' ? round.eurRate : '', {
      nonNullable: true,
      validators: [Validators.required, exchangeRate],
    }),
    announcedOn: new FormControl(round?.announcedOn ?? '', { nonNullable: true }),
    closedOn: new FormControl(round?.closedOn ?? '', { nonNullable: true, validators: closedOnWhenClosed }),
    leadInvestorId: new FormControl(round?.leadInvestorId ?? '', { nonNullable: true }),
    preMoneyValuation: new FormControl(round?.preMoneyValuation ?? '', {
      nonNullable: true,
      validators: amountIn(() => currency.value),
    }),
  });
  const followCurrency = () => {
    if (currency.value === 'EUR') {
      form.controls.eurRate.disable({ emitEvent: false });
    } else {
      form.controls.eurRate.enable({ emitEvent: false });
    }
    form.controls.amount.updateValueAndValidity({ emitEvent: false });
    form.controls.preMoneyValuation.updateValueAndValidity({ emitEvent: false });
  };
  followCurrency();
  currency.valueChanges.subscribe(followCurrency);
  form.controls.status.valueChanges.subscribe(() => form.controls.closedOn.updateValueAndValidity());
  return form;
}

/** The request for the API: decimals as it reads them, empty optional fields left out. */
export function toRoundRequest(form: RoundForm, investorIds: readonly string[]): CreateFundingRoundRequest {
  const value = form.getRawValue();
  const request: CreateFundingRoundRequest = {
    kind: value.kind as RoundKind,
    status: value.status,
    currency: value.currency,
    amount: normaliseDecimal(value.amount),
    investorIds: [...investorIds],
  };
  if (value.currency !== 'EUR') {
    request.eurRate = normaliseDecimal(value.eurRate);
  }
  if (value.announcedOn) {
    request.announcedOn = value.announcedOn;
  }
  if (value.closedOn) {
    request.closedOn = value.closedOn;
  }
  if (value.leadInvestorId && investorIds.includes(value.leadInvestorId)) {
    request.leadInvestorId = value.leadInvestorId;
  }
  if (value.preMoneyValuation.trim()) {
    request.preMoneyValuation = normaliseDecimal(value.preMoneyValuation);
  }
  return request;
}
