import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * audit_events becomes append-only (OWASP ASVS V7.3): a trigger refuses UPDATE and DELETE, so neither a
 * bug nor an injected statement on the application's connection can rewrite or erase the trail. A
 * trigger rather than privileges because the application connects as the tables' owner, which bypasses
 * them. Two changes the schema itself makes stay possible:
 *  - deleting an organisation cascades to its entries (the organisation row is already gone when the
 *    cascaded DELETE reaches them);
 *  - deleting a user sets actor_user_id to NULL (ON DELETE SET NULL), and changes nothing else.
 * TRUNCATE is refused too. The table's owner can still drop the trigger: this guards the application,
 * not against a database administrator.
 */
export class AuditAppendOnly1763771400000 implements MigrationInterface {
  name = 'AuditAppendOnly1763771400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Nested IFs: OLD does not exist in the statement-level TRUNCATE trigger.
        IF TG_OP = 'DELETE' THEN
          IF NOT EXISTS (SELECT 1 FROM organisations WHERE id = OLD.organisation_id) THEN
            RETURN OLD;
          END IF;
        ELSIF TG_OP = 'UPDATE' THEN
          IF OLD.actor_user_id IS NOT NULL AND NEW.actor_user_id IS NULL
             AND to_jsonb(NEW) - 'actor_user_id' = to_jsonb(OLD) - 'actor_user_id'
             AND NOT EXISTS (SELECT 1 FROM users WHERE id = OLD.actor_user_id) THEN
            RETURN NEW;
          END IF;
        END IF;
        RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`CREATE TRIGGER tr_audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);
    await queryRunner.query(`CREATE TRIGGER tr_audit_events_no_truncate BEFORE TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER tr_audit_events_no_truncate ON audit_events`);
    await queryRunner.query(`DROP TRIGGER tr_audit_events_append_only ON audit_events`);
    await queryRunner.query(`DROP FUNCTION audit_events_append_only()`);
  }
}
