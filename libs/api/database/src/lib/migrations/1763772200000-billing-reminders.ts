import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Overdue reminders (issue 18): a `billing_reminders` schedule per organisation (daily at 9:00 by
 * default, edited by admins like the others) and one row per invoice and reminder level sent, so a
 * rerun or a retried job never mails the same reminder twice.
 */
export class BillingReminders1763772200000 implements MigrationInterface {
  name = 'BillingReminders1763772200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE invoice_reminders (
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        invoice_id uuid NOT NULL,
        level smallint NOT NULL CHECK (level BETWEEN 1 AND 3),
        recipients text[] NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_invoice_reminders_level UNIQUE (invoice_id, level),
        CONSTRAINT fk_invoice_reminders_invoice FOREIGN KEY (organisation_id, invoice_id) REFERENCES invoices (organisation_id, id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`ALTER TABLE report_schedules ALTER COLUMN kind TYPE varchar(32)`);
    await queryRunner.query(`ALTER TABLE report_schedules DROP CONSTRAINT ck_report_schedules_kind`);
    await queryRunner.query(
      `ALTER TABLE report_schedules ADD CONSTRAINT ck_report_schedules_kind CHECK (kind IN ('board_pack', 'occupancy', 'kpi_reminders', 'waitlist_expiry', 'billing_reminders'))`,
    );
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION create_default_schedules(org uuid) RETURNS void LANGUAGE sql AS $$
        INSERT INTO report_schedules (organisation_id, kind, cron) VALUES
          (org, 'board_pack', '0 7 5 1,4,7,10 *'),
          (org, 'occupancy', '0 7 2 * *'),
          (org, 'kpi_reminders', '0 8 * * *'),
          (org, 'waitlist_expiry', '*/5 * * * *'),
          (org, 'billing_reminders', '0 9 * * *')
        ON CONFLICT DO NOTHING
      $$`);
    await queryRunner.query(`SELECT create_default_schedules(id) FROM organisations`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM report_schedules WHERE kind = 'billing_reminders'`);
    await queryRunner.query(`ALTER TABLE report_schedules DROP CONSTRAINT ck_report_schedules_kind`);
    await queryRunner.query(
      `ALTER TABLE report_schedules ADD CONSTRAINT ck_report_schedules_kind CHECK (kind IN ('board_pack', 'occupancy', 'kpi_reminders', 'waitlist_expiry'))`,
    );
    await queryRunner.query(`ALTER TABLE report_schedules ALTER COLUMN kind TYPE varchar(16)`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION create_default_schedules(org uuid) RETURNS void LANGUAGE sql AS $$
        INSERT INTO report_schedules (organisation_id, kind, cron) VALUES
          (org, 'board_pack', '0 7 5 1,4,7,10 *'),
          (org, 'occupancy', '0 7 2 * *'),
          (org, 'kpi_reminders', '0 8 * * *'),
          (org, 'waitlist_expiry', '*/5 * * * *')
        ON CONFLICT DO NOTHING
      $$`);
    await queryRunner.query(`DROP TABLE invoice_reminders`);
  }
}
