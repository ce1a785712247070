import { checkPdf, formatBytes, formatDay, formatScore, localised } from './application-format';

describe('application formats', () => {
  it('writes days as dd/mm/yyyy in French, whatever the time zone', () => {
    expect(formatDay('2026-03-05', 'fr')).toBe('05/03/2026');
    expect(formatDay('2026-03-05', 'en')).toBe('03/05/2026');
    expect(formatDay(null, 'fr')).toBe('');
  });

  it('writes scores with a decimal comma in French, a dash when there is none', () => {
    expect(formatScore(3.75, 'fr')).toBe('3,75');
    expect(formatScore(3.75, 'en')).toBe('3.75');
    expect(formatScore(null, 'fr')).toBe('–');
  });

  it('writes sizes in Mo or MB', () => {
    expect(formatBytes(10 * 1024 * 1024, 'fr')).toBe('10 Mo');
    expect(formatBytes(1536 * 1024, 'en')).toBe('1.5 MB');
    expect(formatBytes(2048, 'fr')).toBe('2 ko');
  });

  it('picks the text of the language, else the other one', () => {
    expect(localised({ fr: 'Équipe', en: 'Team' }, 'en')).toBe('Team');
    expect(localised({ fr: 'Équipe', en: '' }, 'en')).toBe('Équipe');
  });
});

describe('checkPdf', () => {
  it('accepts a PDF by its signature, whatever its name', async () => {
    expect(await checkPdf(new File(['%PDF-1.7 …'], 'deck.bin'))).toBeNull();
  });

  it('refuses a renamed file, an empty one and one above the limit, before sending it', async () => {
    expect(await checkPdf(new File(['PK\u0003\u0004'], 'deck.pdf'))).toBe('notPdf');
    expect(await checkPdf(new File([], 'deck.pdf'))).toBe('empty');
    expect(await checkPdf(new File(['%PDF-123456'], 'deck.pdf'), 10)).toBe('tooLarge');
  });
});
