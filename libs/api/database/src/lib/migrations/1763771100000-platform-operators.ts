import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Platform operators: accounts that run the platform itself (global queues, heartbeats, later the
 * creation of organisations) and belong to no organisation. A table of its own rather than a fifth
 * membership role, so that no organisation's admin can invite, promote or see an operator, and an
 * organisation's data never becomes reachable through one.
 *
 * An operator's session has no organisation: sessions.organisation_id becomes nullable; a session
 * without one is a platform session, valid only while its user is in platform_operators (the access
 * guard re-reads that on every request, so removing the row ends the operator's access at once).
 */
export class PlatformOperators1763771100000 implements MigrationInterface {
  name = 'PlatformOperators1763771100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE platform_operators (
        user_id uuid PRIMARY KEY CONSTRAINT fk_platform_operators_user REFERENCES users (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`ALTER TABLE sessions ALTER COLUMN organisation_id DROP NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM sessions WHERE organisation_id IS NULL`);
    await queryRunner.query(`ALTER TABLE sessions ALTER COLUMN organisation_id SET NOT NULL`);
    await queryRunner.query(`DROP TABLE platform_operators`);
  }
}
