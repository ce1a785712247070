import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { byTestId, clickOn, settle } from '../../../../../testing/dom';
import { translocoTesting } from '../../../../../testing/transloco-testing';
import { LocaleService } from '../../../../core/i18n/locale.service';
import { importContentType, XLSX_TYPE } from '../../../../core/startups/startup-import.service';
import { StartupImportDialogComponent } from './startup-import-dialog.component';

describe('StartupImportDialogComponent', () => {
  let backend: HttpTestingController;
  let closedWith: unknown;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [translocoTesting({ translocoConfig: { defaultLang: 'fr' } })],
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
    TestBed.inject(LocaleService).use('fr');
    backend = TestBed.inject(HttpTestingController);
    closedWith = undefined;
    TestBed.inject(MatDialog)
      .open(StartupImportDialogComponent)
      .afterClosed()
      .subscribe((value) => (closedWith = value));
    await settle();
  });

  afterEach(() => {
    TestBed.inject(MatDialog).closeAll();
    backend.verify();
    localStorage.clear();
  });

  async function choose(file: File): Promise<void> {
    const input = byTestId<HTMLInputElement>('startup-import-file');
    Object.defineProperty(input, 'files', { value: [file] });
    input.dispatchEvent(new Event('change'));
    await settle();
  }

  const text = (testId: string) => byTestId(testId).textContent?.replace(/\s+/g, ' ').trim() ?? '';

  it('sends the file for a dry run and lists every bad line with its field, in French', async () => {
    const csv = 'Raison sociale;SIREN;Secteur\nAcme;123456789;Santé\n';
    await choose(new File([csv], 'startups.csv', { type: 'text/csv' }));
    await clickOn('startup-import-dry-run');
    const upload = backend.expectOne((r) => r.url === '/api/startups/import');
    expect(upload.request.params.get('dryRun')).toBe('true');
    expect(upload.request.params.get('invite')).toBe('false');
    expect(upload.request.headers.get('Content-Type')).toBe('text/csv');
    upload.flush({
      dryRun: true,
      lines: 3,
      imported: 0,
      contacts: 0,
      invited: 0,
      inviteFailures: [],
      errors: [
        { line: 2, field: 'siren', message: 'SIREN invalide « 123456789 »' },
        { line: 4, field: 'teamSize', message: 'effectif négatif' },
        { line: 1, field: null, message: 'colonne inconnue « Couleur »' },
      ],
    });
    await settle();
    const errors = Array.from(document.querySelectorAll('[data-testid="startup-import-error"]')).map((e) => e.textContent?.replace(/\s+/g, ' ').trim());
    expect(errors).toEqual(['Ligne 2, SIREN : SIREN invalide « 123456789 »', 'Ligne 4, effectif : effectif négatif', 'Ligne 1 : colonne inconnue « Couleur »']);
    expect(text('startup-import-summary')).toBe('3 ligne(s) lue(s), 3 erreur(s) : rien n’a été importé.');
  });

  it('shows the refused import’s lines from a 422, then imports with invitations and closes with the count', async () => {
    await choose(new File(['x'], 'startups.xlsx', { type: '' }));
    await clickOn('startup-import-run');
    const refused = backend.expectOne((r) => r.url === '/api/startups/import');
    expect(refused.request.headers.get('Content-Type')).toBe(XLSX_TYPE);
    refused.flush(
      { code: 'startup.import_refused', dryRun: false, lines: 1, imported: 0, contacts: 0, invited: 0, inviteFailures: [], errors: [{ line: 2, field: 'stage', message: 'stade inconnu « Licorne »' }] },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await settle();
    expect(document.querySelectorAll('[data-testid="startup-import-error"]')).toHaveLength(1);

    byTestId<HTMLInputElement>('startup-import-invite').querySelector('input')?.click();
    await settle();
    await clickOn('startup-import-run');
    const upload = backend.expectOne((r) => r.url === '/api/startups/import');
    expect(upload.request.params.get('invite')).toBe('true');
    upload.flush({ dryRun: false, lines: 30, imported: 30, contacts: 30, invited: 29, inviteFailures: [{ email: 'a@b.test', message: 'Déjà membre.' }], errors: [] });
    await settle();
    expect(text('startup-import-summary')).toBe('30 startup(s) importée(s), 30 contact(s), 29 invitation(s) envoyée(s).');
    expect(text('startup-import-invite-failure')).toContain('a@b.test');
    await clickOn('startup-import-close');
    await settle();
    expect(closedWith).toBe(30);
  });

  it('refuses a file over 2 MB before sending it', async () => {
    await choose(new File([new Uint8Array(2 * 1024 * 1024 + 1)], 'big.csv', { type: 'text/csv' }));
    await clickOn('startup-import-dry-run');
    backend.expectNone('/api/startups/import');
    expect(text('startup-import-failure')).toBe('Fichier trop volumineux : 2 Mo au plus.');
  });

  it('picks the content type from the file', () => {
    expect(importContentType({ name: 'a.CSV', type: '' })).toBe('text/csv');
    expect(importContentType({ name: 'a.bin', type: XLSX_TYPE })).toBe(XLSX_TYPE);
    expect(importContentType({ name: 'export.xlsx', type: '' })).toBe(XLSX_TYPE);
  });
});
