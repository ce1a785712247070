import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Board confidentiality settings per organisation. `board_sees_rounds`: the organisation treats its
 * startups' rounds as public (press releases), so the board may see them one by one; off by default, a
 * round is then listed to the board only when every figure it feeds is published. The suppression
 * threshold: board members see no figure that fewer startups stand behind (at least 2, or one startup
 * would be its own figure).
 */
export class BoardDisclosure1763771300000 implements MigrationInterface {
  name = 'BoardDisclosure1763771300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE organisations
        ADD COLUMN board_sees_rounds boolean NOT NULL DEFAULT false,
        ADD COLUMN board_suppression_threshold smallint NOT NULL DEFAULT 3
          CONSTRAINT ck_organisations_board_suppression_threshold CHECK (board_suppression_threshold BETWEEN 2 AND 100)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE organisations DROP COLUMN board_suppression_threshold, DROP COLUMN board_sees_rounds`);
  }
}
