import { performance } from 'node:perf_hooks';
import type { DataSource } from 'typeorm';
import { PasswordHasher } from '@incubator/api/identity';
import { rebuildKpiRollups } from '@incubator/api/kpis';
import { SECTORS, STAGES } from '@incubator/contracts';

/** The scale issue 8 asks for; every figure can be lowered for a quick run. */
export interface EcosystemSize {
  startups: number;
  sites: number;
  /** Office modules in all (each site gets one building of two floors). */
  modules: number;
  years: number;
  rounds: number;
}

export const FULL_SIZE: EcosystemSize = { startups: 10_000, sites: 30, modules: 10_000, years: 10, rounds: 50_000 };

export interface Ecosystem {
  organisationId: string;
  siteIds: string[];
  floorIds: string[];
  programIds: string[];
  /** The last complete quarter and month of the generated history. */
  lastQuarter: string;
  lastMonth: string;
}

export const BENCH_PASSWORD = 'Bench-2026!';
const ROWS_PER_FLOOR = 8;

/**
 * A large, deterministic ecosystem in its own organisation ("bench"): sites, programs with a cohort
 * per year, startups enrolled in them, ten years of validated monthly KPI reports, funding rounds
 * with investors, office floors with leases, and a manager and a board member to call the API with.
 * Everything is bulk SQL (generate_series) inside PostgreSQL, respecting every constraint; "random"
 * values are hashes of the row number and the seed, so the same seed gives the same data.
 */
export async function generateEcosystem(db: DataSource, size: EcosystemSize, seed = 42, log: (line: string) => void = console.log): Promise<Ecosystem> {
  const started = performance.now();
  // One connection throughout: the rand() helper and the temporary table live in its session.
  const runner = db.createQueryRunner();
  await runner.connect();
  const sql = (text: string, params?: unknown[]) => runner.query(text, params);
  try {
    return await generate({ query: sql }, size, seed, log, started);
  } finally {
    await runner.release();
  }
}

type Sql = (text: string, params?: unknown[]) => Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function generate(db: { query: Sql }, size: EcosystemSize, seed: number, log: (line: string) => void, started: number): Promise<Ecosystem> {
  const step = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const result = await run();
    log(`  ${what.padEnd(48)} ${((performance.now() - t) / 1000).toFixed(1).padStart(6)} s`);
    return result;
  };
  // rand(i, salt) in [0, 1): a hash of the seed, the row and a salt — deterministic, uncorrelated enough.
  await db.query(`
    CREATE OR REPLACE FUNCTION pg_temp.rand(i bigint, salt text, seed bigint) RETURNS double precision
    LANGUAGE sql IMMUTABLE AS $$ SELECT ((hashtextextended(i::text || ':' || salt, seed) & 2147483647)::double precision / 2147483648) $$`);
  const today = new Date();
  const thisYear = today.getUTCFullYear();
  const firstYear = thisYear - size.years + 1;
  const lastMonthStart = new Date(Date.UTC(thisYear, today.getUTCMonth() - 1, 1)).toISOString().slice(0, 10);
  const currentQuarter = Math.floor(today.getUTCMonth() / 3) + 1;
  const lastQuarter = currentQuarter === 1 ? `${thisYear - 1}-Q4` : `${thisYear}-Q${currentQuarter - 1}`;

  const organisationId = await step('organisation, sites, programs, cohorts', async () => {
    const [org] = await db.query(`INSERT INTO organisations (slug, name) VALUES ('bench', 'Bench Tech Park') RETURNING id`);
    await db.query(
      `INSERT INTO sites (organisation_id, slug, name, city, address)
       SELECT $1, 'site-' || n, 'Site ' || lpad(n::text, 2, '0'), 'Lille', n || ' avenue de Bretagne' FROM generate_series(1, $2) n`,
      [org.id, size.sites],
    );
    await db.query(
      `INSERT INTO programs (organisation_id, site_id, kind, name)
       SELECT $1, s.id, k.kind, k.label || ' ' || s.name FROM sites s,
              (VALUES ('incubator', 'Incubator'), ('accelerator', 'Accelerator')) AS k (kind, label)
       WHERE s.organisation_id = $1`,
      [org.id],
    );
    await db.query(
      `INSERT INTO cohorts (organisation_id, program_id, name, starts_on, ends_on, capacity)
       SELECT $1, p.id, 'Promo ' || y, make_date(y, 1, 1), make_date(y + 1, 1, 1), 1000
       FROM programs p, generate_series($2::int, $3::int) y WHERE p.organisation_id = $1`,
      [org.id, firstYear, thisYear],
    );
    return org.id as string;
  });

  await step(`${size.startups} startups and their enrollments`, async () => {
    await db.query(
      `INSERT INTO startups (organisation_id, legal_name, country, sector, stage, team_size, founded_on)
       SELECT $1, 'Startup ' || lpad(i::text, 5, '0') || ' SAS', 'FR',
              ($4::text[])[1 + floor(pg_temp.rand(i, 'sector', $3) * array_length($4::text[], 1))::int],
              ($5::text[])[1 + floor(pg_temp.rand(i, 'stage', $3) * array_length($5::text[], 1))::int],
              1 + floor(pg_temp.rand(i, 'team', $3) * 30)::int,
              make_date($6::int - 2, 1, 1) + floor(pg_temp.rand(i, 'founded', $3) * 365 * ($7::int + 2))::int
       FROM generate_series(1, $2) i`,
      [organisationId, size.startups, seed, SECTORS, STAGES, firstYear, size.years],
    );
    // Each startup joins one program's cohort of a year (spread over the years) and the next year's.
    await db.query(
      `WITH s AS (SELECT id, row_number() OVER (ORDER BY legal_name) AS i FROM startups WHERE organisation_id = $1),
            p AS (SELECT id, row_number() OVER (ORDER BY name) - 1 AS n FROM programs WHERE organisation_id = $1),
            -- the program from a hash, the year from the row number: every program gets startups of every year
            pick AS (SELECT s.id AS startup_id, p.id AS program_id, $2::int + (s.i % $3::int)::int AS y
                     FROM s JOIN p ON p.n = floor(pg_temp.rand(s.i, 'program', $6) * $5)::int)
       INSERT INTO enrollments (organisation_id, cohort_id, startup_id, status)
       SELECT $1, c.id, pick.startup_id, CASE WHEN extract(year FROM c.starts_on) < $4 THEN 'graduated' ELSE 'active' END
       FROM pick JOIN cohorts c ON c.program_id = pick.program_id AND extract(year FROM c.starts_on) IN (pick.y, pick.y + 1)`,
      [organisationId, firstYear, size.years, thisYear, size.sites * 2, seed],
    );
  });

  await step(`${size.years} years of monthly KPI reports`, () =>
    db.query(
      `INSERT INTO kpi_reports (organisation_id, startup_id, period, period_start, period_end, due_on, status, submitted_at, validated_at)
       SELECT $1, s.id, to_char(m, 'YYYY-MM'), m::date, (m + interval '1 month')::date, (m + interval '1 month')::date + 15, 'validated', m + interval '40 days', m + interval '45 days'
       FROM startups s, generate_series(make_date($2, 1, 1), $3::date, interval '1 month') m
       WHERE s.organisation_id = $1`,
      [organisationId, firstYear, lastMonthStart],
    ),
  );

  await step('KPI values (4 per report)', () =>
    db.query(
      `INSERT INTO kpi_values (organisation_id, report_id, definition_id, value)
       SELECT $1, r.id, d.id,
              CASE d.key
                WHEN 'headcount' THEN 1 + floor(pg_temp.rand(hashtextextended(r.startup_id::text, 0), 'hc', $2) * 25) + floor(extract(year FROM r.period_start) - $3)
                WHEN 'jobs_created' THEN floor(pg_temp.rand(hashtextextended(r.id::text, 0), 'jobs', $2) * 3)
                WHEN 'revenue' THEN round((pg_temp.rand(hashtextextended(r.id::text, 0), 'rev', $2) * 80000)::numeric, 2)
                ELSE floor(pg_temp.rand(hashtextextended(r.id::text, 0), 'cust', $2) * 200) END
       FROM kpi_reports r JOIN kpi_definitions d ON d.organisation_id = r.organisation_id AND d.standard
       WHERE r.organisation_id = $1
       ORDER BY r.id, d.id -- in primary-key order: the index grows at its end instead of splitting pages all over`,
      [organisationId, seed, firstYear],
    ),
  );

  await step('KPI rollups (kpi_rollups, what the board reads)', () => rebuildKpiRollups(db, organisationId));

  await step(`${size.rounds} funding rounds, 500 investors`, async () => {
    await db.query(
      `INSERT INTO investors (organisation_id, name, kind)
       SELECT $1, 'Investor ' || lpad(n::text, 3, '0'), (ARRAY['fund', 'business_angel', 'public_bank', 'corporate'])[1 + n % 4] FROM generate_series(1, 500) n`,
      [organisationId],
    );
    await db.query(
      `WITH s AS (SELECT id, row_number() OVER (ORDER BY legal_name) - 1 AS n FROM startups WHERE organisation_id = $1),
            i AS (SELECT id, row_number() OVER (ORDER BY name) - 1 AS n FROM investors WHERE organisation_id = $1),
            r AS (
              SELECT j, (ARRAY['pre_seed','seed','series_a','series_b','series_c_plus','bridge','grant','public_loan','bank_loan','crowdfunding'])[1 + floor(pg_temp.rand(j, 'kind', $3) * 10)::int] AS kind,
                     pg_temp.rand(j, 'usd', $3) < 0.1 AS usd,
                     (10000 + floor(pg_temp.rand(j, 'amount', $3) * 3000000))::bigint * 100 AS amount_minor,
                     make_date($4, 1, 1) + floor(pg_temp.rand(j, 'closed', $3) * ($5::date - make_date($4, 1, 1)))::int AS closed_on
              FROM generate_series(0, $2 - 1) j),
            made AS (
              INSERT INTO funding_rounds (organisation_id, startup_id, kind, status, currency, amount_minor, eur_rate, amount_eur_cents, announced_on, closed_on, lead_investor_id)
              SELECT $1, s.id, r.kind, 'closed', CASE WHEN r.usd THEN 'USD' ELSE 'EUR' END, r.amount_minor, CASE WHEN r.usd THEN 0.9 ELSE 1 END,
                     CASE WHEN r.usd THEN round(r.amount_minor * 0.9) ELSE r.amount_minor END, r.closed_on - 30, r.closed_on, i.id
              FROM r JOIN s ON s.n = r.j % $6 JOIN i ON i.n = r.j % 500
              RETURNING id, lead_investor_id)
       INSERT INTO funding_round_investors (organisation_id, round_id, investor_id) SELECT $1, id, lead_investor_id FROM made`,
      [organisationId, size.rounds, seed, firstYear, lastMonthStart, size.startups],
    );
  });

  const floorIds = await step(`${size.modules} office modules, about 70 % leased`, async () => {
    const perFloor = Math.ceil(size.modules / (size.sites * 2));
    const cols = Math.ceil(perFloor / ROWS_PER_FLOOR);
    await db.query(
      `INSERT INTO buildings (organisation_id, site_id, name) SELECT $1, id, 'Building ' || name FROM sites WHERE organisation_id = $1`,
      [organisationId],
    );
    await db.query(
      `INSERT INTO floors (organisation_id, building_id, level, name, layout)
       SELECT $1, b.id, level, 'Level ' || level, rtrim(repeat(repeat('M', $2) || E'\\n', $3), E'\\n')
       FROM buildings b, generate_series(1, 2) level WHERE b.organisation_id = $1`,
      [organisationId, cols, ROWS_PER_FLOOR],
    );
    await db.query(
      `INSERT INTO modules (organisation_id, floor_id, col, "row")
       SELECT $1, f.id, c, r FROM floors f, generate_series(0, $2 - 1) c, generate_series(0, $3 - 1) r WHERE f.organisation_id = $1`,
      [organisationId, cols, ROWS_PER_FLOOR],
    );
    // Rows 0–5 of every floor leased in blocks of 4 modules, each to an active startup of the site's programs.
    await db.query(
      `CREATE TEMP TABLE bench_blocks AS
       WITH active AS (
         SELECT DISTINCT ON (e.startup_id) e.startup_id, p.site_id, p.kind FROM enrollments e JOIN cohorts c ON c.id = e.cohort_id JOIN programs p ON p.id = c.program_id
         WHERE e.organisation_id = $1 AND e.status = 'active' ORDER BY e.startup_id, c.starts_on DESC),
       numbered AS (SELECT *, row_number() OVER (PARTITION BY site_id ORDER BY startup_id) - 1 AS n, count(*) OVER (PARTITION BY site_id) AS total FROM active),
       blocks AS (
         SELECT f.id AS floor_id, b.site_id, r, c0, row_number() OVER (PARTITION BY b.site_id ORDER BY f.level, r, c0) - 1 AS k
         FROM floors f JOIN buildings b ON b.id = f.building_id, generate_series(0, 5) r, generate_series(0, $2 - 4, 4) c0
         WHERE f.organisation_id = $1)
       SELECT gen_random_uuid() AS lease_id, blocks.floor_id, blocks.r, blocks.c0, blocks.k, n.startup_id, n.kind
       FROM blocks JOIN numbered n ON n.site_id = blocks.site_id AND n.n = blocks.k % n.total`,
      [organisationId, cols],
    );
    await db.query(
      `INSERT INTO leases (id, organisation_id, startup_id, floor_id, program_kind, starts_on, monthly_price_per_m2_cents)
       SELECT lease_id, $1, startup_id, floor_id, kind, make_date($2, 1, 1), 1500 + 10 * (k % 50) FROM bench_blocks`,
      [organisationId, thisYear],
    );
    await db.query(
      `INSERT INTO lease_modules (lease_id, module_id, period)
       SELECT b.lease_id, m.id, daterange(make_date($1, 1, 1), NULL, '[)')
       FROM bench_blocks b JOIN modules m ON m.floor_id = b.floor_id AND m."row" = b.r AND m.col BETWEEN b.c0 AND b.c0 + 3`,
      [thisYear],
    );
    await db.query('DROP TABLE bench_blocks');
    return (await db.query('SELECT id FROM floors WHERE organisation_id = $1 ORDER BY id', [organisationId])).map((f: { id: string }) => f.id) as string[];
  });

  await step('yearly targets (the board compares the year to date with them)', () =>
    db.query(
      `INSERT INTO organisation_targets (organisation_id, key, year, value)
       SELECT $1, key, y, value FROM (VALUES ('jobs_created', 20000), ('active_startups', 2500), ('funds_raised_eur', 250000000)) t (key, value),
            generate_series($2::int, $3::int) y`,
      [organisationId, firstYear, thisYear],
    ),
  );

  await step('bench users, VACUUM ANALYZE', async () => {
    const hash = await new PasswordHasher().hash(BENCH_PASSWORD);
    for (const [email, role] of [['manager@bench.test', 'manager'], ['board@bench.test', 'board'], ['admin@bench.test', 'admin']]) {
      const [user] = await db.query(`INSERT INTO users (email, display_name, password_hash, locale) VALUES ($1, $2, $3, 'en') RETURNING id`, [email, role, hash]);
      await db.query(`INSERT INTO memberships (user_id, organisation_id, role) VALUES ($1, $2, $3)`, [user.id, organisationId, role]);
    }
    // VACUUM too: otherwise autovacuum wakes up on the million-row tables during the benchmarks and
    // steals the CPU from whatever is being measured (and index-only scans lack a visibility map).
    await db.query('VACUUM (ANALYZE)');
  });

  const [counts] = await db.query(
    `SELECT (SELECT count(*) FROM startups WHERE organisation_id = $1)::int AS startups, (SELECT count(*) FROM kpi_reports WHERE organisation_id = $1)::int AS reports,
            (SELECT count(*) FROM funding_rounds WHERE organisation_id = $1)::int AS rounds, (SELECT count(*) FROM modules WHERE organisation_id = $1)::int AS modules,
            (SELECT count(*) FROM lease_modules lm JOIN leases l ON l.id = lm.lease_id WHERE l.organisation_id = $1)::int AS leased`,
    [organisationId],
  );
  log(`  generated ${counts.startups} startups, ${counts.reports} KPI reports, ${counts.rounds} rounds, ${counts.modules} modules (${counts.leased} leased) in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  const siteIds = (await db.query('SELECT id FROM sites WHERE organisation_id = $1 ORDER BY slug', [organisationId])).map((s: { id: string }) => s.id);
  const programIds = (await db.query('SELECT id FROM programs WHERE organisation_id = $1 ORDER BY name', [organisationId])).map((p: { id: string }) => p.id);
  return { organisationId, siteIds, floorIds, programIds, lastQuarter, lastMonth: lastMonthStart.slice(0, 7) };
}
