import type { EntityManager } from 'typeorm';
import type { EnrollmentStatus, ProgramKind } from '@incubator/contracts';

export interface ProgramSeed {
  organisationId: string;
  /** Site ids by slug, as returned by `seedOrganisations`. */
  siteIds: ReadonlyMap<string, string>;
  /** Startup ids by legal name, as returned by `seedStartups`. */
  startupIds: ReadonlyMap<string, string>;
  programs: Array<{
    site: string;
    kind: ProgramKind;
    name: string;
    cohort?: { name: string; startsOn: string; endsOn: string; capacity: number; enroll: Array<[string, EnrollmentStatus]> };
  }>;
}

/**
 * Writes an organisation's programs, their cohort and its enrollments (keyed by names, so reseeding adds
 * nothing); a startup enrolled for the first time gets its enrollment event and a few milestones.
 */
export async function seedPrograms(manager: EntityManager, data: ProgramSeed): Promise<void> {
  const { organisationId } = data;
  for (const program of data.programs) {
    const [row] = await manager.query<Array<{ id: string }>>(
      `INSERT INTO programs (organisation_id, site_id, kind, name) VALUES ($1, $2, $3, $4)
       ON CONFLICT (site_id, lower(name)) DO UPDATE SET kind = EXCLUDED.kind RETURNING id`,
      [organisationId, idOf(data.siteIds, program.site), program.kind, program.name],
    );
    if (!program.cohort) continue;
    const { cohort } = program;
    const [cohortRow] = await manager.query<Array<{ id: string }>>(
      `INSERT INTO cohorts (organisation_id, program_id, name, starts_on, ends_on, capacity) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (program_id, lower(name)) DO UPDATE SET starts_on = EXCLUDED.starts_on RETURNING id`,
      [organisationId, row.id, cohort.name, cohort.startsOn, cohort.endsOn, cohort.capacity],
    );
    for (const [legalName, status] of cohort.enroll) {
      const startupId = idOf(data.startupIds, legalName);
      const [enrollment] = await manager.query<Array<{ id: string }>>(
        `INSERT INTO enrollments (organisation_id, cohort_id, startup_id, status) VALUES ($1, $2, $3, $4)
         ON CONFLICT (cohort_id, startup_id) DO NOTHING RETURNING id`,
        [organisationId, cohortRow.id, startupId, status],
      );
      if (enrollment) {
        await manager.query(`INSERT INTO enrollment_events (enrollment_id, from_status, to_status, note) VALUES ($1, NULL, $2, 'demo data')`, [enrollment.id, status]);
        await seedMilestones(manager, organisationId, startupId);
      }
    }
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

function idOf(ids: ReadonlyMap<string, string>, name: string): string {
  const id = ids.get(name);
  if (!id) throw new Error(`The program seed names ${name}, which the organisation's seed did not write`);
  return id;
}
