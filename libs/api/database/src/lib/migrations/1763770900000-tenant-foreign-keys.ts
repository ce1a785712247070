import { MigrationInterface, QueryRunner } from 'typeorm';

type OnDelete = 'CASCADE' | 'RESTRICT' | 'NO ACTION';

/** A reference child(column) → parent(id) between two tenant tables, under its existing constraint name. */
interface Reference {
  name: string;
  child: string;
  column: string;
  parent: string;
  onDelete: OnDelete;
}

/** Tables referenced by another tenant table that lack a unique (organisation_id, id) to point at. */
const PARENTS = ['sites', 'programs', 'cohorts', 'buildings', 'floors', 'modules', 'leases', 'waitlist_requests', 'funding_rounds', 'kpi_definitions', 'kpi_reports'];

/** Single-column references between tables that both already have organisation_id. */
const REFERENCES: Reference[] = [
  { name: 'fk_programs_site', child: 'programs', column: 'site_id', parent: 'sites', onDelete: 'CASCADE' },
  { name: 'fk_cohorts_program', child: 'cohorts', column: 'program_id', parent: 'programs', onDelete: 'CASCADE' },
  { name: 'fk_enrollments_cohort', child: 'enrollments', column: 'cohort_id', parent: 'cohorts', onDelete: 'CASCADE' },
  { name: 'fk_enrollments_startup', child: 'enrollments', column: 'startup_id', parent: 'startups', onDelete: 'CASCADE' },
  { name: 'fk_milestones_startup', child: 'milestones', column: 'startup_id', parent: 'startups', onDelete: 'CASCADE' },
  { name: 'fk_buildings_site', child: 'buildings', column: 'site_id', parent: 'sites', onDelete: 'CASCADE' },
  { name: 'fk_floors_building', child: 'floors', column: 'building_id', parent: 'buildings', onDelete: 'CASCADE' },
  { name: 'fk_modules_floor', child: 'modules', column: 'floor_id', parent: 'floors', onDelete: 'CASCADE' },
  { name: 'fk_space_prices_site', child: 'space_prices', column: 'site_id', parent: 'sites', onDelete: 'CASCADE' },
  { name: 'fk_leases_startup', child: 'leases', column: 'startup_id', parent: 'startups', onDelete: 'CASCADE' },
  { name: 'fk_leases_floor', child: 'leases', column: 'floor_id', parent: 'floors', onDelete: 'NO ACTION' },
  { name: 'fk_leases_previous', child: 'leases', column: 'previous_lease_id', parent: 'leases', onDelete: 'NO ACTION' },
  { name: 'fk_waitlist_requests_startup', child: 'waitlist_requests', column: 'startup_id', parent: 'startups', onDelete: 'CASCADE' },
  // site_id is nullable: MATCH SIMPLE (the default) skips the check when it is null, which is what "any site" means.
  { name: 'fk_waitlist_requests_site', child: 'waitlist_requests', column: 'site_id', parent: 'sites', onDelete: 'CASCADE' },
  { name: 'fk_funding_rounds_startup', child: 'funding_rounds', column: 'startup_id', parent: 'startups', onDelete: 'CASCADE' },
  { name: 'fk_kpi_definitions_program', child: 'kpi_definitions', column: 'program_id', parent: 'programs', onDelete: 'CASCADE' },
  { name: 'fk_kpi_reports_startup', child: 'kpi_reports', column: 'startup_id', parent: 'startups', onDelete: 'CASCADE' },
];

/**
 * Link tables that joined two tenant tables without an organisation_id of their own, so nothing stopped
 * a row from pairing one organisation's lease with another's module. The first reference is the one
 * the organisation is taken from (backfill and insert trigger).
 */
const LINK_TABLES: Array<{ table: string; references: Reference[] }> = [
  {
    table: 'lease_modules',
    references: [
      { name: 'fk_lease_modules_lease', child: 'lease_modules', column: 'lease_id', parent: 'leases', onDelete: 'CASCADE' },
      { name: 'fk_lease_modules_module', child: 'lease_modules', column: 'module_id', parent: 'modules', onDelete: 'NO ACTION' },
    ],
  },
  {
    table: 'waitlist_offers',
    references: [
      { name: 'fk_waitlist_offers_request', child: 'waitlist_offers', column: 'request_id', parent: 'waitlist_requests', onDelete: 'CASCADE' },
      { name: 'fk_waitlist_offers_floor', child: 'waitlist_offers', column: 'floor_id', parent: 'floors', onDelete: 'NO ACTION' },
      { name: 'fk_waitlist_offers_lease', child: 'waitlist_offers', column: 'lease_id', parent: 'leases', onDelete: 'NO ACTION' },
    ],
  },
  {
    table: 'funding_round_investors',
    references: [
      { name: 'fk_funding_round_investors_round', child: 'funding_round_investors', column: 'round_id', parent: 'funding_rounds', onDelete: 'CASCADE' },
      { name: 'fk_funding_round_investors_investor', child: 'funding_round_investors', column: 'investor_id', parent: 'investors', onDelete: 'RESTRICT' },
    ],
  },
  {
    table: 'kpi_values',
    references: [
      { name: 'fk_kpi_values_report', child: 'kpi_values', column: 'report_id', parent: 'kpi_reports', onDelete: 'CASCADE' },
      { name: 'fk_kpi_values_definition', child: 'kpi_values', column: 'definition_id', parent: 'kpi_definitions', onDelete: 'CASCADE' },
    ],
  },
];

// investors has had UNIQUE (id, organisation_id) since it was created; every other parent gets (organisation_id, id).
const composite = (r: Reference) =>
  r.parent === 'investors'
    ? `FOREIGN KEY (${r.column}, organisation_id) REFERENCES investors (id, organisation_id) ON DELETE ${r.onDelete}`
    : `FOREIGN KEY (organisation_id, ${r.column}) REFERENCES ${r.parent} (organisation_id, id) ON DELETE ${r.onDelete}`;
const single = (r: Reference) => `FOREIGN KEY (${r.column}) REFERENCES ${r.parent} (id) ON DELETE ${r.onDelete}`;

/**
 * Rows written before this migration by the bugs it closes (a waitlist request for another
 * organisation's site) would make a key fail to validate with a bare 23503. Name every such reference
 * and its row count instead, so an operator can decide what they meant before migrating again; the
 * migration changes no data on its own.
 */
async function refuseCrossTenantRows(queryRunner: QueryRunner): Promise<void> {
  const found: string[] = [];
  // A link table has no organisation_id yet: its organisation is its first parent's (`via`).
  const checks: Array<{ r: Reference; via?: Reference }> = [
    ...REFERENCES.map((r) => ({ r })),
    ...LINK_TABLES.flatMap(({ references: [source, ...others] }) => others.map((r) => ({ r, via: source }))),
  ];
  for (const { r, via } of checks) {
    const [{ count }] = await queryRunner.query(
      via
        ? `SELECT count(*)::int AS count FROM ${r.child} t JOIN ${via.parent} o ON o.id = t.${via.column} JOIN ${r.parent} p ON p.id = t.${r.column} WHERE p.organisation_id <> o.organisation_id`
        : `SELECT count(*)::int AS count FROM ${r.child} t JOIN ${r.parent} p ON p.id = t.${r.column} WHERE p.organisation_id <> t.organisation_id`,
    );
    if (count) found.push(`${count} row(s) of ${r.child}.${r.column} point at ${r.parent} of another organisation`);
  }
  if (found.length) throw new Error(`Cross-organisation references must be resolved before this migration (TenantForeignKeys1763770900000): ${found.join('; ')}`);
}

/**
 * Makes PostgreSQL itself refuse a row of one organisation that points at a row of another: every
 * reference between tenant tables includes organisation_id (as memberships → startups always has), so a
 * service that forgets its organisation check gets a 23503 instead of writing across tenants.
 *
 * The link tables get organisation_id, backfilled from their first parent; a BEFORE INSERT trigger fills
 * it from that parent when the insert leaves it out, so the existing insert statements keep working. The
 * trigger has a WHEN clause: bulk loads that give the column (the data generator) never call it.
 */
export class TenantForeignKeys1763770900000 implements MigrationInterface {
  name = 'TenantForeignKeys1763770900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await refuseCrossTenantRows(queryRunner);
    for (const table of PARENTS) {
      await queryRunner.query(`ALTER TABLE ${table} ADD CONSTRAINT uq_${table}_organisation_id UNIQUE (organisation_id, id)`);
    }
    for (const r of REFERENCES) {
      await queryRunner.query(`ALTER TABLE ${r.child} DROP CONSTRAINT ${r.name}, ADD CONSTRAINT ${r.name} ${composite(r)}`);
    }
    for (const { table, references } of LINK_TABLES) {
      const [source] = references;
      await queryRunner.query(`ALTER TABLE ${table} ADD COLUMN organisation_id uuid`);
      await queryRunner.query(`UPDATE ${table} t SET organisation_id = p.organisation_id FROM ${source.parent} p WHERE p.id = t.${source.column}`);
      await queryRunner.query(`ALTER TABLE ${table} ALTER COLUMN organisation_id SET NOT NULL`);
      await queryRunner.query(`
        CREATE FUNCTION ${table}_organisation() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          SELECT organisation_id INTO NEW.organisation_id FROM ${source.parent} WHERE id = NEW.${source.column};
          RETURN NEW;
        END $$`);
      await queryRunner.query(
        `CREATE TRIGGER tr_${table}_organisation BEFORE INSERT ON ${table} FOR EACH ROW WHEN (NEW.organisation_id IS NULL) EXECUTE FUNCTION ${table}_organisation()`,
      );
      for (const r of references) {
        await queryRunner.query(`ALTER TABLE ${table} DROP CONSTRAINT ${r.name}, ADD CONSTRAINT ${r.name} ${composite(r)}`);
      }
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const { table, references } of [...LINK_TABLES].reverse()) {
      for (const r of references) await queryRunner.query(`ALTER TABLE ${table} DROP CONSTRAINT ${r.name}, ADD CONSTRAINT ${r.name} ${single(r)}`);
      await queryRunner.query(`DROP TRIGGER tr_${table}_organisation ON ${table}`);
      await queryRunner.query(`DROP FUNCTION ${table}_organisation()`);
      await queryRunner.query(`ALTER TABLE ${table} DROP COLUMN organisation_id`);
    }
    for (const r of [...REFERENCES].reverse()) {
      await queryRunner.query(`ALTER TABLE ${r.child} DROP CONSTRAINT ${r.name}, ADD CONSTRAINT ${r.name} ${single(r)}`);
    }
    for (const table of [...PARENTS].reverse()) await queryRunner.query(`ALTER TABLE ${table} DROP CONSTRAINT uq_${table}_organisation_id`);
  }
}
