import { Workbook } from 'exceljs';
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
});
