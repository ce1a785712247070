import { csvAmount, localeCsv } from './browser-csv';

describe('localeCsv', () => {
  it('writes French with ; and decimal commas, English with , — quoting only cells that need it', () => {
    const rows = [['Site', 'Prix'], ['Lille; centre', csvAmount(1550, 'fr')], ['Dit "Le Cube"', csvAmount(0, 'fr')]];
    expect(localeCsv(rows, 'fr')).toBe('Site;Prix\r\n"Lille; centre";15,50\r\n"Dit ""Le Cube""";0,00\r\n');
    expect(localeCsv([['Site', 'Price'], ['Lille, centre', csvAmount(123456, 'en')]], 'en')).toBe('Site,Price\r\n"Lille, centre",1234.56\r\n');
  });
});
