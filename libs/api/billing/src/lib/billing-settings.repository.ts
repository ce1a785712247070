import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Queryable } from '@incubator/api/sql';
import type { BillingSettings } from '@incubator/contracts';

interface BillingSettingsRow {
  iban: string | null;
  bic: string | null;
  sepa_creditor_id: string | null;
  invoice_prefix: string;
  credit_note_prefix: string;
  payment_terms_days: number;
  late_penalty_rate_bp: number;
  recovery_indemnity_cents: number;
  default_vat_rate_bp: number;
  vat_on_debits: boolean;
}

/** The migration's defaults: what an organisation that never saved its billing settings bills with. */
export const DEFAULT_BILLING_SETTINGS: BillingSettings = {
  iban: null,
  bic: null,
  sepaCreditorId: null,
  invoicePrefix: 'F',
  creditNotePrefix: 'AV',
  paymentTermsDays: 30,
  latePenaltyRateBp: 1215,
  recoveryIndemnityCents: 4000,
  defaultVatRateBp: 2000,
  vatOnDebits: false,
};

/** billing_settings: one row per organisation, absent until first saved. */
@Injectable()
export class BillingSettingsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(organisationId: string, db: Queryable = this.dataSource): Promise<BillingSettings> {
    const [row] = await db.query<BillingSettingsRow[]>('SELECT * FROM billing_settings WHERE organisation_id = $1', [organisationId]);
    return row ? toSettings(row) : { ...DEFAULT_BILLING_SETTINGS };
  }

  async upsert(db: Queryable, organisationId: string, s: BillingSettings): Promise<void> {
    await db.query(
      `INSERT INTO billing_settings (organisation_id, iban, bic, sepa_creditor_id, invoice_prefix, credit_note_prefix, payment_terms_days,
                                     late_penalty_rate_bp, recovery_indemnity_cents, default_vat_rate_bp, vat_on_debits)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (organisation_id) DO UPDATE SET iban = EXCLUDED.iban, bic = EXCLUDED.bic, sepa_creditor_id = EXCLUDED.sepa_creditor_id,
         invoice_prefix = EXCLUDED.invoice_prefix, credit_note_prefix = EXCLUDED.credit_note_prefix, payment_terms_days = EXCLUDED.payment_terms_days,
         late_penalty_rate_bp = EXCLUDED.late_penalty_rate_bp, recovery_indemnity_cents = EXCLUDED.recovery_indemnity_cents,
         default_vat_rate_bp = EXCLUDED.default_vat_rate_bp, vat_on_debits = EXCLUDED.vat_on_debits, updated_at = now()`,
      [organisationId, s.iban, s.bic, s.sepaCreditorId, s.invoicePrefix, s.creditNotePrefix, s.paymentTermsDays, s.latePenaltyRateBp, s.recoveryIndemnityCents, s.defaultVatRateBp, s.vatOnDebits],
    );
  }
}

function toSettings(row: BillingSettingsRow): BillingSettings {
  return {
    iban: row.iban,
    bic: row.bic,
    sepaCreditorId: row.sepa_creditor_id,
    invoicePrefix: row.invoice_prefix,
    creditNotePrefix: row.credit_note_prefix,
    paymentTermsDays: row.payment_terms_days,
    latePenaltyRateBp: row.late_penalty_rate_bp,
    recoveryIndemnityCents: row.recovery_indemnity_cents,
    defaultVatRateBp: row.default_vat_rate_bp,
    vatOnDebits: row.vat_on_debits,
  };
}
