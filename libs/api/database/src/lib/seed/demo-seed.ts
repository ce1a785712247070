import { DataSource, EntityManager } from 'typeorm';
import { PasswordHasher, upsertPlatformOperator } from '@incubator/api/identity';
import { parseLayout } from '@incubator/api/space';
import type { Role } from '@incubator/contracts';

/** Every demo account uses this password (documented in the README; demo data only). */
export const DEMO_PASSWORD = 'Demo-2026!';

interface DemoOrganisation {
  slug: string;
  name: string;
  sites: Array<{ slug: string; name: string; city: string; address: string }>;
  startups: Array<{ legalName: string; siren: string; sector: string; stage: string; teamSize: number }>;
  /** A building with floors of 24 m² modules (`M`; `.` corridors) and the site's price list in cents/m²/month. */
  space?: {
    site: string;
    building: string;
    prices: Record<'incubator' | 'accelerator' | 'business_centre', number>;
    floors: Array<{ level: number; name: string; layout: string }>;
  };
  /** Investors, closed rounds and validated monthly KPI history of the named startups. */
  funding?: {
    investors: Array<{ name: string; kind: 'fund' | 'business_angel' | 'public_bank' | 'corporate' }>;
    rounds: Array<{ startup: string; kind: string; amountEuros: number; closedOn: string; lead: string; investors: string[] }>;
    kpiHistory: string[];
    /** Targets for the current calendar year. */
    targets: Array<{ key: 'jobs_created' | 'active_startups' | 'funds_raised_eur'; value: number }>;
  };
  programs: Array<{ site: string; kind: 'incubator' | 'accelerator' | 'business_centre'; name: string; cohort?: { name: string; startsOn: string; endsOn: string; capacity: number; enroll: Array<[string, 'applied' | 'admitted' | 'active' | 'graduated']> } }>;
  users: Array<{ email: string; displayName: string; role: Role; locale: 'fr' | 'en'; startup?: string }>;
}

/** A small Lille-like park operator, enough to click through every area, and a second tenant to prove isolation. */
export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  {
    slug: 'demo',
    name: 'Demo Tech Park Lille',
    sites: [
      { slug: 'lille', name: 'Demo Tech Park Lille', city: 'Lille', address: '165 avenue de Bretagne, 59000 Lille' },
      { slug: 'eurasante', name: 'Demo Health Campus', city: 'Loos', address: '310 avenue Eugène Avinée, 59120 Loos' },
      { slug: 'plaine-images', name: 'Demo Creative Campus', city: 'Tourcoing', address: '99A boulevard Descat, 59200 Tourcoing' },
    ],
    startups: [
      { legalName: 'Nordlys Robotics SAS', siren: '732829320', sector: 'industry', stage: 'mvp', teamSize: 6 },
      { legalName: 'Canopée Data SAS', siren: '552100554', sector: 'ai', stage: 'revenue', teamSize: 14 },
      { legalName: 'Beffroi Health SAS', siren: '542065479', sector: 'healthtech', stage: 'prototype', teamSize: 4 },
      { legalName: 'Vauban Mobility SAS', siren: '812345601', sector: 'mobility', stage: 'revenue', teamSize: 9 },
      { legalName: 'Citadelle Foods SAS', siren: '812345619', sector: 'foodtech', stage: 'mvp', teamSize: 5 },
    ],
    funding: {
      investors: [
        { name: 'Bpifrance', kind: 'public_bank' },
        { name: 'Nord Amorçage Capital', kind: 'fund' },
        { name: 'Business Angels des Flandres', kind: 'business_angel' },
      ],
      rounds: [
        { startup: 'Canopée Data SAS', kind: 'seed', amountEuros: 1_200_000, closedOn: '2026-03-12', lead: 'Nord Amorçage Capital', investors: ['Bpifrance'] },
        { startup: 'Nordlys Robotics SAS', kind: 'pre_seed', amountEuros: 300_000, closedOn: '2025-11-05', lead: 'Business Angels des Flandres', investors: [] },
        { startup: 'Nordlys Robotics SAS', kind: 'grant', amountEuros: 30_000, closedOn: '2026-02-20', lead: 'Bpifrance', investors: [] },
      ],
      kpiHistory: ['Nordlys Robotics SAS', 'Canopée Data SAS', 'Vauban Mobility SAS', 'Citadelle Foods SAS'],
      targets: [
        { key: 'jobs_created', value: 40 },
        { key: 'active_startups', value: 6 },
        { key: 'funds_raised_eur', value: 2_500_000 },
      ],
    },
    programs: [
      {
        site: 'lille',
        kind: 'incubator',
        name: 'Incubateur Lille',
        cohort: { name: 'Promo 2026', startsOn: '2026-01-05', endsOn: '2026-12-19', capacity: 12, enroll: [['Nordlys Robotics SAS', 'active'], ['Canopée Data SAS', 'graduated'], ['Vauban Mobility SAS', 'active'], ['Citadelle Foods SAS', 'active']] },
      },
      {
        site: 'eurasante',
        kind: 'accelerator',
        name: 'Health Accelerator',
        cohort: { name: 'Batch 2026-S2', startsOn: '2026-09-01', endsOn: '2027-03-01', capacity: 8, enroll: [['Beffroi Health SAS', 'applied']] },
      },
      { site: 'lille', kind: 'business_centre', name: 'Business Centre Lille' },
    ],
    space: {
      site: 'lille',
      building: 'Bâtiment Blan-Lafont',
      prices: { incubator: 1500, accelerator: 1900, business_centre: 2400 },
      floors: [
        { level: 1, name: 'Niveau 1', layout: 'MMMMM.MMMMM\nMMMMM.MMMMM\n...........\nMMMMM.MMMMM' },
        { level: 2, name: 'Niveau 2', layout: 'MMMMMMMMMM\nMMMM..MMMM\nMMMMMMMMMM' },
      ],
    },
    users: [
      { email: 'admin@demo.test', displayName: 'Claire Admin', role: 'admin', locale: 'fr' },
      { email: 'manager@demo.test', displayName: 'Marc Manager', role: 'manager', locale: 'fr' },
      { email: 'board@demo.test', displayName: 'Beatrice Board', role: 'board', locale: 'en' },
      { email: 'startup@demo.test', displayName: 'Sami Founder', role: 'startup', locale: 'fr', startup: 'Nordlys Robotics SAS' },
    ],
  },
  {
    slug: 'other',
    name: 'Other Innovation Park',
    sites: [{ slug: 'calais', name: 'Other Park Calais', city: 'Calais', address: '1 rue du Port, 62100 Calais' }],
    startups: [{ legalName: 'Opale Energy SAS', siren: '443061841', sector: 'greentech', stage: 'mvp', teamSize: 5 }],
    programs: [
      {
        site: 'calais',
        kind: 'incubator',
        name: 'Incubateur Côte d’Opale',
        cohort: { name: 'Promo 2026', startsOn: '2026-02-02', endsOn: '2026-11-30', capacity: 6, enroll: [['Opale Energy SAS', 'active']] },
      },
    ],
    users: [
      { email: 'admin@other.test', displayName: 'Olivia Other-Admin', role: 'admin', locale: 'en' },
      { email: 'manager@other.test', displayName: 'Oscar Other-Manager', role: 'manager', locale: 'fr' },
      { email: 'startup@other.test', displayName: 'Odile Other-Founder', role: 'startup', locale: 'fr', startup: 'Opale Energy SAS' },
    ],
  },
];

/** The platform operator of the demo: outside both organisations, sees the global queues and heartbeats. */
export const DEMO_OPERATOR = { email: 'operator@demo.test', displayName: 'Olivier Opérateur', locale: 'fr' as const };

export class SeedRefusedError extends Error {}

/**
 * Writes the demo organisations, sites, startups, one account per role and the platform operator. Idempotent: rows are
 * keyed by slug, name or email, so `npm start` runs it every time. Refuses to run in production.
 */
export async function seedDemoData(dataSource: DataSource, nodeEnv = process.env['NODE_ENV']): Promise<void> {
  if (nodeEnv === 'production') throw new SeedRefusedError('The demo seed never runs with NODE_ENV=production');
  const passwordHash = await new PasswordHasher().hash(DEMO_PASSWORD);
  await dataSource.transaction(async (manager) => {
    for (const organisation of DEMO_ORGANISATIONS) await seedOrganisation(manager, organisation, passwordHash);
    await upsertPlatformOperator(manager, { ...DEMO_OPERATOR, passwordHash });
  });
}

async function seedOrganisation(manager: EntityManager, demo: DemoOrganisation, passwordHash: string): Promise<void> {
  const [organisation] = await manager.query(
    `INSERT INTO organisations (slug, name) VALUES ($1, $2)
     ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name, updated_at = now() RETURNING id`,
    [demo.slug, demo.name],
  );
  for (const site of demo.sites) {
    await manager.query(
      `INSERT INTO sites (organisation_id, slug, name, city, address) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (organisation_id, slug) DO UPDATE
         SET name = EXCLUDED.name, city = EXCLUDED.city, address = EXCLUDED.address, updated_at = now()`,
      [organisation.id, site.slug, site.name, site.city, site.address],
    );
  }
  const startupIds = new Map<string, string>();
  for (const startup of demo.startups) {
    const [row] = await manager.query(
      `INSERT INTO startups (organisation_id, legal_name, country, siren, sector, stage, team_size) VALUES ($1, $2, 'FR', $3, $4, $5, $6)
       ON CONFLICT (organisation_id, siren) WHERE siren IS NOT NULL
       DO UPDATE SET legal_name = EXCLUDED.legal_name, sector = EXCLUDED.sector, stage = EXCLUDED.stage RETURNING id`,
      [organisation.id, startup.legalName, startup.siren, startup.sector, startup.stage, startup.teamSize],
    );
    startupIds.set(startup.legalName, row.id);
  }
  for (const program of demo.programs) {
    const [site] = await manager.query('SELECT id FROM sites WHERE organisation_id = $1 AND slug = $2', [organisation.id, program.site]);
    const [row] = await manager.query(
      `INSERT INTO programs (organisation_id, site_id, kind, name) VALUES ($1, $2, $3, $4)
       ON CONFLICT (site_id, lower(name)) DO UPDATE SET kind = EXCLUDED.kind RETURNING id`,
      [organisation.id, site.id, program.kind, program.name],
    );
    if (!program.cohort) continue;
    const { cohort } = program;
    const [cohortRow] = await manager.query(
      `INSERT INTO cohorts (organisation_id, program_id, name, starts_on, ends_on, capacity) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (program_id, lower(name)) DO UPDATE SET starts_on = EXCLUDED.starts_on RETURNING id`,
      [organisation.id, row.id, cohort.name, cohort.startsOn, cohort.endsOn, cohort.capacity],
    );
    for (const [legalName, status] of cohort.enroll) {
      const [enrollment] = await manager.query(
        `INSERT INTO enrollments (organisation_id, cohort_id, startup_id, status) VALUES ($1, $2, $3, $4)
         ON CONFLICT (cohort_id, startup_id) DO NOTHING RETURNING id`,
        [organisation.id, cohortRow.id, startupIds.get(legalName), status],
      );
      if (enrollment) {
        await manager.query(`INSERT INTO enrollment_events (enrollment_id, from_status, to_status, note) VALUES ($1, NULL, $2, 'demo data')`, [enrollment.id, status]);
        await seedMilestones(manager, organisation.id, startupIds.get(legalName) as string);
      }
    }
  }
  if (demo.space) await seedSpace(manager, organisation.id, demo.space);
  if (demo.funding) await seedFunding(manager, organisation.id, demo.funding, startupIds);
  for (const user of demo.users) {
    const [account] = await manager.query(
      `INSERT INTO users (email, display_name, password_hash, locale) VALUES ($1, $2, $3, $4)
       ON CONFLICT (email) DO UPDATE SET display_name = EXCLUDED.display_name, password_hash = EXCLUDED.password_hash
       RETURNING id`,
      [user.email, user.displayName, passwordHash, user.locale],
    );
    await manager.query(
      `INSERT INTO memberships (user_id, organisation_id, role, startup_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id, organisation_id) DO UPDATE
         SET role = EXCLUDED.role, startup_id = EXCLUDED.startup_id, is_active = true, updated_at = now()`,
      [account.id, organisation.id, user.role, user.startup ? startupIds.get(user.startup) : null],
    );
  }
}

async function seedSpace(manager: EntityManager, organisationId: string, space: NonNullable<DemoOrganisation['space']>): Promise<void> {
  const [site] = await manager.query('SELECT id FROM sites WHERE organisation_id = $1 AND slug = $2', [organisationId, space.site]);
  const [building] = await manager.query(
    `INSERT INTO buildings (organisation_id, site_id, name) VALUES ($1, $2, $3)
     ON CONFLICT (site_id, lower(name)) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
    [organisationId, site.id, space.building],
  );
  for (const [kind, cents] of Object.entries(space.prices)) {
    await manager.query(
      `INSERT INTO space_prices (organisation_id, site_id, program_kind, monthly_price_per_m2_cents) VALUES ($1, $2, $3, $4)
       ON CONFLICT (site_id, program_kind) DO UPDATE SET monthly_price_per_m2_cents = EXCLUDED.monthly_price_per_m2_cents`,
      [organisationId, site.id, kind, cents],
    );
  }
  for (const floor of space.floors) {
    const [row] = await manager.query(
      `INSERT INTO floors (organisation_id, building_id, level, name, layout) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (building_id, level) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
      [organisationId, building.id, floor.level, floor.name, floor.layout],
    );
    const cells = parseLayout(floor.layout);
    await manager.query(
      `INSERT INTO modules (organisation_id, floor_id, col, "row")
       SELECT $1, $2, c.col, c.row FROM jsonb_to_recordset($3::jsonb) AS c(col int, "row" int)
       ON CONFLICT (floor_id, col, "row") DO NOTHING`,
      [organisationId, row.id, JSON.stringify(cells)],
    );
  }
}

/** A few milestones per enrolled startup: one achieved, one in progress, one overdue. */
async function seedMilestones(manager: EntityManager, organisationId: string, startupId: string): Promise<void> {
  const milestones: Array<[string, string, string, string]> = [
    ['First paying customer', 'customers', '2026-03-31', 'achieved'],
    ['Seed round closed', 'funding', '2026-12-15', 'in_progress'],
    ['Hire a CTO', 'hiring', '2026-06-30', 'planned'],
  ];
  for (const [title, category, dueOn, status] of milestones) {
    await manager.query(
      'INSERT INTO milestones (organisation_id, startup_id, title, category, due_on, status) VALUES ($1, $2, $3, $4, $5, $6)',
      [organisationId, startupId, title, category, dueOn, status],
    );
  }
}

/** The demo's investors and closed rounds (EUR), keyed by names so reseeding adds nothing. */
async function seedFunding(manager: EntityManager, organisationId: string, funding: NonNullable<DemoOrganisation['funding']>, startupIds: Map<string, string>): Promise<void> {
  const investorIds = new Map<string, string>();
  for (const investor of funding.investors) {
    const [row] = await manager.query(
      `INSERT INTO investors (organisation_id, name, kind) VALUES ($1, $2, $3)
       ON CONFLICT (organisation_id, lower(name)) DO UPDATE SET kind = EXCLUDED.kind RETURNING id`,
      [organisationId, investor.name, investor.kind],
    );
    investorIds.set(investor.name, row.id);
  }
  for (const round of funding.rounds) {
    const startupId = startupIds.get(round.startup);
    const [exists] = await manager.query('SELECT 1 FROM funding_rounds WHERE startup_id = $1 AND kind = $2 AND closed_on = $3', [startupId, round.kind, round.closedOn]);
    if (exists) continue;
    const cents = String(round.amountEuros * 100);
    const [row] = await manager.query(
      `INSERT INTO funding_rounds (organisation_id, startup_id, kind, status, currency, amount_minor, eur_rate, amount_eur_cents, announced_on, closed_on, lead_investor_id)
       VALUES ($1, $2, $3, 'closed', 'EUR', $4, 1, $4, $5, $5, $6) RETURNING id`,
      [organisationId, startupId, round.kind, cents, round.closedOn, investorIds.get(round.lead)],
    );
    for (const name of new Set([round.lead, ...round.investors])) {
      await manager.query('INSERT INTO funding_round_investors (round_id, investor_id) VALUES ($1, $2)', [row.id, investorIds.get(name)]);
    }
  }
  for (const [index, name] of funding.kpiHistory.entries()) await seedKpiHistory(manager, organisationId, startupIds.get(name) as string, index);
  for (const target of funding.targets) {
    await manager.query(
      `INSERT INTO organisation_targets (organisation_id, key, year, value) VALUES ($1, $2, extract(year FROM now())::int, $3) ON CONFLICT DO NOTHING`,
      [organisationId, target.key, target.value],
    );
  }
}

/**
 * Validated monthly KPI reports from twelve months back to two months back, so the last month stays
 * open for the founder to report (the demo's and the e2e test's first step). Values grow steadily.
 */
async function seedKpiHistory(manager: EntityManager, organisationId: string, startupId: string, seed: number): Promise<void> {
  const definitions = new Map<string, string>(
    (await manager.query('SELECT key, id FROM kpi_definitions WHERE organisation_id = $1', [organisationId])).map((d: { key: string; id: string }) => [d.key, d.id]),
  );
  const now = new Date();
  for (let back = 12; back >= 2; back--) {
    const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
    const period = month.toISOString().slice(0, 7);
    const step = 12 - back;
    const [report] = await manager.query(
      `INSERT INTO kpi_reports (organisation_id, startup_id, period, period_start, period_end, due_on, status, submitted_at, validated_at)
       VALUES ($1, $2, $3, $4::date, ($4::date + interval '1 month')::date, ($4::date + interval '1 month')::date + 15, 'validated', now(), now())
       ON CONFLICT (startup_id, period) DO NOTHING RETURNING id`,
      [organisationId, startupId, period, `${period}-01`],
    );
    if (!report) continue;
    const values: Record<string, string> = {
      headcount: String(4 + (seed % 2) * 8 + seed + Math.floor(step / 3)),
      jobs_created: String(step % 3 === 0 ? 1 : 0),
      revenue: (8000 + (seed % 2) * 30000 + seed * 1500 + step * 1250.5).toFixed(2),
      customers: String(3 + (seed % 2) * 10 + seed + step),
    };
    for (const [key, value] of Object.entries(values)) {
      await manager.query('INSERT INTO kpi_values (report_id, definition_id, value) VALUES ($1, $2, $3)', [report.id, definitions.get(key), value]);
    }
  }
}
