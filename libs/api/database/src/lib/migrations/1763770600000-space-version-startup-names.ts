import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Floor plans are drawn from the in-memory space snapshot, which holds the names of the startups
 * leasing modules: renaming a startup raises the space version too (only when the name changes).
 */
export class SpaceVersionStartupNames1763770600000 implements MigrationInterface {
  name = 'SpaceVersionStartupNames1763770600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TRIGGER tr_startups_space_version AFTER UPDATE OF legal_name ON startups
       FOR EACH ROW WHEN (OLD.legal_name IS DISTINCT FROM NEW.legal_name) EXECUTE FUNCTION bump_space_version()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER tr_startups_space_version ON startups`);
  }
}
