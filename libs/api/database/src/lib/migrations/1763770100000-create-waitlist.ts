import { MigrationInterface, QueryRunner } from 'typeorm';

/** Office requests no floor could satisfy, in priority order, and the offers made when space frees up. */
export class CreateWaitlist1763770100000 implements MigrationInterface {
  name = 'CreateWaitlist1763770100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE waitlist_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL CONSTRAINT fk_waitlist_requests_organisation REFERENCES organisations (id) ON DELETE CASCADE,
        startup_id uuid NOT NULL CONSTRAINT fk_waitlist_requests_startup REFERENCES startups (id) ON DELETE CASCADE,
        site_id uuid CONSTRAINT fk_waitlist_requests_site REFERENCES sites (id) ON DELETE CASCADE,
        area_m2 integer NOT NULL CONSTRAINT ck_waitlist_requests_area CHECK (area_m2 > 0),
        starts_on date NOT NULL,
        ends_on date, -- exclusive
        program_kind varchar(16) NOT NULL CONSTRAINT ck_waitlist_requests_kind CHECK (program_kind IN ('incubator', 'accelerator', 'business_centre')),
        monthly_price_per_m2_cents integer NOT NULL CONSTRAINT ck_waitlist_requests_price CHECK (monthly_price_per_m2_cents >= 0),
        status varchar(16) NOT NULL DEFAULT 'waiting' CONSTRAINT ck_waitlist_requests_status CHECK (status IN ('waiting', 'offered', 'accepted', 'lapsed', 'cancelled')),
        requested_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_waitlist_requests_dates CHECK (ends_on IS NULL OR ends_on > starts_on)
      )`);
    // Priority: program startups (incubator, accelerator) before business-centre tenants, then request time.
    await queryRunner.query(
      `CREATE INDEX ix_waitlist_requests_queue ON waitlist_requests (organisation_id, (program_kind = 'business_centre'), requested_at) WHERE status = 'waiting'`,
    );
    await queryRunner.query(`
      CREATE TABLE waitlist_offers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        request_id uuid NOT NULL CONSTRAINT fk_waitlist_offers_request REFERENCES waitlist_requests (id) ON DELETE CASCADE,
        floor_id uuid NOT NULL CONSTRAINT fk_waitlist_offers_floor REFERENCES floors (id),
        module_ids uuid[] NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'open' CONSTRAINT ck_waitlist_offers_status CHECK (status IN ('open', 'accepted', 'lapsed')),
        expires_at timestamptz NOT NULL,
        lease_id uuid CONSTRAINT fk_waitlist_offers_lease REFERENCES leases (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One open offer per request at a time.
    await queryRunner.query(`CREATE UNIQUE INDEX uq_waitlist_offers_open ON waitlist_offers (request_id) WHERE status = 'open'`);
    await queryRunner.query(`CREATE INDEX ix_waitlist_offers_expiry ON waitlist_offers (expires_at) WHERE status = 'open'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE waitlist_offers`);
    await queryRunner.query(`DROP TABLE waitlist_requests`);
  }
}
