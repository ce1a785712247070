import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The people of a startup the park talks to (name, role, e-mail, phone), shown on its profile and
 * filled by the startup import. Tenancy by the composite foreign key (organisation_id, startup_id).
 */
export class StartupContacts1763771800000 implements MigrationInterface {
  name = 'StartupContacts1763771800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE startup_contacts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        startup_id uuid NOT NULL,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        role text CHECK (role IS NULL OR length(role) <= 100),
        email text CHECK (email IS NULL OR length(email) <= 254),
        phone text CHECK (phone IS NULL OR phone ~ '^\\+[1-9][0-9]{6,14}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT fk_startup_contacts_startup FOREIGN KEY (organisation_id, startup_id) REFERENCES startups (organisation_id, id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX ix_startup_contacts_startup ON startup_contacts (startup_id, lower(name))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE startup_contacts`);
  }
}
