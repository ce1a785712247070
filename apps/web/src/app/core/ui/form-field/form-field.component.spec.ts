import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { byTestId, clickOn, fieldText, settle, typeInto } from '../../../../testing/dom';
import { translocoTesting } from '../../../../testing/transloco-testing';
import { LocaleService } from '../../i18n/locale.service';
import { submitForm, submitState } from '../../forms/submit-form';
import { DateFieldComponent } from './date-field.component';
import { FormFieldComponent } from './form-field.component';
import { dayMonthYearOrder, LocaleDateAdapter } from './locale-date-adapter';

@Component({
  imports: [DateFieldComponent, FormFieldComponent, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <app-form-field [control]="form.controls.name" label="Name" hint="As registered" testId="name" />
      <app-form-field [control]="form.controls.amount" label="Amount" suffix="EUR" testId="amount" />
      <app-date-field [control]="form.controls.day" label="Day" testId="day" />
      <button type="submit" data-testid="save">Save</button>
    </form>
  `,
})
class HostComponent {
  readonly form = new FormGroup({
    name: new FormControl('', { nonNullable: true, validators: Validators.required }),
    amount: new FormControl('', { nonNullable: true }),
    day: new FormControl('', { nonNullable: true, validators: Validators.required }),
  });
  readonly state = submitState();
  readonly sent = jest.fn();

  submit(): void {
    submitForm(this.form, this.state, () => this.sent(), jest.fn());
  }
}

describe('FormFieldComponent and DateFieldComponent', () => {
  async function render(locale: 'fr' | 'en') {
    TestBed.configureTestingModule({
      imports: [translocoTesting({ translocoConfig: { defaultLang: locale } })],
      providers: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
    TestBed.inject(LocaleService).use(locale);
    const fixture = TestBed.createComponent(HostComponent);
    document.body.appendChild(fixture.nativeElement);
    await settle();
    return fixture;
  }

  afterEach(() => {
    document.body.innerHTML = '';
    localStorage.clear();
  });

  it('shows no error before the user leaves the field or submits, then the error in the UI language', async () => {
    const fixture = await render('fr');
    expect(fieldText('name')).not.toContain('Obligatoire');

    await clickOn('save');

    expect(fixture.componentInstance.sent).not.toHaveBeenCalled();
    expect(fieldText('name')).toContain('Obligatoire.');
    expect(fieldText('day')).toContain('Obligatoire.');
  });

  it("shows the API's message that submitForm put at the field", async () => {
    const fixture = await render('en');
    fixture.componentInstance.form.controls.amount.setErrors({ server: 'Too large for this round.' });
    fixture.componentInstance.form.controls.amount.markAsTouched();
    await settle();

    expect(fieldText('amount')).toContain('Too large for this round.');
    expect(fieldText('amount')).toContain('EUR');
  });

  it('reads and shows a French date as dd/mm/yyyy, and keeps the day as YYYY-MM-DD', async () => {
    const fixture = await render('fr');
    const day = fixture.componentInstance.form.controls.day;

    await typeInto('day', '05/03/2026');
    expect(day.value).toBe('2026-03-05');

    day.setValue('2026-12-24');
    await settle();
    expect(byTestId<HTMLInputElement>('day').value).toBe('24/12/2026');
    expect(byTestId<HTMLInputElement>('day').placeholder).toBe('jj/mm/aaaa');
  });

  it('says when a typed date is no day', async () => {
    const fixture = await render('fr');

    await typeInto('day', '31/02/2026');

    expect(fixture.componentInstance.form.controls.day.hasError('date')).toBe(true);
    expect(fieldText('day')).toContain('Saisissez une date au format jj/mm/aaaa.');
  });
});

describe('LocaleDateAdapter', () => {
  function adapter(locale: string) {
    const a = TestBed.runInInjectionContext(() => new LocaleDateAdapter());
    a.setLocale(locale);
    return a;
  }

  it('reads the day first in French, the month first in English', () => {
    expect(dayMonthYearOrder('fr')).toEqual(['day', 'month', 'year']);
    expect(adapter('fr').parse('05/03/2026')).toEqual(new Date(2026, 2, 5));
    expect(adapter('en').parse('05/03/2026')).toEqual(new Date(2026, 4, 3));
    expect(adapter('fr').parse('5.3.26')).toEqual(new Date(2026, 2, 5));
  });

  it('refuses a day that does not exist and leaves an empty text empty', () => {
    const a = adapter('fr');
    expect(a.isValid(a.parse('31/02/2026') as Date)).toBe(false);
    expect(a.isValid(a.parse('12/2026') as Date)).toBe(false);
    expect(a.parse('  ')).toBeNull();
  });
});
