import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Funding rounds with their investors, KPI definitions and per-period KPI reports.
 * Money is integer minor units (bigint); KPI values are numeric. Every organisation gets the standard
 * KPIs from the start: existing ones here, new ones through a trigger on organisations.
 */
export class CreateFundingAndKpis1763770200000 implements MigrationInterface {
  name = 'CreateFundingAndKpis1763770200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE investors (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL CONSTRAINT fk_investors_organisation REFERENCES organisations (id) ON DELETE CASCADE,
        name varchar(160) NOT NULL,
        kind varchar(16) NOT NULL CONSTRAINT ck_investors_kind CHECK (kind IN ('fund', 'business_angel', 'public_bank', 'corporate')),
        website varchar(300),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_investors_id_organisation UNIQUE (id, organisation_id)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX uq_investors_organisation_name ON investors (organisation_id, lower(name))`);

    await queryRunner.query(`
      CREATE TABLE funding_rounds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL CONSTRAINT fk_funding_rounds_organisation REFERENCES organisations (id) ON DELETE CASCADE,
        startup_id uuid NOT NULL CONSTRAINT fk_funding_rounds_startup REFERENCES startups (id) ON DELETE CASCADE,
        kind varchar(16) NOT NULL CONSTRAINT ck_funding_rounds_kind CHECK (kind IN
          ('pre_seed', 'seed', 'series_a', 'series_b', 'series_c_plus', 'bridge', 'grant', 'public_loan', 'bank_loan', 'crowdfunding')),
        status varchar(16) NOT NULL CONSTRAINT ck_funding_rounds_status CHECK (status IN ('planned', 'announced', 'closed', 'cancelled')),
        currency char(3) NOT NULL CONSTRAINT ck_funding_rounds_currency CHECK (currency ~ '^[A-Z]{3}$'),
        amount_minor bigint NOT NULL CONSTRAINT ck_funding_rounds_amount CHECK (amount_minor > 0),
        eur_rate numeric(18, 8) NOT NULL CONSTRAINT ck_funding_rounds_rate CHECK (eur_rate > 0),
        amount_eur_cents bigint NOT NULL CONSTRAINT ck_funding_rounds_amount_eur CHECK (amount_eur_cents >= 0),
        announced_on date,
        closed_on date,
        lead_investor_id uuid,
        pre_money_minor bigint CONSTRAINT ck_funding_rounds_pre_money CHECK (pre_money_minor > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_funding_rounds_closed_on CHECK (status <> 'closed' OR closed_on IS NOT NULL),
        CONSTRAINT ck_funding_rounds_eur_rate CHECK (currency <> 'EUR' OR eur_rate = 1),
        CONSTRAINT fk_funding_rounds_lead FOREIGN KEY (lead_investor_id, organisation_id) REFERENCES investors (id, organisation_id)
      )`);
    await queryRunner.query(`CREATE INDEX ix_funding_rounds_startup ON funding_rounds (startup_id, closed_on DESC)`);
    // Funds raised over a date range: closed rounds by closing date.
    await queryRunner.query(`CREATE INDEX ix_funding_rounds_closed ON funding_rounds (organisation_id, closed_on) WHERE status = 'closed'`);

    await queryRunner.query(`
      CREATE TABLE funding_round_investors (
        round_id uuid NOT NULL CONSTRAINT fk_funding_round_investors_round REFERENCES funding_rounds (id) ON DELETE CASCADE,
        investor_id uuid NOT NULL CONSTRAINT fk_funding_round_investors_investor REFERENCES investors (id) ON DELETE RESTRICT,
        PRIMARY KEY (round_id, investor_id)
      )`);
    await queryRunner.query(`CREATE INDEX ix_funding_round_investors_investor ON funding_round_investors (investor_id)`);

    await queryRunner.query(`
      CREATE TABLE kpi_definitions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL CONSTRAINT fk_kpi_definitions_organisation REFERENCES organisations (id) ON DELETE CASCADE,
        program_id uuid CONSTRAINT fk_kpi_definitions_program REFERENCES programs (id) ON DELETE CASCADE,
        key varchar(40) NOT NULL CONSTRAINT ck_kpi_definitions_key CHECK (key ~ '^[a-z][a-z0-9_]{1,39}$'),
        label_fr varchar(120) NOT NULL,
        label_en varchar(120) NOT NULL,
        unit varchar(8) NOT NULL CONSTRAINT ck_kpi_definitions_unit CHECK (unit IN ('count', 'eur', 'percent')),
        aggregation varchar(8) NOT NULL CONSTRAINT ck_kpi_definitions_aggregation CHECK (aggregation IN ('sum', 'average', 'latest')),
        periodicity varchar(10) NOT NULL CONSTRAINT ck_kpi_definitions_periodicity CHECK (periodicity IN ('monthly', 'quarterly')),
        required boolean NOT NULL DEFAULT false,
        min_value numeric(20, 4),
        max_value numeric(20, 4),
        standard boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_kpi_definitions_bounds CHECK (min_value IS NULL OR max_value IS NULL OR min_value <= max_value)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX uq_kpi_definitions_organisation_key ON kpi_definitions (organisation_id, key)`);

    await queryRunner.query(`
      CREATE FUNCTION create_standard_kpis(org uuid) RETURNS void LANGUAGE sql AS $$
        INSERT INTO kpi_definitions (organisation_id, key, label_fr, label_en, unit, aggregation, periodicity, required, min_value, max_value, standard)
        VALUES
          (org, 'headcount', 'Effectif (ETP)', 'Headcount (FTE)', 'count', 'latest', 'monthly', true, 0, 5000, true),
          (org, 'jobs_created', 'Emplois créés', 'Jobs created', 'count', 'sum', 'monthly', true, 0, 500, true),
          (org, 'revenue', 'Chiffre d''affaires', 'Revenue', 'eur', 'sum', 'monthly', true, 0, 1000000000, true),
          (org, 'customers', 'Clients', 'Customers', 'count', 'latest', 'monthly', false, 0, 100000000, true)
        ON CONFLICT (organisation_id, key) DO NOTHING
      $$`);
    await queryRunner.query(`SELECT create_standard_kpis(id) FROM organisations`);
    await queryRunner.query(`
      CREATE FUNCTION organisations_standard_kpis() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM create_standard_kpis(NEW.id);
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER tr_organisations_standard_kpis AFTER INSERT ON organisations
      FOR EACH ROW EXECUTE FUNCTION organisations_standard_kpis()`);

    await queryRunner.query(`
      CREATE TABLE kpi_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL CONSTRAINT fk_kpi_reports_organisation REFERENCES organisations (id) ON DELETE CASCADE,
        startup_id uuid NOT NULL CONSTRAINT fk_kpi_reports_startup REFERENCES startups (id) ON DELETE CASCADE,
        period varchar(7) NOT NULL CONSTRAINT ck_kpi_reports_period CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2]|Q[1-4])$'),
        period_start date NOT NULL,
        period_end date NOT NULL, -- exclusive: the report covers [period_start, period_end)
        due_on date NOT NULL,
        status varchar(10) NOT NULL CONSTRAINT ck_kpi_reports_status CHECK (status IN ('draft', 'submitted', 'validated', 'returned')),
        return_comment text,
        submitted_at timestamptz,
        validated_at timestamptz,
        validated_by uuid CONSTRAINT fk_kpi_reports_validated_by REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_kpi_reports_dates CHECK (period_end > period_start)
      )`);
    // One report per startup and period.
    await queryRunner.query(`CREATE UNIQUE INDEX uq_kpi_reports_startup_period ON kpi_reports (startup_id, period)`);
    await queryRunner.query(`CREATE INDEX ix_kpi_reports_organisation_status ON kpi_reports (organisation_id, status, period_start)`);
    await queryRunner.query(`CREATE INDEX ix_kpi_reports_organisation_period ON kpi_reports (organisation_id, period_start, period_end)`);

    await queryRunner.query(`
      CREATE TABLE kpi_values (
        report_id uuid NOT NULL CONSTRAINT fk_kpi_values_report REFERENCES kpi_reports (id) ON DELETE CASCADE,
        definition_id uuid NOT NULL CONSTRAINT fk_kpi_values_definition REFERENCES kpi_definitions (id) ON DELETE CASCADE,
        value numeric(20, 4) NOT NULL,
        PRIMARY KEY (report_id, definition_id)
      )`);
    await queryRunner.query(`CREATE INDEX ix_kpi_values_definition ON kpi_values (definition_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER tr_organisations_standard_kpis ON organisations`);
    await queryRunner.query(`DROP FUNCTION organisations_standard_kpis()`);
    for (const table of ['kpi_values', 'kpi_reports', 'kpi_definitions', 'funding_round_investors', 'funding_rounds', 'investors']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    await queryRunner.query(`DROP FUNCTION create_standard_kpis(uuid)`);
  }
}
