import { attachmentName } from './save-file';

describe('attachmentName', () => {
  it('reads the file name the API gives', () => {
    expect(attachmentName('attachment; filename="startups-2026-03-01.csv"', 'startups.csv')).toBe(
      'startups-2026-03-01.csv',
    );
    expect(attachmentName("attachment; filename*=UTF-8''d%C3%A9marrage.xlsx", 'x.xlsx')).toBe('démarrage.xlsx');
  });

  it('falls back when there is none', () => {
    expect(attachmentName(null, 'startups.csv')).toBe('startups.csv');
    expect(attachmentName('attachment', 'startups.csv')).toBe('startups.csv');
  });
});
