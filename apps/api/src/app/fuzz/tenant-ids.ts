import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** Real ids of one organisation, by kind of row (the fuzz fills id fields with them). */
export type Ids = Record<string, string[]>;

export interface Tenant {
  organisationId: string;
  ids: Ids;
}

/** Kind of row → the query listing that organisation's rows of that kind ($1 = organisation id). */
const LISTS: Record<string, string> = {
  site: `SELECT id FROM sites WHERE organisation_id = $1`,
  building: `SELECT id FROM buildings WHERE organisation_id = $1`,
  floor: `SELECT id FROM floors WHERE organisation_id = $1`,
  module: `SELECT id FROM modules WHERE organisation_id = $1 AND retired_at IS NULL`,
  program: `SELECT id FROM programs WHERE organisation_id = $1`,
  cohort: `SELECT id FROM cohorts WHERE organisation_id = $1`,
  startup: `SELECT id FROM startups WHERE organisation_id = $1`,
  enrollment: `SELECT id FROM enrollments WHERE organisation_id = $1`,
  milestone: `SELECT id FROM milestones WHERE organisation_id = $1`,
  lease: `SELECT id FROM leases WHERE organisation_id = $1`,
  waitlist: `SELECT id FROM waitlist_requests WHERE organisation_id = $1`,
  offer: `SELECT o.id FROM waitlist_offers o JOIN waitlist_requests r ON r.id = o.request_id WHERE r.organisation_id = $1`,
  investor: `SELECT id FROM investors WHERE organisation_id = $1`,
  round: `SELECT id FROM funding_rounds WHERE organisation_id = $1`,
  kpiDefinition: `SELECT id FROM kpi_definitions WHERE organisation_id = $1`,
  kpiReport: `SELECT id FROM kpi_reports WHERE organisation_id = $1`,
  reportRun: `SELECT id FROM report_runs WHERE organisation_id = $1`,
  reportFile: `SELECT f.id FROM report_files f JOIN report_runs r ON r.id = f.run_id WHERE r.organisation_id = $1`,
  // The probe member comes first: the fuzz edits it, never a member whose session it uses.
  user: `SELECT user_id AS id FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.organisation_id = $1 ORDER BY (u.email LIKE 'fuzz-probe-%') DESC, u.email`,
  membership: `SELECT id FROM memberships WHERE organisation_id = $1`,
  invitation: `SELECT id FROM invitations WHERE organisation_id = $1`,
  call: `SELECT id FROM application_calls WHERE organisation_id = $1 ORDER BY slug`,
  application: `SELECT id FROM applications WHERE organisation_id = $1 AND status <> 'draft' ORDER BY id`,
  question: `SELECT id FROM application_questions WHERE organisation_id = $1 ORDER BY id`,
  criterion: `SELECT id FROM application_criteria WHERE organisation_id = $1 ORDER BY id`,
};

/**
 * Rows that the seed does not create but whose ids the API takes (leases, waitlist, report runs and files,
 * invitations) and a member the fuzz may edit freely. Dated in 1990 and in final states, so no other test's
 * day, month, waitlist queue or report period meets them.
 */
async function insertProbes(db: DataSource, organisationId: string): Promise<void> {
  const tag = randomUUID();
  const statements: Array<[string, unknown[]]> = [
    [
      `WITH u AS (INSERT INTO users (email, display_name, password_hash, locale) VALUES ($2, 'Fuzz probe', 'x', 'en') RETURNING id)
       INSERT INTO memberships (user_id, organisation_id, role, is_active) SELECT id, $1, 'board', true FROM u`,
      [organisationId, `fuzz-probe-${tag}@probe.test`],
    ],
    [
      `INSERT INTO invitations (organisation_id, email, role, locale, token_hash, expires_at) VALUES ($1, $2, 'board', 'en', $3, now() + interval '1 day')`,
      [organisationId, `fuzz-invite-${tag}@probe.test`, tag.replace(/-/g, '').padEnd(64, '0')],
    ],
    [
      `WITH m AS (SELECT id, floor_id FROM modules WHERE organisation_id = $1 AND retired_at IS NULL ORDER BY id LIMIT 1),
            s AS (SELECT id FROM startups WHERE organisation_id = $1 ORDER BY id LIMIT 1),
            l AS (INSERT INTO leases (organisation_id, startup_id, floor_id, program_kind, starts_on, ends_on, monthly_price_per_m2_cents)
                  SELECT $1, s.id, m.floor_id, 'incubator', '1990-01-01', '1990-02-01', 1000 FROM m, s RETURNING id)
       INSERT INTO lease_modules (lease_id, module_id, period) SELECT l.id, m.id, daterange('1990-01-01', '1990-02-01') FROM l, m`,
      [organisationId],
    ],
    [
      `WITH r AS (INSERT INTO waitlist_requests (organisation_id, startup_id, site_id, area_m2, starts_on, ends_on, program_kind, monthly_price_per_m2_cents, status)
                  SELECT $1, s.id, (SELECT id FROM sites WHERE organisation_id = $1 ORDER BY id LIMIT 1), 48, '1990-01-01', '1990-02-01', 'incubator', 1000, 'lapsed'
                  FROM startups s WHERE s.organisation_id = $1 ORDER BY s.id LIMIT 1 RETURNING id)
       INSERT INTO waitlist_offers (request_id, floor_id, module_ids, status, expires_at)
       SELECT r.id, (SELECT id FROM floors WHERE organisation_id = $1 ORDER BY id LIMIT 1), '{}', 'lapsed', '1990-01-03' FROM r`,
      [organisationId],
    ],
    [
      `WITH r AS (INSERT INTO report_runs (organisation_id, kind, period, generation, trigger, parameters, status, progress, attempts)
                  VALUES ($1, 'occupancy', '1990-01', 1, 'on_demand', '{}', 'completed', 100, 1) RETURNING id)
       INSERT INTO report_files (run_id, format, locale, filename, content, size_bytes) SELECT id, 'csv', 'en', 'probe.csv', 'x', 1 FROM r`,
      [organisationId],
    ],
    [
      // A closed call of 1990 with a question, a criterion and a submitted application (ordered first by its slug).
      `WITH c AS (SELECT id FROM cohorts WHERE organisation_id = $1 ORDER BY id LIMIT 1),
            k AS (INSERT INTO application_calls (organisation_id, cohort_id, slug, title_fr, title_en, description_fr, description_en, opens_on, closes_on, status)
                  SELECT $1, c.id, $2, 'Sonde', 'Probe', 'Sonde', 'Probe', '1990-01-01', '1990-02-01', 'closed' FROM c RETURNING id),
            q AS (INSERT INTO application_questions (organisation_id, call_id, position, kind, label_fr, label_en) SELECT $1, k.id, 0, 'file', 'Dossier', 'File' FROM k),
            r AS (INSERT INTO application_criteria (organisation_id, call_id, position, label_fr, label_en, weight) SELECT $1, k.id, 0, 'Équipe', 'Team', 1 FROM k)
       INSERT INTO applications (organisation_id, call_id, email, startup_name, locale, status, submitted_at)
       SELECT $1, k.id, $3, 'Fuzz probe', 'en', 'submitted', '1990-01-15' FROM k`,
      [organisationId, `a-fuzz-${tag.slice(0, 8)}`, `fuzz-apply-${tag}@probe.test`],
    ],
  ];
  for (const [sql, parameters] of statements) {
    // A probe the schema no longer accepts leaves that kind without ids (random ones are used): not a failure of the API.
    await db.query(sql, parameters).catch((error: Error) => console.warn(`fuzz probe not inserted: ${error.message.split('\n')[0]}`));
  }
}

/**
 * An organisation without floors (the seed gives the other one none) gets a building and a floor of three
 * modules through the API, so building, floor and module ids of both organisations exist to be swapped.
 */
export async function ensureSpace(db: DataSource, api: string, headers: Record<string, string>, slug: string): Promise<void> {
  const [site] = await db.query(
    `SELECT s.id, (SELECT count(*)::int FROM floors f WHERE f.organisation_id = o.id) AS floors
     FROM organisations o JOIN sites s ON s.organisation_id = o.id WHERE o.slug = $1 ORDER BY s.id LIMIT 1`,
    [slug],
  );
  if (!site || site.floors > 0) return;
  const post = async (path: string, body: object) => {
    const response = await fetch(`${api}${path}`, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    if (response.status !== 201) throw new Error(`fuzz set-up: POST ${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as { id: string };
  };
  const building = await post('/space/buildings', { siteId: site.id, name: 'Fuzz building' });
  await post('/space/floors', { buildingId: building.id, level: 1, name: 'Fuzz floor', layout: 'MMM' });
}

export async function collectTenant(db: DataSource, slug: string): Promise<Tenant> {
  const [organisation] = await db.query('SELECT id FROM organisations WHERE slug = $1', [slug]);
  await insertProbes(db, organisation.id);
  const ids: Ids = {};
  for (const [kind, sql] of Object.entries(LISTS)) {
    ids[kind] = (await db.query(sql, [organisation.id])).map((row: { id: string }) => row.id);
  }
  return { organisationId: organisation.id, ids };
}

/** Which kind of row an id field names, from its name (body and query) or the path segment before it. */
export function kindOf(name: string, path = ''): string | undefined {
  const byName: Record<string, string> = {
    siteId: 'site', buildingId: 'building', floorId: 'floor', moduleIds: 'module', addModuleId: 'module', removeModuleId: 'module',
    programId: 'program', cohortId: 'cohort', startupId: 'startup', milestoneId: 'milestone', investorIds: 'investor',
    leadInvestorId: 'investor', userId: 'user', fileId: 'reportFile', entityId: 'startup',
    applicationId: 'application', questionId: 'question', criterionId: 'criterion',
  };
  if (byName[name]) return byName[name];
  if (name !== 'id') return undefined;
  const segment = path.match(/\/([\w-]+)\/\{id\}/)?.[1] ?? '';
  const bySegment: Record<string, string> = {
    invitations: 'invitation', startups: 'startup', cohorts: 'cohort', enrollments: 'enrollment', modules: 'module', offers: 'offer', waitlist: 'waitlist',
    floors: 'floor', leases: 'lease', 'funding-rounds': 'round', 'kpi-reports': 'kpiReport', 'report-runs': 'reportRun',
    calls: 'call', applications: 'application',
  };
  return bySegment[segment];
}
