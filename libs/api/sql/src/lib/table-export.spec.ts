import { ValueType, Workbook } from 'exceljs';
import { renderTable } from './table-export';

describe('renderTable', () => {
  const headers = ['Name', 'Founded', 'Team'];
  const rows = [
    ['Nordlys', new Date('2021-03-09T00:00:00Z'), 12],
    ['Canopée', null, 3],
  ];

  it('writes CSV with calendar days as YYYY-MM-DD (UTC), not as instants', async () => {
    const csv = (await renderTable('Startups', headers, rows, 'csv', 'en')).toString('utf8').trim().split('\n');
    expect(csv).toEqual(['Name,Founded,Team', 'Nordlys,2021-03-09,12', 'Canopée,,3']);
  });

  it('writes English CSV without a BOM, comma-separated, decimal points and LF', async () => {
    const csv = (await renderTable('Rent', ['Startup', 'Rate', 'Rent €'], [['Dupont; fils', 0.75, '1234.56']], 'csv', 'en')).toString('utf8');
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(csv).toBe('Startup,Rate,Rent €\nDupont; fils,0.75,1234.56');
  });

  it('writes French CSV with a UTF-8 BOM, `;` between cells, decimal commas and CRLF', async () => {
    const file = await renderTable('Loyers', ['Startup', 'Taux', 'Loyer €', 'SIREN', 'Depuis'], [['Dupont; fils', 0.75, '1234.56', '123456789', new Date('2021-03-09T00:00:00Z')], ['Canopée, SAS', -3, '-263.23', null, null]], 'csv', 'fr');
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = file.toString('utf8');
    expect(csv).toBe('\uFEFFStartup;Taux;Loyer €;SIREN;Depuis\r\n"Dupont; fils";0,75;1234,56;123456789;2021-03-09\r\nCanopée, SAS;-3;-263,23;;');
  });

  it('writes XLSX with a bold header, typed numbers and dates shown as yyyy-mm-dd', async () => {
    const workbook = new Workbook();
    await workbook.xlsx.load((await renderTable('Startups', headers, rows, 'xlsx', 'en')) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Startups');
    expect(sheet?.getRow(1).font?.bold).toBe(true);
    const founded = sheet?.getCell('B2');
    expect(founded?.value).toEqual(new Date('2021-03-09T00:00:00Z'));
    expect(founded?.numFmt).toBe('yyyy-mm-dd');
    expect(sheet?.getCell('C2').value).toBe(12);
  });

  it('writes XLSX amounts given as decimal strings as number cells with a number format, in either locale', async () => {
    for (const locale of ['fr', 'en'] as const) {
      const workbook = new Workbook();
      await workbook.xlsx.load((await renderTable('Rent', ['Startup', 'SIREN', 'Rate', 'Rent €'], [['Nordlys', '123456789', 0.75, '1234.56'], ['Total', null, 1, '-263.230']], 'xlsx', locale)) as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet('Rent');
      expect(sheet?.getCell('B2').value).toBe('123456789');
      expect(sheet?.getCell('C2').value).toBe(0.75);
      expect(sheet?.getCell('C2').numFmt).toBe('0.00##');
      expect(sheet?.getCell('C3').numFmt).toBe('0');
      expect(sheet?.getCell('D2').type).toBe(ValueType.Number);
      expect(sheet?.getCell('D2').value).toBe(1234.56);
      expect(sheet?.getCell('D2').numFmt).toBe('#,##0.00');
      expect(sheet?.getCell('D3').value).toBe(-263.23);
      expect(sheet?.getCell('D3').numFmt).toBe('#,##0.000');
    }
  });
  describe('formula injection (OWASP CSV injection)', () => {
    const hostile = ['=HYPERLINK("http://x","y")', '+SUM(1,2)', '-2+3', '@cmd', '\tx', '\rx'];
    const rowsOf = (names: string[]) => names.map((name) => [name, null, -12]);

    it('prefixes every text cell starting with = + - @ tab or CR with a quote, and quotes the cell', async () => {
      const csv = (await renderTable('Startups', headers, rowsOf(hostile), 'csv', 'en')).toString('utf8');
      expect(csv.split('\n').slice(1, 5)).toEqual([`"'=HYPERLINK(""http://x"",""y"")",,-12`, `"'+SUM(1,2)",,-12`, `"'-2+3",,-12`, `"'@cmd",,-12`]);
      expect(csv).toContain(`"'\tx",,-12`);
      expect(csv).toContain(`"'\rx",,-12`);
    });

    it('leaves numbers alone: negative numbers and decimal amounts written as text stay numbers', async () => {
      const csv = (await renderTable('Rent', ['Startup', 'Rent €', 'Days'], [['Nordlys', '-263.23', -3], ['Canopée', '1200.00', 0]], 'csv', 'en')).toString('utf8');
      expect(csv.split('\n')).toEqual(['Startup,Rent €,Days', 'Nordlys,-263.23,-3', 'Canopée,1200.00,0']);
      const french = (await renderTable('Rent', ['Startup', 'Rent €', 'Days'], [['Nordlys', '-263.23', -3], ['Canopée', '1200.00', 0]], 'csv', 'fr')).toString('utf8');
      expect(french.split('\r\n')).toEqual(['\uFEFFStartup;Rent €;Days', 'Nordlys;-263,23;-3', 'Canopée;1200,00;0']);
    });

    it('neutralises formulas in French CSV too', async () => {
      const csv = (await renderTable('Startups', headers, rowsOf(hostile), 'csv', 'fr')).toString('utf8');
      expect(csv.split('\r\n').slice(1, 5)).toEqual([`"'=HYPERLINK(""http://x"",""y"")";;-12`, `"'+SUM(1,2)";;-12`, `"'-2+3";;-12`, `"'@cmd";;-12`]);
    });

    it('escapes quotes, separators and line breaks as before (RFC 4180)', async () => {
      const csv = (await renderTable('S', ['a', 'b'], [['Dupont, "fils"', 'two\nlines']], 'csv', 'en')).toString('utf8');
      expect(csv.split('\n').slice(1).join('\n')).toBe('"Dupont, ""fils""","two\nlines"');
    });

    it('writes XLSX text as string cells, never formulas, keeping the name as typed', async () => {
      const workbook = new Workbook();
      await workbook.xlsx.load((await renderTable('Startups', headers, rowsOf(hostile), 'xlsx', 'en')) as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet('Startups');
      hostile.forEach((name, i) => {
        const cell = sheet?.getCell(`A${i + 2}`);
        expect(cell?.type).toBe(ValueType.String);
        expect(cell?.formula).toBeUndefined();
        expect(cell?.value).toBe(name.replace('\r', '\n')); // XML reads a raw CR back as LF
      });
      expect(sheet?.getCell('C2').value).toBe(-12);
    });
  });
});
