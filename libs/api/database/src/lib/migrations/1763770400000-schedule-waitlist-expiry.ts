import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Waitlist offer expiry becomes one of each organisation's schedules (every 5 minutes by default),
 * visible and editable by admins like the others, instead of a global cron from the environment.
 */
export class ScheduleWaitlistExpiry1763770400000 implements MigrationInterface {
  name = 'ScheduleWaitlistExpiry1763770400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE report_schedules DROP CONSTRAINT ck_report_schedules_kind`);
    await queryRunner.query(
      `ALTER TABLE report_schedules ADD CONSTRAINT ck_report_schedules_kind CHECK (kind IN ('board_pack', 'occupancy', 'kpi_reminders', 'waitlist_expiry'))`,
    );
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION create_default_schedules(org uuid) RETURNS void LANGUAGE sql AS $$
        INSERT INTO report_schedules (organisation_id, kind, cron) VALUES
          (org, 'board_pack', '0 7 5 1,4,7,10 *'),
          (org, 'occupancy', '0 7 2 * *'),
          (org, 'kpi_reminders', '0 8 * * *'),
          (org, 'waitlist_expiry', '*/5 * * * *')
        ON CONFLICT DO NOTHING
      $$`);
    await queryRunner.query(`SELECT create_default_schedules(id) FROM organisations`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM report_schedules WHERE kind = 'waitlist_expiry'`);
    await queryRunner.query(`ALTER TABLE report_schedules DROP CONSTRAINT ck_report_schedules_kind`);
    await queryRunner.query(`ALTER TABLE report_schedules ADD CONSTRAINT ck_report_schedules_kind CHECK (kind IN ('board_pack', 'occupancy', 'kpi_reminders'))`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION create_default_schedules(org uuid) RETURNS void LANGUAGE sql AS $$
        INSERT INTO report_schedules (organisation_id, kind, cron) VALUES
          (org, 'board_pack', '0 7 5 1,4,7,10 *'),
          (org, 'occupancy', '0 7 2 * *'),
          (org, 'kpi_reminders', '0 8 * * *')
        ON CONFLICT DO NOTHING
      $$`);
  }
}
