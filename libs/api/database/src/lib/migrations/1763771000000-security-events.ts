import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The security event log (OWASP ASVS V7): sign-ins and their failures, lockouts, MFA changes, refresh-token
 * reuse, password changes and resets, role changes, exports and downloads. Kept apart from audit_events,
 * which records changes to business data; an event of an unknown account has no user and no organisation.
 */
export class SecurityEvents1763771000000 implements MigrationInterface {
  name = 'SecurityEvents1763771000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE security_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        type varchar(64) NOT NULL,
        organisation_id uuid CONSTRAINT fk_security_events_organisation REFERENCES organisations (id) ON DELETE CASCADE,
        user_id uuid CONSTRAINT fk_security_events_user REFERENCES users (id) ON DELETE SET NULL,
        email varchar(254),
        ip varchar(64),
        request_id varchar(100),
        detail jsonb,
        occurred_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX ix_security_events_organisation_occurred ON security_events (organisation_id, occurred_at DESC)`);
    await queryRunner.query(`CREATE INDEX ix_security_events_user_occurred ON security_events (user_id, occurred_at DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE security_events`);
  }
}
