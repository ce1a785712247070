import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts, memberships (a role per organisation), invitations, password resets, sessions, the audit
 * trail, and a minimal startups table that the programs work extends.
 */
export class CreateIdentity1763769800000 implements MigrationInterface {
  name = 'CreateIdentity1763769800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE startups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL CONSTRAINT fk_startups_organisation REFERENCES organisations (id) ON DELETE CASCADE,
        legal_name varchar(200) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- lets memberships reference (organisation, startup) so a member's startup is always in its organisation
        CONSTRAINT uq_startups_organisation_id UNIQUE (organisation_id, id)
      )`);
    await queryRunner.query(`CREATE INDEX ix_startups_organisation_legal_name ON startups (organisation_id, lower(legal_name))`);

    await queryRunner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email varchar(254) NOT NULL,
        display_name varchar(120) NOT NULL,
        password_hash text NOT NULL,
        locale varchar(2) NOT NULL DEFAULT 'fr' CONSTRAINT ck_users_locale CHECK (locale IN ('fr', 'en')),
        last_login_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_users_email_lower CHECK (email = lower(email))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX uq_users_email ON users (email)`);

    await queryRunner.query(`
      CREATE TABLE memberships (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL CONSTRAINT fk_memberships_user REFERENCES users (id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL CONSTRAINT fk_memberships_organisation REFERENCES organisations (id) ON DELETE CASCADE,
        role varchar(16) NOT NULL CONSTRAINT ck_memberships_role CHECK (role IN ('admin', 'manager', 'board', 'startup')),
        startup_id uuid,
        is_active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT fk_memberships_startup FOREIGN KEY (organisation_id, startup_id) REFERENCES startups (organisation_id, id),
        -- a startup member belongs to exactly one startup; nobody else is tied to one
        CONSTRAINT ck_memberships_startup_role CHECK ((role = 'startup') = (startup_id IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX uq_memberships_user_organisation ON memberships (user_id, organisation_id)`);
    await queryRunner.query(`CREATE INDEX ix_memberships_organisation_role ON memberships (organisation_id, role)`);

    await queryRunner.query(`
      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL CONSTRAINT fk_invitations_organisation REFERENCES organisations (id) ON DELETE CASCADE,
        email varchar(254) NOT NULL CONSTRAINT ck_invitations_email_lower CHECK (email = lower(email)),
        role varchar(16) NOT NULL CONSTRAINT ck_invitations_role CHECK (role IN ('admin', 'manager', 'board', 'startup')),
        startup_id uuid,
        locale varchar(2) NOT NULL CONSTRAINT ck_invitations_locale CHECK (locale IN ('fr', 'en')),
        token_hash char(64) NOT NULL,
        invited_by uuid CONSTRAINT fk_invitations_invited_by REFERENCES users (id) ON DELETE SET NULL,
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT fk_invitations_startup FOREIGN KEY (organisation_id, startup_id) REFERENCES startups (organisation_id, id),
        CONSTRAINT ck_invitations_startup_role CHECK ((role = 'startup') = (startup_id IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX uq_invitations_token_hash ON invitations (token_hash)`);
    // At most one pending invitation per address and organisation.
    await queryRunner.query(
      `CREATE UNIQUE INDEX uq_invitations_pending_email ON invitations (organisation_id, email)
       WHERE accepted_at IS NULL AND revoked_at IS NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE password_resets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL CONSTRAINT fk_password_resets_user REFERENCES users (id) ON DELETE CASCADE,
        token_hash char(64) NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX uq_password_resets_token_hash ON password_resets (token_hash)`);

    await queryRunner.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL CONSTRAINT fk_sessions_user REFERENCES users (id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL CONSTRAINT fk_sessions_organisation REFERENCES organisations (id) ON DELETE CASCADE,
        refresh_token_hash char(64) NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX uq_sessions_refresh_token_hash ON sessions (refresh_token_hash)`);
    await queryRunner.query(`CREATE INDEX ix_sessions_user ON sessions (user_id)`);

    await queryRunner.query(`
      CREATE TABLE audit_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL CONSTRAINT fk_audit_events_organisation REFERENCES organisations (id) ON DELETE CASCADE,
        actor_user_id uuid CONSTRAINT fk_audit_events_actor REFERENCES users (id) ON DELETE SET NULL,
        action varchar(64) NOT NULL,
        entity_type varchar(64) NOT NULL,
        entity_id varchar(64) NOT NULL,
        before jsonb,
        after jsonb,
        request_id varchar(100),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX ix_audit_events_organisation_created ON audit_events (organisation_id, created_at DESC)`);
    await queryRunner.query(`CREATE INDEX ix_audit_events_entity ON audit_events (organisation_id, entity_type, entity_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['audit_events', 'sessions', 'password_resets', 'invitations', 'memberships', 'users', 'startups']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
