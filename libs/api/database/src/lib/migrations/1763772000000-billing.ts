import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Billing (issue 18): the seller's settings, customers' billing profiles and SEPA mandates, one-off
 * charges, monthly billing runs, invoices and credit notes with their lines, and payments.
 *
 * - Money is bigint cents, rates basis points (2000 = 20 %), periods half-open [start, end).
 * - Numbers are gapless per organisation, kind and year: `invoice_sequences.last_number` is
 *   incremented (row-locked) inside the transaction that issues, so a rolled-back issue consumes nothing.
 * - An issued invoice never changes: triggers refuse any UPDATE of an issued invoice except recording
 *   that it was e-mailed, any DELETE of it, and any change to its lines.
 * - One invoice per run and startup (partial unique index), so a retried run never drafts twice.
 * Tenancy by composite foreign keys (organisation_id, …), like every other table.
 */
export class Billing1763772000000 implements MigrationInterface {
  name = 'Billing1763772000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE billing_settings (
        organisation_id uuid PRIMARY KEY REFERENCES organisations (id) ON DELETE CASCADE,
        iban varchar(34) CHECK (iban IS NULL OR iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$'),
        bic varchar(11) CHECK (bic IS NULL OR bic ~ '^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$'),
        sepa_creditor_id varchar(35) CHECK (sepa_creditor_id IS NULL OR sepa_creditor_id ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{3}[A-Z0-9]{1,28}$'),
        invoice_prefix varchar(10) NOT NULL DEFAULT 'F' CHECK (invoice_prefix ~ '^[A-Z0-9]{1,10}$'),
        credit_note_prefix varchar(10) NOT NULL DEFAULT 'AV' CHECK (credit_note_prefix ~ '^[A-Z0-9]{1,10}$'),
        payment_terms_days smallint NOT NULL DEFAULT 30 CHECK (payment_terms_days BETWEEN 0 AND 60),
        late_penalty_rate_bp integer NOT NULL DEFAULT 1215 CHECK (late_penalty_rate_bp BETWEEN 0 AND 10000),
        recovery_indemnity_cents integer NOT NULL DEFAULT 4000 CHECK (recovery_indemnity_cents >= 4000),
        default_vat_rate_bp integer NOT NULL DEFAULT 2000 CHECK (default_vat_rate_bp BETWEEN 0 AND 10000),
        vat_on_debits boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_billing_settings_prefixes CHECK (invoice_prefix <> credit_note_prefix)
      )`);

    await queryRunner.query(`
      CREATE TABLE billing_customers (
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        startup_id uuid NOT NULL,
        legal_name varchar(200) NOT NULL CHECK (length(legal_name) >= 1),
        siren char(9) CHECK (siren IS NULL OR siren ~ '^[0-9]{9}$'),
        vat_number varchar(14) CHECK (vat_number IS NULL OR vat_number ~ '^[A-Z]{2}[0-9A-Z]{2,12}$'),
        address_line1 varchar(200) NOT NULL CHECK (length(address_line1) >= 1),
        address_line2 varchar(200),
        postcode varchar(16) NOT NULL,
        city varchar(120) NOT NULL,
        country char(2) NOT NULL DEFAULT 'FR' CHECK (country ~ '^[A-Z]{2}$'),
        recipients text[] NOT NULL DEFAULT '{}' CHECK (cardinality(recipients) <= 10),
        payment_method varchar(16) NOT NULL DEFAULT 'transfer' CHECK (payment_method IN ('transfer', 'direct_debit')),
        locale varchar(2) NOT NULL DEFAULT 'fr' CHECK (locale IN ('fr', 'en')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organisation_id, startup_id),
        CONSTRAINT fk_billing_customers_startup FOREIGN KEY (organisation_id, startup_id) REFERENCES startups (organisation_id, id) ON DELETE CASCADE
      )`);

    await queryRunner.query(`
      CREATE TABLE sepa_mandates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        startup_id uuid NOT NULL,
        reference varchar(35) NOT NULL CHECK (reference ~ '^[A-Za-z0-9+?/:().,'' -]{1,35}$'),
        signed_on date NOT NULL,
        iban varchar(34) NOT NULL CHECK (iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$'),
        bic varchar(11) CHECK (bic IS NULL OR bic ~ '^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$'),
        revoked_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_sepa_mandates_reference UNIQUE (organisation_id, reference),
        CONSTRAINT uq_sepa_mandates_organisation_id UNIQUE (organisation_id, id),
        CONSTRAINT fk_sepa_mandates_customer FOREIGN KEY (organisation_id, startup_id) REFERENCES billing_customers (organisation_id, startup_id) ON DELETE CASCADE,
        CONSTRAINT ck_sepa_mandates_revoked CHECK (revoked_on IS NULL OR revoked_on >= signed_on)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX uq_sepa_mandates_active ON sepa_mandates (organisation_id, startup_id) WHERE revoked_on IS NULL`);

    await queryRunner.query(`
      CREATE TABLE invoice_sequences (
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        kind varchar(16) NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
        year smallint NOT NULL CHECK (year BETWEEN 2000 AND 2999),
        last_number integer NOT NULL CHECK (last_number >= 0),
        PRIMARY KEY (organisation_id, kind, year)
      )`);

    await queryRunner.query(`
      CREATE TABLE billing_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        status varchar(16) NOT NULL DEFAULT 'drafting' CHECK (status IN ('drafting', 'drafted', 'issuing', 'issued', 'failed')),
        progress integer NOT NULL DEFAULT 0 CHECK (progress >= 0),
        total integer NOT NULL DEFAULT 0 CHECK (total >= 0),
        error text,
        requested_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_billing_runs_month UNIQUE (organisation_id, month),
        CONSTRAINT uq_billing_runs_organisation_id UNIQUE (organisation_id, id)
      )`);

    await queryRunner.query(`
      CREATE TABLE invoices (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        kind varchar(16) NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
        status varchar(16) NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'issued', 'cancelled')),
        number varchar(32),
        sequence_year smallint,
        sequence_number integer,
        run_id uuid,
        startup_id uuid NOT NULL,
        credited_invoice_id uuid,
        credit_reason text CHECK (credit_reason IS NULL OR length(credit_reason) BETWEEN 1 AND 500),
        issue_date date,
        due_date date,
        period_start date,
        period_end date,
        currency char(3) NOT NULL DEFAULT 'EUR',
        locale varchar(2) NOT NULL DEFAULT 'fr' CHECK (locale IN ('fr', 'en')),
        payment_method varchar(16) NOT NULL DEFAULT 'transfer' CHECK (payment_method IN ('transfer', 'direct_debit')),
        mandate_reference varchar(35),
        -- What the document says about both parties, frozen when issued (a later change of address does not rewrite it).
        seller jsonb,
        customer jsonb NOT NULL,
        total_excl_vat_cents bigint NOT NULL DEFAULT 0,
        vat_cents bigint NOT NULL DEFAULT 0,
        total_incl_vat_cents bigint NOT NULL DEFAULT 0,
        issued_at timestamptz,
        issued_by uuid REFERENCES users (id) ON DELETE SET NULL,
        emailed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_invoices_organisation_id UNIQUE (organisation_id, id),
        CONSTRAINT uq_invoices_number UNIQUE (organisation_id, number),
        CONSTRAINT uq_invoices_sequence UNIQUE (organisation_id, kind, sequence_year, sequence_number),
        CONSTRAINT fk_invoices_startup FOREIGN KEY (organisation_id, startup_id) REFERENCES startups (organisation_id, id),
        CONSTRAINT fk_invoices_run FOREIGN KEY (organisation_id, run_id) REFERENCES billing_runs (organisation_id, id),
        CONSTRAINT fk_invoices_credited FOREIGN KEY (organisation_id, credited_invoice_id) REFERENCES invoices (organisation_id, id),
        CONSTRAINT ck_invoices_issued CHECK (status <> 'issued' OR (number IS NOT NULL AND issue_date IS NOT NULL AND seller IS NOT NULL AND issued_at IS NOT NULL)),
        CONSTRAINT ck_invoices_draft_unnumbered CHECK (status = 'issued' OR number IS NULL),
        CONSTRAINT ck_invoices_credit_note CHECK ((kind = 'credit_note') = (credited_invoice_id IS NOT NULL)),
        CONSTRAINT ck_invoices_totals CHECK (total_incl_vat_cents = total_excl_vat_cents + vat_cents),
        CONSTRAINT ck_invoices_period CHECK (period_end IS NULL OR period_start < period_end)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX uq_invoices_run_startup ON invoices (organisation_id, run_id, startup_id) WHERE run_id IS NOT NULL AND status <> 'cancelled'`);
    await queryRunner.query(`CREATE INDEX ix_invoices_startup ON invoices (organisation_id, startup_id, issue_date DESC)`);
    await queryRunner.query(`CREATE INDEX ix_invoices_credited ON invoices (organisation_id, credited_invoice_id) WHERE credited_invoice_id IS NOT NULL`);

    await queryRunner.query(`
      CREATE TABLE billing_charges (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        startup_id uuid NOT NULL,
        kind varchar(16) NOT NULL CHECK (kind IN ('service', 'fee', 'deposit', 'deposit_refund', 'discount')),
        label varchar(200) NOT NULL CHECK (length(label) >= 1),
        amount_cents bigint NOT NULL CHECK (amount_cents <> 0 AND abs(amount_cents) <= 100000000000),
        vat_rate_bp integer NOT NULL CHECK (vat_rate_bp BETWEEN 0 AND 10000),
        vat_category char(1) NOT NULL DEFAULT 'S' CHECK (vat_category IN ('S', 'E', 'O')),
        charged_on date NOT NULL,
        lease_id uuid,
        invoice_id uuid,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_billing_charges_organisation_id UNIQUE (organisation_id, id),
        CONSTRAINT fk_billing_charges_startup FOREIGN KEY (organisation_id, startup_id) REFERENCES startups (organisation_id, id),
        CONSTRAINT fk_billing_charges_lease FOREIGN KEY (organisation_id, lease_id) REFERENCES leases (organisation_id, id),
        CONSTRAINT fk_billing_charges_invoice FOREIGN KEY (organisation_id, invoice_id) REFERENCES invoices (organisation_id, id),
        CONSTRAINT ck_billing_charges_sign CHECK ((kind IN ('discount', 'deposit_refund')) = (amount_cents < 0))
      )`);
    await queryRunner.query(`CREATE INDEX ix_billing_charges_pending ON billing_charges (organisation_id, charged_on) WHERE invoice_id IS NULL`);

    await queryRunner.query(`
      CREATE TABLE invoice_lines (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        invoice_id uuid NOT NULL,
        position smallint NOT NULL CHECK (position >= 1),
        kind varchar(16) NOT NULL CHECK (kind IN ('rent', 'service', 'fee', 'deposit', 'deposit_refund', 'discount')),
        label varchar(300) NOT NULL CHECK (length(label) >= 1),
        lease_id uuid,
        charge_id uuid,
        credited_line_id uuid,
        period_start date,
        period_end date,
        quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
        unit_price_cents bigint NOT NULL,
        amount_cents bigint NOT NULL,
        vat_rate_bp integer NOT NULL CHECK (vat_rate_bp BETWEEN 0 AND 10000),
        vat_category char(1) NOT NULL DEFAULT 'S' CHECK (vat_category IN ('S', 'E', 'O')),
        vat_exemption_reason varchar(300),
        CONSTRAINT uq_invoice_lines_position UNIQUE (invoice_id, position),
        CONSTRAINT uq_invoice_lines_organisation_id UNIQUE (organisation_id, id),
        CONSTRAINT fk_invoice_lines_invoice FOREIGN KEY (organisation_id, invoice_id) REFERENCES invoices (organisation_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_invoice_lines_lease FOREIGN KEY (organisation_id, lease_id) REFERENCES leases (organisation_id, id),
        CONSTRAINT fk_invoice_lines_charge FOREIGN KEY (organisation_id, charge_id) REFERENCES billing_charges (organisation_id, id),
        CONSTRAINT fk_invoice_lines_credited FOREIGN KEY (organisation_id, credited_line_id) REFERENCES invoice_lines (organisation_id, id),
        CONSTRAINT ck_invoice_lines_amount CHECK (amount_cents = quantity * unit_price_cents),
        CONSTRAINT ck_invoice_lines_period CHECK (period_end IS NULL OR period_start < period_end),
        CONSTRAINT ck_invoice_lines_exemption CHECK ((vat_category = 'S') = (vat_exemption_reason IS NULL))
      )`);

    await queryRunner.query(`
      CREATE TABLE payments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        invoice_id uuid NOT NULL,
        kind varchar(16) NOT NULL CHECK (kind IN ('transfer', 'direct_debit', 'other')),
        amount_cents bigint NOT NULL CHECK (amount_cents > 0 AND amount_cents <= 100000000000),
        received_on date NOT NULL,
        reference varchar(140),
        -- The bank statement entry it came from (CAMT.053 AcctSvcrRef / NtryRef): the same entry is never imported twice.
        bank_entry_reference varchar(140),
        recorded_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_payments_organisation_id UNIQUE (organisation_id, id),
        CONSTRAINT uq_payments_bank_entry UNIQUE (organisation_id, bank_entry_reference),
        CONSTRAINT fk_payments_invoice FOREIGN KEY (organisation_id, invoice_id) REFERENCES invoices (organisation_id, id)
      )`);
    await queryRunner.query(`CREATE INDEX ix_payments_invoice ON payments (organisation_id, invoice_id)`);

    // Issued documents never change (French numbering and archiving rules): only the e-mailing is recorded afterwards.
    await queryRunner.query(`
      CREATE FUNCTION invoices_immutable_once_issued() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          IF OLD.status = 'issued' THEN RAISE EXCEPTION 'issued invoice % cannot be deleted', OLD.number USING ERRCODE = 'check_violation'; END IF;
          RETURN OLD;
        END IF;
        IF OLD.status = 'issued' AND (to_jsonb(NEW) - 'emailed_at' - 'updated_at') IS DISTINCT FROM (to_jsonb(OLD) - 'emailed_at' - 'updated_at') THEN
          RAISE EXCEPTION 'issued invoice % cannot be changed', OLD.number USING ERRCODE = 'check_violation';
        END IF;
        IF OLD.status = 'cancelled' AND NEW IS DISTINCT FROM OLD THEN
          RAISE EXCEPTION 'a cancelled draft cannot be changed' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER tr_invoices_immutable BEFORE UPDATE OR DELETE ON invoices FOR EACH ROW EXECUTE FUNCTION invoices_immutable_once_issued()`);
    await queryRunner.query(`
      CREATE FUNCTION invoice_lines_immutable_once_issued() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE parent_status varchar;
      BEGIN
        SELECT status INTO parent_status FROM invoices WHERE id = COALESCE(NEW.invoice_id, OLD.invoice_id);
        IF parent_status IN ('issued', 'cancelled') THEN
          RAISE EXCEPTION 'the lines of an % invoice cannot be changed', parent_status USING ERRCODE = 'check_violation';
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER tr_invoice_lines_immutable BEFORE INSERT OR UPDATE OR DELETE ON invoice_lines FOR EACH ROW EXECUTE FUNCTION invoice_lines_immutable_once_issued()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE payments, invoice_lines, billing_charges, invoices, billing_runs, invoice_sequences, sepa_mandates, billing_customers, billing_settings`);
    await queryRunner.query(`DROP FUNCTION invoice_lines_immutable_once_issued()`);
    await queryRunner.query(`DROP FUNCTION invoices_immutable_once_issued()`);
  }
}
