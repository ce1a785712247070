import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { translocoTesting } from '../../../../testing/transloco-testing';
import { FileChooserComponent } from './file-chooser.component';

@Component({
  imports: [FileChooserComponent],
  template: `<app-file-chooser inputId="f" testId="f" label="Fichier CSV" accept=".csv" (chosen)="picked.set($event)" />`,
})
class HostComponent {
  readonly picked = signal<File | null | undefined>(undefined);
}

describe('FileChooserComponent', () => {
  it('says in the UI language what to do and which file was chosen, and hands the file over', async () => {
    TestBed.configureTestingModule({ imports: [HostComponent, translocoTesting({ translocoConfig: { defaultLang: 'fr' } })] });
    const fixture = TestBed.createComponent(HostComponent);
    fixture.detectChanges();
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    const button = root.querySelector<HTMLButtonElement>('[data-testid="f-button"]')!;
    const name = root.querySelector('[data-testid="f-name"]')!;
    expect(button.textContent?.trim()).toBe('Choisir un fichier');
    expect(name.textContent?.trim()).toBe('Aucun fichier choisi');
    // Its accessible name: the field's label, then what the button shows.
    const labelledBy = button.getAttribute('aria-labelledby')!.split(' ').map((id) => root.querySelector(`#${id}`)?.textContent?.trim());
    expect(labelledBy).toEqual(['Fichier CSV', 'Choisir un fichier']);

    const input = root.querySelector<HTMLInputElement>('[data-testid="f"]')!;
    expect(input.accept).toBe('.csv');
    const file = new File(['a;b\n'], 'startups.csv', { type: 'text/csv' });
    Object.defineProperty(input, 'files', { value: [file] });
    input.dispatchEvent(new Event('change'));
    fixture.detectChanges();

    expect(fixture.componentInstance.picked()).toBe(file);
    expect(name.textContent?.trim()).toBe('startups.csv');
  });
});
