import { ValueType, Workbook } from 'exceljs';
import { renderTable } from './table-export';

describe('renderTable', () => {
  const headers = ['Name', 'Founded', 'Team'];
  const rows = [
    ['Nordlys', new Date('2021-03-09T00:00:00Z'), 12],
    ['Canopée', null, 3],
  ];

  it('writes CSV with calendar days as YYYY-MM-DD (UTC), not as instants', async () => {
    const csv = (await renderTable('Startups', headers, rows, 'csv')).toString('utf8').trim().split('\n');
    expect(csv).toEqual(['Name,Founded,Team', 'Nordlys,2021-03-09,12', 'Canopée,,3']);
  });

  it('writes XLSX with a bold header, typed numbers and dates shown as yyyy-mm-dd', async () => {
    const workbook = new Workbook();
    await workbook.xlsx.load((await renderTable('Startups', headers, rows, 'xlsx')) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Startups');
    expect(sheet?.getRow(1).font?.bold).toBe(true);
    const founded = sheet?.getCell('B2');
    expect(founded?.value).toEqual(new Date('2021-03-09T00:00:00Z'));
    expect(founded?.numFmt).toBe('yyyy-mm-dd');
    expect(sheet?.getCell('C2').value).toBe(12);
  });
  describe('formula injection (OWASP CSV injection)', () => {
    const hostile = ['=HYPERLINK("http://x","y")', '+SUM(1,2)', '-2+3', '@cmd', '\tx', '\rx'];
    const rowsOf = (names: string[]) => names.map((name) => [name, null, -12]);

    it('prefixes every text cell starting with = + - @ tab or CR with a quote, and quotes the cell', async () => {
      const csv = (await renderTable('Startups', headers, rowsOf(hostile), 'csv')).toString('utf8');
      expect(csv.split('\n').slice(1, 5)).toEqual([`"'=HYPERLINK(""http://x"",""y"")",,-12`, `"'+SUM(1,2)",,-12`, `"'-2+3",,-12`, `"'@cmd",,-12`]);
      expect(csv).toContain(`"'\tx",,-12`);
      expect(csv).toContain(`"'\rx",,-12`);
    });

    it('leaves numbers alone: negative numbers and decimal amounts written as text stay numbers', async () => {
      const csv = (await renderTable('Rent', ['Startup', 'Rent €', 'Days'], [['Nordlys', '-263.23', -3], ['Canopée', '1200.00', 0]], 'csv')).toString('utf8');
      expect(csv.split('\n')).toEqual(['Startup,Rent €,Days', 'Nordlys,-263.23,-3', 'Canopée,1200.00,0']);
    });

    it('escapes quotes, separators and line breaks as before (RFC 4180)', async () => {
      const csv = (await renderTable('S', ['a', 'b'], [['Dupont, "fils"', 'two\nlines']], 'csv')).toString('utf8');
      expect(csv.split('\n').slice(1).join('\n')).toBe('"Dupont, ""fils""","two\nlines"');
    });

    it('writes XLSX text as string cells, never formulas, keeping the name as typed', async () => {
      const workbook = new Workbook();
      await workbook.xlsx.load((await renderTable('Startups', headers, rowsOf(hostile), 'xlsx')) as unknown as ArrayBuffer);
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
