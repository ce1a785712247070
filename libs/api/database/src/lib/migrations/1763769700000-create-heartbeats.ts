import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateHeartbeats1763769700000 implements MigrationInterface {
  name = 'CreateHeartbeats1763769700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE heartbeats (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        job_id varchar(200) NOT NULL,
        source varchar(16) NOT NULL CONSTRAINT ck_heartbeats_source CHECK (source IN ('schedule', 'api')),
        requested_at timestamptz NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        processed_by varchar(200) NOT NULL
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX uq_heartbeats_job_id ON heartbeats (job_id)`);
    await queryRunner.query(`CREATE INDEX ix_heartbeats_processed_at ON heartbeats (processed_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE heartbeats`);
  }
}
