import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions an owner can see and an attacker cannot reuse, and TOTP MFA (OWASP ASVS V2.8, V3.3):
 * - every refresh token a session has rotated away from is kept (hashed) until the session ends, so
 *   a replay of one is recognised as theft and ends the whole session rather than just failing;
 * - sessions remember the user agent and address they were opened from, for "my sessions";
 * - users get an (encrypted) TOTP secret, the time step of the last accepted code (no replay of a
 *   code), hashed single-use recovery codes, and short-lived sign-in challenges for the second step;
 * - an organisation can require MFA of its admins and managers.
 */
export class SessionsMfa1763771200000 implements MigrationInterface {
  name = 'SessionsMfa1763771200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE sessions ADD COLUMN user_agent varchar(200), ADD COLUMN ip varchar(64)`);
    await queryRunner.query(`
      CREATE TABLE retired_refresh_tokens (
        token_hash char(64) PRIMARY KEY,
        session_id uuid NOT NULL CONSTRAINT fk_retired_refresh_tokens_session REFERENCES sessions (id) ON DELETE CASCADE,
        retired_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX ix_retired_refresh_tokens_session ON retired_refresh_tokens (session_id)`);

    await queryRunner.query(`
      ALTER TABLE users
        ADD COLUMN mfa_secret text,
        ADD COLUMN mfa_pending_secret text,
        ADD COLUMN mfa_enabled_at timestamptz,
        ADD COLUMN mfa_last_time_step bigint,
        ADD CONSTRAINT ck_users_mfa_enabled CHECK ((mfa_enabled_at IS NULL) = (mfa_secret IS NULL))`);
    await queryRunner.query(`
      CREATE TABLE mfa_recovery_codes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL CONSTRAINT fk_mfa_recovery_codes_user REFERENCES users (id) ON DELETE CASCADE,
        code_hash char(64) NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX uq_mfa_recovery_codes_user_code ON mfa_recovery_codes (user_id, code_hash)`);
    await queryRunner.query(`
      CREATE TABLE mfa_challenges (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash char(64) NOT NULL,
        user_id uuid NOT NULL CONSTRAINT fk_mfa_challenges_user REFERENCES users (id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL CONSTRAINT fk_mfa_challenges_organisation REFERENCES organisations (id) ON DELETE CASCADE,
        purpose varchar(8) NOT NULL CONSTRAINT ck_mfa_challenges_purpose CHECK (purpose IN ('verify', 'enrol')),
        attempts int NOT NULL DEFAULT 0,
        user_agent varchar(200),
        ip varchar(64),
        expires_at timestamptz NOT NULL,
        consumed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX uq_mfa_challenges_token_hash ON mfa_challenges (token_hash)`);
    await queryRunner.query(`CREATE INDEX ix_mfa_challenges_user ON mfa_challenges (user_id)`);

    await queryRunner.query(`
      ALTER TABLE organisations
        ADD COLUMN mfa_required_roles varchar(16)[] NOT NULL DEFAULT '{}',
        ADD CONSTRAINT ck_organisations_mfa_required_roles CHECK (mfa_required_roles <@ ARRAY['admin', 'manager']::varchar(16)[])`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE organisations DROP CONSTRAINT ck_organisations_mfa_required_roles, DROP COLUMN mfa_required_roles`);
    await queryRunner.query(`DROP TABLE mfa_challenges`);
    await queryRunner.query(`DROP TABLE mfa_recovery_codes`);
    await queryRunner.query(`
      ALTER TABLE users DROP CONSTRAINT ck_users_mfa_enabled, DROP COLUMN mfa_last_time_step, DROP COLUMN mfa_enabled_at,
        DROP COLUMN mfa_pending_secret, DROP COLUMN mfa_secret`);
    await queryRunner.query(`DROP TABLE retired_refresh_tokens`);
    await queryRunner.query(`ALTER TABLE sessions DROP COLUMN ip, DROP COLUMN user_agent`);
  }
}
