import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl } from '@angular/forms';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { byTestId, fieldText, settle, typeInto } from '../../../../testing/dom';
import { translocoTesting } from '../../../../testing/transloco-testing';
import { LocaleService } from '../../i18n/locale.service';
import { LocaleMonthAdapter, MonthFieldComponent } from './month-field.component';

@Component({
  imports: [MonthFieldComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<app-month-field [control]="month" label="Month" placeholder="mm/aaaa" invalidText="Saisissez un mois." testId="month" />`,
})
class HostComponent {
  readonly month = new FormControl('2026-03', { nonNullable: true });
}

describe('MonthFieldComponent', () => {
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

  it('shows the month as mm/yyyy, never the browser’s own month input', async () => {
    await render('fr');
    const input = byTestId<HTMLInputElement>('month');
    expect(input.type).toBe('text');
    expect(input.value).toBe('03/2026');
    expect(input.placeholder).toBe('mm/aaaa');
    expect(byTestId('month-toggle')).toBeTruthy();
  });

  it('keeps the month typed as YYYY-MM for the API, and says so when the text is no month', async () => {
    const fixture = await render('en');
    await typeInto('month', '11/2026');
    expect(fixture.componentInstance.month.value).toBe('2026-11');
    await typeInto('month', '2027-01');
    expect(fixture.componentInstance.month.value).toBe('2027-01');
    await typeInto('month', '13/2026');
    expect(fixture.componentInstance.month.value).toBe('');
    await settle();
    expect(fieldText('month')).toContain('Saisissez un mois.');
  });
});

describe('LocaleMonthAdapter', () => {
  it('reads 3/2026, 03/26 and 2026-03 as March 2026, and nothing else', () => {
    const adapter = TestBed.runInInjectionContext(() => new LocaleMonthAdapter());
    adapter.setLocale('fr');
    expect(adapter.parse('3/2026')).toEqual(new Date(2026, 2, 1));
    expect(adapter.parse('03/26')).toEqual(new Date(2026, 2, 1));
    expect(adapter.parse('2026-03')).toEqual(new Date(2026, 2, 1));
    expect(adapter.isValid(adapter.parse('05/03/2026') as Date)).toBe(false);
    expect(adapter.parse(' ')).toBeNull();
  });
});
