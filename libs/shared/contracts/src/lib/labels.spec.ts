import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APPLICATION_STATUSES, DECISIONS } from './applications';
import { ROUND_KINDS, ROUND_STATUSES } from './funding';
import { KPI_REPORT_STATUSES } from './kpis';
import { APPLICATION_STATUS_LABELS, DECISION_LABELS, ENROLLMENT_STATUS_LABELS, KPI_REPORT_STATUS_LABELS, labelOf, PROGRAM_KIND_LABELS, ROUND_KIND_LABELS, ROUND_STATUS_LABELS, SECTOR_LABELS, STAGE_LABELS } from './labels';
import { SUPPORTED_LOCALES } from './locale';
import { ENROLLMENT_STATUSES, PROGRAM_KINDS, SECTORS, STAGES } from './programs';

type Words = Record<string, Record<string, Record<string, string>>>;
const web = (locale: string): Words => JSON.parse(readFileSync(join(__dirname, '../../../../../apps/web/public/i18n', `${locale}.json`), 'utf8'));

describe('code labels', () => {
  const tables: Array<[string, Record<string, Record<string, string>>, readonly string[], (json: Words) => Record<string, string>]> = [
    ['sectors', SECTOR_LABELS, SECTORS, (j) => j['pipeline']['sectors']],
    ['stages', STAGE_LABELS, STAGES, (j) => j['pipeline']['stages']],
    ['enrollment statuses', ENROLLMENT_STATUS_LABELS, ENROLLMENT_STATUSES, (j) => j['pipeline']['enrollmentStatuses']],
    ['round kinds', ROUND_KIND_LABELS, ROUND_KINDS, (j) => j['funding']['kinds']],
    ['round statuses', ROUND_STATUS_LABELS, ROUND_STATUSES, (j) => j['funding']['statuses']],
    ['program kinds', PROGRAM_KIND_LABELS, PROGRAM_KINDS, (j) => j['pipeline']['kinds']],
    ['KPI report statuses', KPI_REPORT_STATUS_LABELS, KPI_REPORT_STATUSES, (j) => j['kpis']['statuses']],
    ['application statuses', APPLICATION_STATUS_LABELS, APPLICATION_STATUSES, (j) => j['applications']['status']],
    ['decisions', DECISION_LABELS, DECISIONS, (j) => j['applications']['decision']],
  ];

  it.each(tables)('labels every %s code in both languages, with the web client’s words', (_, labels, codes, pick) => {
    for (const locale of SUPPORTED_LOCALES) {
      const words = pick(web(locale));
      for (const code of codes) {
        expect(labels[locale][code]).toBeTruthy();
        expect(labels[locale][code].replace('’', "'")).toBe(words[code].replace('’', "'"));
      }
    }
  });

  it('shows an unknown code as it is and nothing for no code', () => {
    expect(labelOf(SECTOR_LABELS, 'fr', 'ai')).toBe('Intelligence artificielle');
    expect(labelOf(SECTOR_LABELS, 'en', 'quantum')).toBe('quantum');
    expect(labelOf(SECTOR_LABELS, 'en', null)).toBe('');
  });
});
