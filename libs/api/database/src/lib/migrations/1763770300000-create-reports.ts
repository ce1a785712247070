import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Report runs and their files (stored in the database: durable, backed up with everything else),
 * per-organisation schedules (created with the organisation), e-mail deliveries and KPI reminders
 * (unique rows: a retried job never mails twice) and yearly targets.
 */
export class CreateReports1763770300000 implements MigrationInterface {
  name = 'CreateReports1763770300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE report_schedules (
        organisation_id uuid NOT NULL CONSTRAINT fk_report_schedules_organisation REFERENCES organisations (id) ON DELETE CASCADE,
        kind varchar(16) NOT NULL CONSTRAINT ck_report_schedules_kind CHECK (kind IN ('board_pack', 'occupancy', 'kpi_reminders')),
        cron varchar(100) NOT NULL,
        enabled boolean NOT NULL DEFAULT true,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organisation_id, kind)
      )`);
    // Board pack on the 5th day after each quarter closes, occupancy on the 2nd of the month, reminders daily.
    await queryRunner.query(`
      CREATE FUNCTION create_default_schedules(org uuid) RETURNS void LANGUAGE sql AS $$
        INSERT INTO report_schedules (organisation_id, kind, cron) VALUES
          (org, 'board_pack', '0 7 5 1,4,7,10 *'),
          (org, 'occupancy', '0 7 2 * *'),
          (org, 'kpi_reminders', '0 8 * * *')
        ON CONFLICT DO NOTHING
      $$`);
    await queryRunner.query(`SELECT create_default_schedules(id) FROM organisations`);
    await queryRunner.query(`
      CREATE FUNCTION organisations_default_schedules() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM create_default_schedules(NEW.id);
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER tr_organisations_default_schedules AFTER INSERT ON organisations
      FOR EACH ROW EXECUTE FUNCTION organisations_default_schedules()`);

    await queryRunner.query(`
      CREATE TABLE report_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL CONSTRAINT fk_report_runs_organisation REFERENCES organisations (id) ON DELETE CASCADE,
        kind varchar(16) NOT NULL CONSTRAINT ck_report_runs_kind CHECK (kind IN ('board_pack', 'occupancy')),
        period varchar(7) NOT NULL,
        generation integer NOT NULL DEFAULT 1 CONSTRAINT ck_report_runs_generation CHECK (generation >= 1),
        trigger varchar(10) NOT NULL CONSTRAINT ck_report_runs_trigger CHECK (trigger IN ('schedule', 'on_demand')),
        parameters jsonb NOT NULL DEFAULT '{}',
        requested_by uuid CONSTRAINT fk_report_runs_requested_by REFERENCES users (id) ON DELETE SET NULL,
        status varchar(10) NOT NULL DEFAULT 'queued' CONSTRAINT ck_report_runs_status CHECK (status IN ('queued', 'running', 'completed', 'failed')),
        progress integer NOT NULL DEFAULT 0 CONSTRAINT ck_report_runs_progress CHECK (progress BETWEEN 0 AND 100),
        attempts integer NOT NULL DEFAULT 0,
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    // One run per organisation, kind, period and generation: asking twice returns the same run.
    await queryRunner.query(`CREATE UNIQUE INDEX uq_report_runs_period ON report_runs (organisation_id, kind, period, generation)`);
    await queryRunner.query(`CREATE INDEX ix_report_runs_organisation ON report_runs (organisation_id, created_at DESC)`);

    await queryRunner.query(`
      CREATE TABLE report_files (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        run_id uuid NOT NULL CONSTRAINT fk_report_files_run REFERENCES report_runs (id) ON DELETE CASCADE,
        format varchar(4) NOT NULL CONSTRAINT ck_report_files_format CHECK (format IN ('pdf', 'xlsx', 'csv')),
        locale varchar(2) NOT NULL DEFAULT '' CONSTRAINT ck_report_files_locale CHECK (locale IN ('', 'fr', 'en')),
        filename varchar(200) NOT NULL,
        content bytea NOT NULL,
        size_bytes integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_report_files_run_format UNIQUE (run_id, format, locale)
      )`);

    await queryRunner.query(`
      CREATE TABLE report_deliveries (
        run_id uuid NOT NULL CONSTRAINT fk_report_deliveries_run REFERENCES report_runs (id) ON DELETE CASCADE,
        user_id uuid NOT NULL CONSTRAINT fk_report_deliveries_user REFERENCES users (id) ON DELETE CASCADE,
        queued_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (run_id, user_id)
      )`);

    await queryRunner.query(`
      CREATE TABLE kpi_reminders (
        startup_id uuid NOT NULL CONSTRAINT fk_kpi_reminders_startup REFERENCES startups (id) ON DELETE CASCADE,
        period varchar(7) NOT NULL,
        kind varchar(8) NOT NULL CONSTRAINT ck_kpi_reminders_kind CHECK (kind IN ('before', 'after')),
        user_id uuid NOT NULL CONSTRAINT fk_kpi_reminders_user REFERENCES users (id) ON DELETE CASCADE,
        queued_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (startup_id, period, kind, user_id)
      )`);

    await queryRunner.query(`
      CREATE TABLE organisation_targets (
        organisation_id uuid NOT NULL CONSTRAINT fk_organisation_targets_organisation REFERENCES organisations (id) ON DELETE CASCADE,
        key varchar(20) NOT NULL CONSTRAINT ck_organisation_targets_key CHECK (key IN ('jobs_created', 'active_startups', 'funds_raised_eur')),
        year integer NOT NULL CONSTRAINT ck_organisation_targets_year CHECK (year BETWEEN 2000 AND 2100),
        value numeric(20, 2) NOT NULL CONSTRAINT ck_organisation_targets_value CHECK (value >= 0),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organisation_id, key, year)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER tr_organisations_default_schedules ON organisations`);
    await queryRunner.query(`DROP FUNCTION organisations_default_schedules()`);
    for (const table of ['organisation_targets', 'kpi_reminders', 'report_deliveries', 'report_files', 'report_runs', 'report_schedules']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    await queryRunner.query(`DROP FUNCTION create_default_schedules(uuid)`);
  }
}
