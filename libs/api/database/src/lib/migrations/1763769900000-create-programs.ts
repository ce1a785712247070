import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The pipeline: startup profiles, programs per site, cohorts, enrollments with their status history,
 * milestones with review comments. Indexes serve the startup list's filters without full scans.
 */
export class CreatePrograms1763769900000 implements MigrationInterface {
  name = 'CreatePrograms1763769900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`
      ALTER TABLE startups
        ADD COLUMN country char(2) NOT NULL DEFAULT 'FR' CONSTRAINT ck_startups_country CHECK (country ~ '^[A-Z]{2}$'),
        ADD COLUMN siren char(9) CONSTRAINT ck_startups_siren CHECK (siren ~ '^[0-9]{9}$'),
        ADD COLUMN sector varchar(32) NOT NULL DEFAULT 'other',
        ADD COLUMN founded_on date,
        ADD COLUMN stage varchar(16) NOT NULL DEFAULT 'idea',
        ADD COLUMN website varchar(300),
        ADD COLUMN description text,
        ADD COLUMN team_size integer NOT NULL DEFAULT 1 CONSTRAINT ck_startups_team_size CHECK (team_size >= 0)`);
    await queryRunner.query(`CREATE UNIQUE INDEX uq_startups_organisation_siren ON startups (organisation_id, siren) WHERE siren IS NOT NULL`);
    // The list's default order and its sector/stage filters walk these in order: no sort, no full scan.
    await queryRunner.query(`DROP INDEX ix_startups_organisation_legal_name`);
    await queryRunner.query(`CREATE INDEX ix_startups_organisation_name ON startups (organisation_id, lower(legal_name), id)`);
    await queryRunner.query(`CREATE INDEX ix_startups_organisation_sector_name ON startups (organisation_id, sector, lower(legal_name), id)`);
    await queryRunner.query(`CREATE INDEX ix_startups_organisation_stage_name ON startups (organisation_id, stage, lower(legal_name), id)`);
    await queryRunner.query(`CREATE INDEX ix_startups_legal_name_trgm ON startups USING gin (lower(legal_name) gin_trgm_ops)`);

    await queryRunner.query(`
      CREATE TABLE programs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL CONSTRAINT fk_programs_organisation REFERENCES organisations (id) ON DELETE CASCADE,
        site_id uuid NOT NULL CONSTRAINT fk_programs_site REFERENCES sites (id) ON DELETE CASCADE,
        kind varchar(16) NOT NULL CONSTRAINT ck_programs_kind CHECK (kind IN ('incubator', 'accelerator', 'business_centre')),
        name varchar(120) NOT NULL,
        description text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX uq_programs_site_name ON programs (site_id, lower(name))`);
    await queryRunner.query(`CREATE INDEX ix_programs_organisation ON programs (organisation_id)`);

    await queryRunner.query(`
      CREATE TABLE cohorts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL CONSTRAINT fk_cohorts_organisation REFERENCES organisations (id) ON DELETE CASCADE,
        program_id uuid NOT NULL CONSTRAINT fk_cohorts_program REFERENCES programs (id) ON DELETE CASCADE,
        name varchar(120) NOT NULL,
        starts_on date NOT NULL,
        ends_on date NOT NULL, -- exclusive: the cohort runs over [starts_on, ends_on)
        capacity integer NOT NULL CONSTRAINT ck_cohorts_capacity CHECK (capacity BETWEEN 1 AND 1000),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_cohorts_dates CHECK (ends_on > starts_on)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX uq_cohorts_program_name ON cohorts (program_id, lower(name))`);
    await queryRunner.query(`CREATE INDEX ix_cohorts_organisation ON cohorts (organisation_id, starts_on DESC)`);

    await queryRunner.query(`
      CREATE TABLE enrollments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL CONSTRAINT fk_enrollments_organisation REFERENCES organisations (id) ON DELETE CASCADE,
        cohort_id uuid NOT NULL CONSTRAINT fk_enrollments_cohort REFERENCES cohorts (id) ON DELETE CASCADE,
        startup_id uuid NOT NULL CONSTRAINT fk_enrollments_startup REFERENCES startups (id) ON DELETE CASCADE,
        status varchar(16) NOT NULL CONSTRAINT ck_enrollments_status CHECK (status IN ('applied', 'admitted', 'active', 'graduated', 'withdrawn')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX uq_enrollments_cohort_startup ON enrollments (cohort_id, startup_id)`);
    await queryRunner.query(`CREATE INDEX ix_enrollments_startup ON enrollments (startup_id, created_at DESC)`);

    await queryRunner.query(`
      CREATE TABLE enrollment_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enrollment_id uuid NOT NULL CONSTRAINT fk_enrollment_events_enrollment REFERENCES enrollments (id) ON DELETE CASCADE,
        from_status varchar(16),
        to_status varchar(16) NOT NULL,
        changed_by uuid CONSTRAINT fk_enrollment_events_user REFERENCES users (id) ON DELETE SET NULL,
        note text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX ix_enrollment_events_enrollment ON enrollment_events (enrollment_id, created_at)`);

    await queryRunner.query(`
      CREATE TABLE milestones (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL CONSTRAINT fk_milestones_organisation REFERENCES organisations (id) ON DELETE CASCADE,
        startup_id uuid NOT NULL CONSTRAINT fk_milestones_startup REFERENCES startups (id) ON DELETE CASCADE,
        title varchar(200) NOT NULL,
        category varchar(16) NOT NULL CONSTRAINT ck_milestones_category
          CHECK (category IN ('product', 'customers', 'revenue', 'funding', 'hiring', 'international', 'other')),
        due_on date NOT NULL,
        status varchar(16) NOT NULL CONSTRAINT ck_milestones_status CHECK (status IN ('planned', 'in_progress', 'achieved', 'missed')),
        evidence_note text,
        evidence_url varchar(500),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX ix_milestones_startup_due ON milestones (startup_id, due_on)`);

    await queryRunner.query(`
      CREATE TABLE milestone_comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        milestone_id uuid NOT NULL CONSTRAINT fk_milestone_comments_milestone REFERENCES milestones (id) ON DELETE CASCADE,
        author_id uuid CONSTRAINT fk_milestone_comments_author REFERENCES users (id) ON DELETE SET NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX ix_milestone_comments_milestone ON milestone_comments (milestone_id, created_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['milestone_comments', 'milestones', 'enrollment_events', 'enrollments', 'cohorts', 'programs']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    for (const index of ['ix_startups_legal_name_trgm', 'ix_startups_organisation_stage_name', 'ix_startups_organisation_sector_name', 'ix_startups_organisation_name', 'uq_startups_organisation_siren']) {
      await queryRunner.query(`DROP INDEX ${index}`);
    }
    await queryRunner.query(`CREATE INDEX ix_startups_organisation_legal_name ON startups (organisation_id, lower(legal_name))`);
    await queryRunner.query(`
      ALTER TABLE startups DROP COLUMN team_size, DROP COLUMN description,
        DROP COLUMN website, DROP COLUMN stage, DROP COLUMN founded_on, DROP COLUMN sector, DROP COLUMN siren, DROP COLUMN country`);
  }
}
