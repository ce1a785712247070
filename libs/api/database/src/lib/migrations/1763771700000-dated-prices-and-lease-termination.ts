import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Price lists with effective dates: a site × program kind now has a history of prices, each in force
 * from its `effective_from` (inclusive) until the next one. The single price each pair had becomes
 * effective from 2000-01-01. A lease keeps the price it was written with: a new list price never
 * changes a stored lease.
 *
 * Lease termination: a lease ended early on a date (its ends_on), with a reason code and a note.
 */
export class DatedPricesAndLeaseTermination1763771700000 implements MigrationInterface {
  name = 'DatedPricesAndLeaseTermination1763771700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE space_prices ADD COLUMN effective_from date NOT NULL DEFAULT DATE '2000-01-01'`);
    await queryRunner.query(`ALTER TABLE space_prices ALTER COLUMN effective_from DROP DEFAULT`);
    await queryRunner.query(`ALTER TABLE space_prices ADD COLUMN created_at timestamptz NOT NULL DEFAULT now()`);
    await queryRunner.query(`DROP INDEX uq_space_prices_site_kind`);
    await queryRunner.query(`CREATE UNIQUE INDEX uq_space_prices_site_kind_from ON space_prices (site_id, program_kind, effective_from)`);

    await queryRunner.query(`
      ALTER TABLE leases
        ADD COLUMN terminated_at timestamptz,
        ADD COLUMN termination_reason varchar(16)
          CONSTRAINT ck_leases_termination_reason CHECK (termination_reason IN ('departure', 'graduation', 'move', 'non_payment', 'other')),
        ADD COLUMN termination_note varchar(500),
        ADD CONSTRAINT ck_leases_termination CHECK ((terminated_at IS NULL) = (termination_reason IS NULL) AND (termination_note IS NULL OR terminated_at IS NOT NULL))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE leases DROP CONSTRAINT ck_leases_termination, DROP COLUMN termination_note, DROP COLUMN termination_reason, DROP COLUMN terminated_at`);
    await queryRunner.query(`DROP INDEX uq_space_prices_site_kind_from`);
    // Only the latest price of each pair survives the way back.
    await queryRunner.query(`
      DELETE FROM space_prices p USING space_prices q
      WHERE q.site_id = p.site_id AND q.program_kind = p.program_kind AND q.effective_from > p.effective_from`);
    await queryRunner.query(`CREATE UNIQUE INDEX uq_space_prices_site_kind ON space_prices (site_id, program_kind)`);
    await queryRunner.query(`ALTER TABLE space_prices DROP COLUMN created_at, DROP COLUMN effective_from`);
  }
}
