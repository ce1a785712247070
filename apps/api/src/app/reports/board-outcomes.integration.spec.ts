import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { rebuildKpiRollups } from '@incubator/api/kpis';
import { BoardQuarterService } from '@incubator/api/reports';
import type { BoardOutcomes, SurvivalRow } from '@incubator/contracts';
import { startTestApi } from '../../test/test-app';

/**
 * The board's long-run figures on a history whose every answer is known (real PostgreSQL), quarter
 * 2025-Q4 (cohorts that ended by 1 January 2023 count for 3-year survival):
 *   program P1: cohort A [2021] s1 s2 s3 s4 s5(withdrawn) s6(applied: not counted); cohort B [2022] s4 s7 s8
 *   program P2: cohort C [2022] s9 s10;  program P1: cohort D [2025] s11 s12 (too recent; call "Health 2025")
 * still active = a validated report for a period starting in the quarter's last year (2025), or a round
 * closed then: s1 (report 2025-03), s3 (round 2025-05), s4 (report 2025-06), s7 (report 2025-02), s9
 * (report 2025-03); s2 reported only in 2023, s5 only after the quarter (2026-02), s8's report is only
 * submitted and s10's returned.
 */
describe('board outcomes: survival, conversion, since the start, long-term targets (real PostgreSQL)', () => {
  let app: NestExpressApplication;
  let db: DataSource;
  let organisationId: string;
  const id: Record<string, string> = {};

  const survival = (o: BoardOutcomes, name: string): SurvivalRow | undefined => [...o.survival.byProgram, ...o.survival.byCohort].find((r) => r.name === name);
  const quarter = (view: 'board' | 'team') => app.get(BoardQuarterService).quarter(organisationId, '2025-Q4', async () => undefined, view);

  beforeAll(async () => {
    ({ app } = await startTestApi());
    db = app.get(DataSource);
    [{ id: organisationId }] = await db.query(`INSERT INTO organisations (slug, name) VALUES ($1, 'Outcomes Park') RETURNING id`, [`outcomes-${randomUUID().slice(0, 8)}`]);
    const [site] = await db.query(`INSERT INTO sites (organisation_id, slug, name, city) VALUES ($1, 'main', 'Main', 'Lille') RETURNING id`, [organisationId]);
    for (const program of ['P1', 'P2']) {
      [{ id: id[program] }] = await db.query(`INSERT INTO programs (organisation_id, site_id, kind, name) VALUES ($1, $2, 'incubator', $3) RETURNING id`, [organisationId, site.id, program]);
    }
    const cohorts: Array<[string, string, string, string]> = [
      ['A', 'P1', '2021-01-01', '2022-01-01'],
      ['B', 'P1', '2022-01-01', '2023-01-01'],
      ['C', 'P2', '2022-01-01', '2023-01-01'],
      ['D', 'P1', '2025-01-01', '2026-01-01'],
    ];
    for (const [name, program, startsOn, endsOn] of cohorts) {
      [{ id: id[name] }] = await db.query(
        `INSERT INTO cohorts (organisation_id, program_id, name, starts_on, ends_on, capacity) VALUES ($1, $2, $3, $4, $5, 20) RETURNING id`,
        [organisationId, id[program], name, startsOn, endsOn],
      );
    }
    for (let i = 1; i <= 12; i++) {
      [{ id: id[`s${i}`] }] = await db.query(`INSERT INTO startups (organisation_id, legal_name) VALUES ($1, $2) RETURNING id`, [organisationId, `Startup ${i}`]);
    }
    const enrollments: Array<[string, string, string]> = [
      ['A', 's1', 'graduated'], ['A', 's2', 'graduated'], ['A', 's3', 'graduated'], ['A', 's4', 'graduated'], ['A', 's5', 'withdrawn'], ['A', 's6', 'applied'],
      ['B', 's4', 'graduated'], ['B', 's7', 'graduated'], ['B', 's8', 'active'],
      ['C', 's9', 'graduated'], ['C', 's10', 'graduated'],
      ['D', 's11', 'active'], ['D', 's12', 'admitted'],
    ];
    for (const [cohort, startup, status] of enrollments) {
      [{ id: id[`${cohort}-${startup}`] }] = await db.query(
        `INSERT INTO enrollments (organisation_id, cohort_id, startup_id, status) VALUES ($1, $2, $3, $4) RETURNING id`,
        [organisationId, id[cohort], id[startup], status],
      );
    }
    const [headcount] = await db.query(`SELECT id FROM kpi_definitions WHERE organisation_id = $1 AND key = 'headcount'`, [organisationId]);
    const reports: Array<[string, string, string]> = [
      ['s1', '2025-03', 'validated'], ['s2', '2023-06', 'validated'], ['s4', '2025-06', 'validated'], ['s5', '2026-02', 'validated'],
      ['s7', '2025-02', 'validated'], ['s9', '2025-03', 'validated'], ['s8', '2025-04', 'submitted'], ['s10', '2025-05', 'returned'],
    ];
    for (const [startup, period, status] of reports) {
      const [report] = await db.query(
        `INSERT INTO kpi_reports (organisation_id, startup_id, period, period_start, period_end, due_on, status)
         VALUES ($1, $2, $3, $5::date, $5::date + interval '1 month', $5::date + interval '1 month 15 days', $4) RETURNING id`,
        [organisationId, id[startup], period, status, `${period}-01`],
      );
      await db.query(`INSERT INTO kpi_values (report_id, definition_id, value) VALUES ($1, $2, 4)`, [report.id, headcount.id]);
    }
    await rebuildKpiRollups(db, organisationId);
    const rounds: Array<[string, string, number]> = [['s1', '2023-02-01', 50_000], ['s3', '2025-05-10', 100_000], ['s7', '2025-06-01', 200_000], ['s9', '2026-03-01', 1_000_000]];
    for (const [startup, closedOn, euros] of rounds) {
      await db.query(
        `INSERT INTO funding_rounds (organisation_id, startup_id, kind, status, currency, amount_minor, eur_rate, amount_eur_cents, closed_on)
         VALUES ($1, $2, 'seed', 'closed', 'EUR', $3, 1, $3, $4)`,
        [organisationId, id[startup], euros * 100, closedOn],
      );
    }
    // A planned round counts nowhere.
    await db.query(
      `INSERT INTO funding_rounds (organisation_id, startup_id, kind, status, currency, amount_minor, eur_rate, amount_eur_cents) VALUES ($1, $2, 'seed', 'planned', 'EUR', 999900, 1, 999900)`,
      [organisationId, id['s2']],
    );
    const [call] = await db.query(
      `INSERT INTO application_calls (organisation_id, cohort_id, slug, title_fr, title_en, description_fr, description_en, opens_on, closes_on, status)
       VALUES ($1, $2, 'health-2025', 'Santé 2025', 'Health 2025', '-', '-', '2024-10-01', '2024-11-30', 'closed') RETURNING id`,
      [organisationId, id['D']],
    );
    const applications: Array<[string, string, string | null, string | null, string | null]> = [
      ['draft', 'draft@x.test', null, null, null],
      ['decided', 'admit1@x.test', 'admit', 's11', 'D-s11'],
      ['decided', 'admit2@x.test', 'admit', 's12', 'D-s12'],
      ['decided', 'reject@x.test', 'reject', null, null],
      ['in_review', 'review@x.test', null, null, null],
    ];
    for (const [status, email, decision, startup, enrollment] of applications) {
      await db.query(
        `INSERT INTO applications (organisation_id, call_id, email, startup_name, locale, status, submitted_at, decision, startup_id, enrollment_id)
         VALUES ($1, $2, $3, $4, 'fr', $5, $6, $7, $8, $9)`,
        [organisationId, call.id, email, email, status, status === 'draft' ? null : '2024-11-15T10:00:00Z', decision, startup ? id[startup] : null, enrollment ? id[enrollment] : null],
      );
    }
    for (const [key, year, value] of [['total_companies', 2030, 10], ['total_funds_eur', 2026, 1_000_000], ['jobs_created', 2025, 5]] as const) {
      await db.query(`INSERT INTO organisation_targets (organisation_id, key, year, value) VALUES ($1, $2, $3, $4)`, [organisationId, key, year, value]);
    }
  }, 60_000);

  afterAll(async () => {
    await db?.query('DELETE FROM organisations WHERE id = $1', [organisationId]);
    await app?.close();
  });

  it('gives the park’s team every survival cell: per cohort, and per program and organisation each startup once', async () => {
    const { outcomes } = await quarter('team');
    expect(outcomes.asOf).toBe('2025-12-31');
    expect(outcomes.survival.endedBy).toBe('2022-12-31');
    expect(outcomes.survival.organisation).toMatchObject({ startups: 9, surviving: 5, rate: 55.6, withheld: false });
    expect(survival(outcomes, 'A')).toMatchObject({ startups: 5, surviving: 3, rate: 60, programName: 'P1', endsOn: '2022-01-01' });
    expect(survival(outcomes, 'B')).toMatchObject({ startups: 3, surviving: 2 });
    expect(survival(outcomes, 'C')).toMatchObject({ startups: 2, surviving: 1, withheld: false });
    expect(survival(outcomes, 'D')).toBeUndefined();
    expect(outcomes.survival.byProgram.map((r) => [r.name, r.startups, r.surviving])).toEqual([['P1', 7, 4], ['P2', 2, 1]]);
  });

  it('withholds from a board member the cells below the threshold, and those that would give them back', async () => {
    const { outcomes } = await quarter('board');
    expect(outcomes.survival.organisation).toMatchObject({ startups: 9, surviving: 5, withheld: false });
    // C and P2 have 2 startups; P1 = organisation − P2 goes with them, then B = P1 − A.
    for (const name of ['C', 'P2', 'P1', 'B']) expect(survival(outcomes, name)).toMatchObject({ startups: null, surviving: null, rate: null, withheld: true });
    expect(survival(outcomes, 'A')).toMatchObject({ startups: 5, surviving: 3, withheld: false });
  });

  it('converts a call’s applications: submitted → admitted → joined the cohort', async () => {
    const { outcomes } = await quarter('board');
    expect(outcomes.conversion.byCall).toEqual([
      expect.objectContaining({ title: { fr: 'Santé 2025', en: 'Health 2025' }, cohortName: 'D', programName: 'P1', closesOn: '2024-11-30', submitted: 4, admitted: 2, enrolled: 1, rate: 25, withheld: false }),
    ]);
    expect(outcomes.conversion.total).toMatchObject({ submitted: 4, admitted: 2, enrolled: 1, rate: 25 });
  });

  it('adds up closed rounds and admitted companies up to the quarter’s end, and measures the long-term targets', async () => {
    const response = await quarter('board');
    const { outcomes } = response;
    expect(outcomes.cumulative).toEqual({
      fundsRaisedEur: '350000.00',
      fundsWithheld: false,
      companies: 11,
      jobs: response.headline.find((f) => f.key === 'headcount')!.value,
      since: 2021,
    });
    expect(outcomes.longTermTargets).toEqual([
      expect.objectContaining({ key: 'total_funds_eur', year: 2026, target: '1000000', actual: '350000', status: 'behind' }),
      expect.objectContaining({ key: 'total_companies', year: 2030, target: '10', actual: '11', status: 'reached' }),
    ]);
    // The yearly targets stay yearly: a long-term key never shows among them.
    expect(response.targets.map((t) => t.key)).toEqual(['jobs_created']);
  });

});
