import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Billing (issue 18, B1a): a one-off charge outside the standard rate (a deposit is outside the scope of
 * VAT, category O) carries the legal mention its invoice line must print, as invoice_lines does.
 */
export class BillingChargeExemption1763772100000 implements MigrationInterface {
  name = 'BillingChargeExemption1763772100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE billing_charges ADD COLUMN vat_exemption_reason varchar(300)`);
    await queryRunner.query(`ALTER TABLE billing_charges ADD CONSTRAINT ck_billing_charges_exemption CHECK ((vat_category = 'S') = (vat_exemption_reason IS NULL))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE billing_charges DROP COLUMN vat_exemption_reason`);
  }
}
