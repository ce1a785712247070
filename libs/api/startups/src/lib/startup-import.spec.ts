import { checkImport, normaliseLabel, readCsv, readDate } from './startup-import';
import { startupImportRefused } from './startup.errors';

describe('startup import file checks', () => {
  it('reads ; or , separated CSV with or without BOM, keeping line numbers', () => {
    expect(readCsv('\uFEFFa;b\n1;"x,y"\n\n2;z').rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', 'x,y'] },
      { line: 4, cells: ['2', 'z'] },
    ]);
    expect(readCsv('a,b\r\n1,"x;y"').rows[1].cells).toEqual(['1', 'x;y']);
  });

  it('accepts French and English headers, labels and dates', () => {
    expect(normaliseLabel('Date de création')).toBe('datedecreation');
    expect(readDate('29/02/2024')).toBe('2024-02-29');
    expect(readDate('2023-02-29')).toBeNull();
    const table = readCsv('Raison sociale;SIREN;Secteur;Stade;Date de création;Effectif\nAcme;732829320;Intelligence artificielle;Premiers revenus;1/3/2020;4');
    expect(checkImport(table, '2026-01-01')).toMatchObject({
      problems: [],
      lines: [{ line: 2, legalName: 'Acme', siren: '732829320', sector: 'ai', stage: 'revenue', foundedOn: '2020-03-01', teamSize: 4, contact: null }],
    });
  });

  it('names each bad field of each line', () => {
    const table = readCsv('Legal name,SIREN,Sector,Stage,Founded on,Team size,Contact email\n,732829321,space,idea,2030-01-01,-1,nope');
    const { problems } = checkImport(table, '2026-01-01');
    expect(problems.map((p) => p.field)).toEqual(['legalName', 'siren', 'sector', 'foundedOn', 'teamSize', 'contactEmail', 'contactName']);
    expect(problems[4].text).toEqual({ fr: 'effectif négatif', en: 'negative team size' });
  });

  it('sends the result with the refusal', () => {
    const result = { dryRun: false, lines: 1, imported: 0, contacts: 0, invited: 0, inviteFailures: [], errors: [{ line: 2, field: null, message: 'x' }] };
    expect(startupImportRefused(result).render('en')).toMatchObject({ statusCode: 422, code: 'startup.import_refused', message: 'Import refused: nothing was written.', ...result });
  });
});
