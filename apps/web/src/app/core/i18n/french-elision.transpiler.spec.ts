import { TestBed } from '@angular/core/testing';
import { TRANSLOCO_CONFIG, translocoConfig } from '@jsverse/transloco';
import { FrenchElisionTranspiler } from './french-elision.transpiler';

describe('FrenchElisionTranspiler', () => {
  let transpiler: FrenchElisionTranspiler;
  const say = (value: string, params: Record<string, unknown>) => transpiler.transpile({ value, params, translation: {}, key: 'k' });

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [FrenchElisionTranspiler, { provide: TRANSLOCO_CONFIG, useValue: translocoConfig({}) }] });
    transpiler = TestBed.inject(FrenchElisionTranspiler);
  });

  it('writes d’ before a name that starts with a vowel, de before a consonant or an h', () => {
    expect(say('Nouvelle promotion de {{ program }}', { program: 'Incubateur Lille' })).toBe('Nouvelle promotion d’Incubateur Lille');
    expect(say('Nouvelle promotion de {{ program }}', { program: 'Écosystème santé' })).toBe('Nouvelle promotion d’Écosystème santé');
    expect(say('Nouvelle promotion de {{ program }}', { program: 'Pépinière' })).toBe('Nouvelle promotion de Pépinière');
    expect(say('Compte de {{ name }}', { name: 'Hélène Martin' })).toBe('Compte de Hélène Martin');
  });

  it('elides each parameter on its own and leaves the rest of the text', () => {
    expect(say('Retirer {{ startup }} de {{ cohort }} ?', { startup: 'Alpha', cohort: 'Accélérateur 2027' })).toBe('Retirer Alpha d’Accélérateur 2027 ?');
    expect(say('Rapport de {{ startup }} pour {{ period }} validé.', { startup: 'Zeta', period: 'octobre 2026' })).toBe('Rapport de Zeta pour octobre 2026 validé.');
  });

  it('interpolates as Transloco does everywhere else (English, no parameters)', () => {
    expect(say('New cohort of {{ program }}', { program: 'Incubator' })).toBe('New cohort of Incubator');
    expect(say('Nouvelle promotion', {})).toBe('Nouvelle promotion');
  });
});
