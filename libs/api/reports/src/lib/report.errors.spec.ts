import { errorCatalogue, placeholders } from '@incubator/api/errors';
import { QueueErrors } from '@incubator/api/queues';
import { boardQuarterRange } from './board-quarters';
import { ReportErrors } from './report.errors';

describe('report errors', () => {
  it('declares every report and queue code with the same placeholders in French and English', () => {
    const codes = [...errorCatalogue()].filter(([code]) => code.startsWith('report.') || code.startsWith('queue.'));
    expect(codes.map(([code]) => code).sort()).toEqual([...Object.keys(ReportErrors).map((name) => `report.${name}`), ...Object.keys(QueueErrors).map((name) => `queue.${name}`)].sort());
    for (const [, entry] of codes) {
      expect(placeholders(entry.message.fr)).toEqual(placeholders(entry.message.en));
      for (const text of Object.values(entry.fields ?? {})) expect(placeholders(text.fr)).toEqual(placeholders(text.en));
    }
  });

  it('refuses quarters outside the organisation’s data, naming the field or the first day', async () => {
    const repository = { today: async () => '2026-05-10', firstDataDay: async () => '2025-02-01' };
    await expect(boardQuarterRange(repository, 'o', '2026-Q2')).resolves.toEqual({ from: '2026-04-01', to: '2026-07-01', first: '2025-02-01' });
    const refusal = (quarter: string) => boardQuarterRange(repository, 'o', quarter).catch((error) => error.render('fr'));
    expect(await refusal('2026-Q5')).toMatchObject({ statusCode: 400, code: 'report.invalid_quarter', fields: { quarter: ['format AAAA-Tn, ex. 2026-Q3'] } });
    expect(await refusal('2026-Q3')).toMatchObject({ statusCode: 400, code: 'report.future_quarter', message: 'Trimestre futur.' });
    expect(await refusal('2024-Q4')).toMatchObject({ statusCode: 404, code: 'report.no_data_before', message: 'Aucune donnée avant le 2025-02-01.' });
  });
});
